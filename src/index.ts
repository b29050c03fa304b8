/** The SDK's public surface. */
export { createKoreClient, type KoreClient, type ListMethod } from './client.js';
export type { WithResponse } from './attempt.js';
export type { CallOptions, KoreClientOptions, PagingOptions } from './options.js';
export type { Logger } from './log.js';
export type { RetryOn } from './retry.js';
export type {
  Case,
  CasePage,
  CreateCaseRequest,
  CreateTaskRequest,
  CreateTaskUserInfo,
  ErrorEnvelope,
  GetCasesRequest,
  GetTasksRequest,
  Task,
  TaskPage,
  TaskRecord,
  UpdateCaseRequest,
  UpdateTaskRequest,
  paths,
} from './types.js';
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
  InvalidArgumentError,
  PaginationError,
  type PaginationRule,
  type Problem,
} from './errors.js';
