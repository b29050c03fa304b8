/**
 * Compile-time proof of the SDK's public types: checked by `npm run typecheck`, and compiled again as a consumer
 * of the package under the strictest settings by strict-consumer.test.ts. Nothing here runs; a wrong type fails tsc.
 */
import { expectTypeOf } from 'vitest';
import type { components } from '../../generated/schema.js';
import * as kore from '../../src/index.js';
import type {
  CallOptions,
  PagingOptions,
  Case,
  CasePage,
  CreateCaseRequest,
  CreateTaskRequest,
  CreateTaskUserInfo,
  ErrorEnvelope,
  GetCasesRequest,
  GetTasksRequest,
  KoreClient,
  KoreClientOptions,
  Task,
  TaskPage,
  TaskRecord,
  UpdateCaseRequest,
  UpdateTaskRequest,
  WithResponse,
} from '../../src/index.js';

// each narrow error class says which status it is, as Stainless SDKs do
expectTypeOf<kore.BadRequestError['status']>().toEqualTypeOf<400>();
expectTypeOf<kore.AuthenticationError['status']>().toEqualTypeOf<401>();
expectTypeOf<kore.PermissionDeniedError['status']>().toEqualTypeOf<403>();
expectTypeOf<kore.NotFoundError['status']>().toEqualTypeOf<404>();
expectTypeOf<kore.RateLimitError['status']>().toEqualTypeOf<429>();
expectTypeOf<kore.InternalServerError['status']>().toEqualTypeOf<number>();
expectTypeOf<kore.APIConnectionError['status']>().toEqualTypeOf<undefined>(); // no answer, no status
expectTypeOf<kore.APIError['status']>().toEqualTypeOf<number | undefined>();
declare const e: unknown;
if (e instanceof kore.RateLimitError) expectTypeOf(e.status).toEqualTypeOf<429>();

// the named types are the contract's, field for field
expectTypeOf<Task>().toEqualTypeOf<components['schemas']['Task']>();
expectTypeOf<CreateTaskRequest>().toEqualTypeOf<components['schemas']['CreateTaskRequest']>();
expectTypeOf<CreateTaskUserInfo>().toEqualTypeOf<components['schemas']['CreateTaskUserInfo']>();
expectTypeOf<ErrorEnvelope>().toEqualTypeOf<components['schemas']['ErrorEnvelope']>();
expectTypeOf(kore.createKoreClient).returns.toHaveProperty('createTask').returns.resolves.toEqualTypeOf<Task>();

// an option may be given as undefined (what `process.env.X` is), also under exactOptionalPropertyTypes
// every optional option says `| undefined`; only checkable with exactOptionalPropertyTypes on (strict-consumer.test.ts)
type ExactOptional = undefined extends Required<{ a?: string | undefined }>['a'] ? true : false;
type RefusesUndefined<T> = ExactOptional extends true
  ? // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends Pick<T, K>` is how a type tells an optional key
    { [K in keyof T]-?: {} extends Pick<T, K> ? (undefined extends Required<T>[K] ? never : K) : never }[keyof T]
  : never;
expectTypeOf<RefusesUndefined<KoreClientOptions>>().toEqualTypeOf<never>();
expectTypeOf<RefusesUndefined<CallOptions>>().toEqualTypeOf<never>();
declare const maybe: string | undefined;
expectTypeOf({ streamId: 'st-1', clientId: maybe, clientSecret: maybe, jwt: maybe, accountId: maybe }).toExtend<KoreClientOptions>();
expectTypeOf({ signal: undefined, timeoutMs: undefined, maxRetries: undefined, accountId: maybe }).toExtend<CallOptions>();

// the family's types are the contract's: answers field for field, pages with typed results
type S = components['schemas'];
// (mutually assignable: an interface over openapi-typescript's WithRequired<> is not "equal" to it for expectTypeOf)
expectTypeOf<Case>().toExtend<S['Case']>();
expectTypeOf<S['Case']>().toExtend<Case>();
expectTypeOf<TaskRecord>().toExtend<S['TaskRecord']>();
expectTypeOf<S['TaskRecord']>().toExtend<TaskRecord>();
expectTypeOf<CreateCaseRequest>().toEqualTypeOf<S['CreateCaseRequest']>();
expectTypeOf<CasePage>().toExtend<S['CasePage']>();
expectTypeOf<TaskPage>().toExtend<S['TaskPage']>();
expectTypeOf<CasePage['results'][number]>().toEqualTypeOf<Case>();
expectTypeOf<TaskPage['results'][number]>().toEqualTypeOf<TaskRecord>();
// filters and patches: every contract body is accepted, and each optional field also takes undefined
expectTypeOf<S['GetCasesRequest']>().toExtend<GetCasesRequest>();
expectTypeOf<S['GetTasksRequest']>().toExtend<GetTasksRequest>();
expectTypeOf<S['UpdateCaseRequest']>().toExtend<UpdateCaseRequest>();
expectTypeOf<S['UpdateTaskRequest']>().toExtend<UpdateTaskRequest>();
expectTypeOf<RefusesUndefined<GetCasesRequest>>().toEqualTypeOf<never>();
expectTypeOf<RefusesUndefined<GetTasksRequest>>().toEqualTypeOf<never>();
expectTypeOf<RefusesUndefined<UpdateCaseRequest>>().toEqualTypeOf<never>();
expectTypeOf<RefusesUndefined<UpdateTaskRequest>>().toEqualTypeOf<never>();
expectTypeOf({ searchText: maybe, skip: undefined, limit: 10 }).toExtend<GetTasksRequest>();
expectTypeOf({ name: maybe }).toExtend<UpdateCaseRequest>();

// the methods family.md fixes, with what they resolve to
expectTypeOf<KoreClient['createCase']>().returns.resolves.toEqualTypeOf<Case>();
expectTypeOf<KoreClient['getCases']>().returns.resolves.toEqualTypeOf<CasePage>();
expectTypeOf<KoreClient['getCases']['all']>().returns.toEqualTypeOf<AsyncIterable<Case>>();
expectTypeOf<KoreClient['updateCase']>().parameters.toEqualTypeOf<[caseId: string, patch: UpdateCaseRequest, options?: CallOptions]>();
expectTypeOf<KoreClient['updateCase']>().returns.resolves.toEqualTypeOf<Case>();
expectTypeOf<KoreClient['getTasks']>().returns.resolves.toEqualTypeOf<TaskPage>();
expectTypeOf<KoreClient['getTasks']['all']>().returns.toEqualTypeOf<AsyncIterable<TaskRecord>>();
expectTypeOf<KoreClient['updateTask']>().returns.resolves.toEqualTypeOf<TaskRecord>();
expectTypeOf<KoreClient['getTasksWithResponse']>().returns.resolves.toEqualTypeOf<WithResponse<TaskPage>>();
expectTypeOf<KoreClient['updateCaseWithResponse']>().returns.resolves.toEqualTypeOf<WithResponse<Case>>();
// a filter is optional; a create's body and an update's patch are not
expectTypeOf<KoreClient['getCases']>().parameters.toEqualTypeOf<[filter?: GetCasesRequest, options?: CallOptions]>();
expectTypeOf<KoreClient['getTasks']['all']>().parameters.toEqualTypeOf<[filter?: GetTasksRequest, options?: PagingOptions]>();
// .all() takes a call's options and its own bounds, each optional
expectTypeOf({ accountId: 'a', maxPages: 10, maxItems: undefined, maxTotalBytes: 1e6 }).toExtend<PagingOptions>();
expectTypeOf<CallOptions>().toExtend<PagingOptions>();
// @ts-expect-error updateTask needs the task id and the patch
expectTypeOf<KoreClient['updateTask']>().toBeCallableWith({ name: 'n' });
