/**
 * Request validation (validateRequests: true, the default). The client loads this module on the first call that
 * validates, before anything is sent, so the validator and the schema data stay out of the entry chunk.
 */
import { RequestValidationError } from './errors.js';
import { check, formats } from './schema-check.js';
import schemas from './schemas/request.js';

/** The error listing every problem of `operation`'s `body`, or undefined when it keeps the contract. */
export function requestError(operation: string, body: unknown): RequestValidationError | undefined {
  const problems = check(schemas[operation]!, body, formats);
  return problems.length ? new RequestValidationError(problems, operation) : undefined;
}
