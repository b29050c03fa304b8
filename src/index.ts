/** The SDK's public surface. */
export { createKoreClient, type KoreClient, type TaskWithResponse } from './client.js';
export type { CallOptions, KoreClientOptions, Logger } from './options.js';
export type { RetryOn } from './retry.js';
export type { CreateTaskRequest, CreateTaskUserInfo, ErrorEnvelope, Task, paths } from './types.js';
export {
  KoreError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  RequestValidationError,
  ResponseValidationError,
  type Problem,
} from './errors.js';
