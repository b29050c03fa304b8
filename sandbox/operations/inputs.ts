/** What a createTask body holds once checked (create-task.ts's field table), as resolve.ts reads it. */
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
