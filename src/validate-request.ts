/** Request validation (validateRequests: true, the default): a body that breaks the contract is never sent. */
import { RequestValidationError } from './errors.js';
import { check, formats } from './schema-check.js';
import schemas from './schemas/request.js';

/** The error listing every problem of `operation`'s `body`, or undefined when it keeps the contract. */
export function requestError(operation: string, body: unknown): RequestValidationError | undefined {
  const schema = schemas[operation];
  const problems = schema ? check(schema, body, formats) : [];
  return problems.length ? new RequestValidationError(problems, operation) : undefined;
}
