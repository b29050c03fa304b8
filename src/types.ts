/**
 * The contract's types, taken only from generated/schema.d.ts (openapi-typescript), and the two facts of the wire
 * the SDK needs at run time: the operation's path and where the platform's request id travels.
 */
import type { components, paths } from '../generated/schema.js';

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

export const createTaskPath = '/caseManagement/api/public/analytics/{streamId}/createTask' satisfies keyof paths;

/** The platform's request id, when the answer carries one. */
export const requestIdOf = (response: Response): string | undefined => response.headers.get('x-request-id') ?? undefined;
