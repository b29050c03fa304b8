/** The contract's types, taken only from generated/schema.d.ts (openapi-typescript), by the names the SDK exports. */
import type { components, operations, paths } from '../generated/schema.js';

export type { paths };
type Schemas = components['schemas'];
type TaskSchema = Schemas['Task'];
type RequestSchema = Schemas['CreateTaskRequest'];
type EnvelopeSchema = Schemas['ErrorEnvelope'];
// Interfaces that extend the generated types, so that editors show `Task` on hover rather than its 39 fields.
/** A task, as the platform answers createTask. */
export interface Task extends TaskSchema {}
/** The body of createTask. */
export interface CreateTaskRequest extends RequestSchema {
  userInfo: CreateTaskUserInfo;
}
/** The user the task is for: a `name`, and `_id`, `emailId` or `phoneNumber` (at least one). */
export type CreateTaskUserInfo = Schemas['CreateTaskUserInfo'] | never; // `| never`: a union of its own, named in hovers
/** The platform's error body, `{ errors: [{ msg, code }] }`. */
export interface ErrorEnvelope extends EnvelopeSchema {}

type CaseSchema = Schemas['Case'];
type TaskRecordSchema = Schemas['TaskRecord'];
type CasePageSchema = Schemas['CasePage'];
type TaskPageSchema = Schemas['TaskPage'];
type GetCasesSchema = Schemas['GetCasesRequest'];
type GetTasksSchema = Schemas['GetTasksRequest'];
type UpdateCaseSchema = Schemas['UpdateCaseRequest'];
type UpdateTaskSchema = Schemas['UpdateTaskRequest'];
// Filters and patches are all optional fields: each also takes `undefined` (what `process.env.X` is), also under
// exactOptionalPropertyTypes; JSON leaves it out of the body, so it means absent.
type OrUndefined<T> = { [K in keyof T]: T[K] | undefined };
/** A case, as createCase, getCases and updateCase answer it. */
export interface Case extends CaseSchema {}
/** A task as getTasks and updateTask answer it (fewer fields required than createTask's `Task`). */
export interface TaskRecord extends TaskRecordSchema {}
/** One page of getCases: `results`, `hasMore` and the counts. */
export interface CasePage extends CasePageSchema {
  results: Case[];
}
/** One page of getTasks: `results`, `hasMore` and the counts. */
export interface TaskPage extends TaskPageSchema {
  results: TaskRecord[];
}
/** The body of createCase: the customer is `userInfo._id`, `emailId` or `phoneNumber` (at least one). */
export type CreateCaseRequest = Schemas['CreateCaseRequest'] | never;
/** getCases' filters, every one optional. `skip` and `limit` page (getCases.all sends them). */
export interface GetCasesRequest extends OrUndefined<GetCasesSchema> {
  skip?: number | undefined;
  limit?: number | undefined;
}
/** getTasks' filters, every one optional, with `skip` and `limit` paging. */
export interface GetTasksRequest extends OrUndefined<GetTasksSchema> {}
/** updateCase's partial case: only the fields given change. */
export interface UpdateCaseRequest extends OrUndefined<UpdateCaseSchema> {}
/** updateTask's partial task: only the fields given change. */
export interface UpdateTaskRequest extends OrUndefined<UpdateTaskSchema> {}

/** Each operation's body, answer and (a list's) item, by the names above: a row for every operation of the contract. */
export interface Shapes extends Record<keyof operations, { body: object; answer: object; item?: object }> {
  createCase: { body: CreateCaseRequest; answer: Case };
  getCases: { body: GetCasesRequest; answer: CasePage; item: Case };
  updateCase: { body: UpdateCaseRequest; answer: Case };
  createTask: { body: CreateTaskRequest; answer: Task };
  getTasks: { body: GetTasksRequest; answer: TaskPage; item: TaskRecord };
  updateTask: { body: UpdateTaskRequest; answer: TaskRecord };
}

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
/** True when each row's answer is the contract's 200 answer and the contract's body is a body of the row. */
type Agrees<Op extends keyof operations> = [Json<operations[Op]['responses'][200]>] extends [Shapes[Op]['answer']]
  ? [Json<NonNullable<operations[Op]['requestBody']>>] extends [Shapes[Op]['body']]
    ? true
    : false
  : false;
// fails to compile when a row of Shapes drifts from generated/schema.d.ts
type ShapesAgree = { [Op in keyof operations]: Agrees<Op> } extends Record<keyof operations, true> ? true : never;
const shapesAgree: ShapesAgree = true;
void shapesAgree;
