/** Response validation (validateResponses: true), loaded on first use so that it stays out of the main bundle chunk. */
import { ResponseValidationError } from './errors.js';
import { check, formats } from './schema-check.js';
import schemas from './schemas/response.js';

/** Throws ResponseValidationError listing every field of `operation`'s answer `data` that breaks the contract. */
export function assertValid(operation: string, data: unknown, response: Response, requestId: string | undefined): void {
  const problems = check(schemas[operation]!, data, formats);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
