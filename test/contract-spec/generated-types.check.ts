/**
 * Compile-time proof (checked by `npm run typecheck`, i.e. `tsc --strict`) that the generated types of createTask are
 * precise: no `any` or `unknown` in the request or response, and `userInfo` is a real union.
 * Nothing here runs; a wrong type makes tsc fail.
 */
import type { components, operations } from '../../generated/schema.js';
import type { CreateTaskRequest as GeneratorRequest, Task as GeneratorTask } from '../../generated/openapi-generator-client/index.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
type IsUnknown<T> = unknown extends T ? (IsAny<T> extends true ? false : true) : false;
type Loose<T> = IsAny<T> extends true ? true : IsUnknown<T>;
type Expect<T extends true> = T;
type NoLooseField<T> = { [K in keyof T]-?: Loose<T[K]> }[keyof T] extends false ? true : false;

type Request = operations['createTask']['requestBody']['content']['application/json'];
type Response = operations['createTask']['responses']['200']['content']['application/json'];
type Task = components['schemas']['Task'];
type UserInfo = components['schemas']['CreateTaskUserInfo'];

export type Checks = [
  Expect<NoLooseField<Request>>,
  Expect<NoLooseField<Task>>,
  Expect<NoLooseField<Task['status']>>,
  Expect<NoLooseField<Task['priority']>>,
  Expect<NoLooseField<Task['fields'][number]>>,
  Expect<NoLooseField<Task['fields'][number]['metaData']>>,
  Expect<NoLooseField<Task['createdBy']>>,
  Expect<NoLooseField<GeneratorRequest>>,
  Expect<NoLooseField<GeneratorTask>>,
  Expect<Response extends Task ? (Task extends Response ? true : false) : false>,
  Expect<Task['createdAt'] extends string ? true : false>,
  Expect<Task['timestampValue'] extends number ? true : false>,
  Expect<Task['isBreached'] extends boolean ? true : false>,
];

// userInfo is `Base & ({_id} | {emailId} | {phoneNumber})`: each identifier alone type-checks …
export const byId: UserInfo = { name: 'dummy', _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx' };
export const byEmail: UserInfo = { name: 'dummy', emailId: 'dummy@mailinator.com' };
export const byPhone: UserInfo = { name: 'dummy', phoneNumber: '+14155550123' };
// … and a user with none of them does not.
// @ts-expect-error a user must be identified by _id, emailId or phoneNumber
export const anonymous: UserInfo = { name: 'dummy' };
// @ts-expect-error userInfo.name is required
export const nameless: UserInfo = { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx' };
