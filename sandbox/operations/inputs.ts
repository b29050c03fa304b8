/** What a createTask body holds once checked (create-task.ts), and what resolve.ts and drift read of it. */
export interface UserInfoInput {
  _id?: string;
  name: string;
  emailId?: string;
  phoneNumber?: string;
}

export interface CreateTaskInput {
  caseId: string;
  caseRefId: string;
  taskTmp: string;
  name?: string;
  desc?: string;
  source: string;
  userInfo: UserInfoInput;
}
