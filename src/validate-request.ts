/**
 * Request validation (validateRequests: true, the default). The client loads this module on the first createTask
 * call that validates, before anything is sent, so the validator and the schema data stay out of the entry chunk.
 */
import { RequestValidationError } from './errors.js';
import { check, requestFormats } from './schema-check.js';
import requestSchema from './schemas/request.js';
import type { CreateTaskRequest } from './types.js';

/** The error listing every problem of `body`, or undefined when it keeps the contract. */
export function requestError(body: CreateTaskRequest): RequestValidationError | undefined {
  const problems = check(requestSchema, body, requestFormats);
  return problems.length ? new RequestValidationError(problems) : undefined;
}
