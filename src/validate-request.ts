/**
 * Request validation (validateRequests: true, the default). The client loads this module on the first call that
 * validates, then each operation's schema on its first call (`ready`), before anything is sent, so the validator
 * and the schema data stay out of the entry chunk.
 */
import { RequestValidationError } from './errors.js';
import { loadedSchemas } from './schema-check.js';
import loaders from './schemas/request.js';

const schemas = loadedSchemas(loaders);
export const ready = schemas.ready;

/** The error listing every problem of `operation`'s `body` (once `ready`), or undefined when it keeps the contract. */
export function requestError(operation: string, body: unknown): RequestValidationError | undefined {
  const problems = schemas.problems(operation, body);
  return problems.length ? new RequestValidationError(problems, operation) : undefined;
}
