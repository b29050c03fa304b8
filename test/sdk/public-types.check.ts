/**
 * Compile-time proof of the SDK's public types: checked by `npm run typecheck`, and compiled again as a consumer
 * of the package under the strictest settings by strict-consumer.test.ts. Nothing here runs; a wrong type fails tsc.
 */
import { expectTypeOf } from 'vitest';
import type { components } from '../../generated/schema.js';
import * as kore from '../../src/index.js';
import type { CallOptions, CreateTaskRequest, CreateTaskUserInfo, ErrorEnvelope, KoreClientOptions, Task } from '../../src/index.js';

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
  ? { [K in keyof T]-?: {} extends Pick<T, K> ? (undefined extends Required<T>[K] ? never : K) : never }[keyof T]
  : never;
expectTypeOf<RefusesUndefined<KoreClientOptions>>().toEqualTypeOf<never>();
expectTypeOf<RefusesUndefined<CallOptions>>().toEqualTypeOf<never>();
declare const maybe: string | undefined;
expectTypeOf({ streamId: 'st-1', clientId: maybe, clientSecret: maybe, jwt: maybe, accountId: maybe }).toExtend<KoreClientOptions>();
expectTypeOf({ signal: undefined, timeoutMs: undefined, maxRetries: undefined, accountId: maybe }).toExtend<CallOptions>();
