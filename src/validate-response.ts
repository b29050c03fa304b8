/** Response validation (validateResponses: true), loaded on first use (each operation's schema on its first answer, `ready`). */
import { ResponseValidationError } from './errors.js';
import { loadedSchemas } from './schema-check.js';
import loaders from './schemas/response.js';

const schemas = loadedSchemas(loaders);
export const ready = schemas.ready;

/** Throws ResponseValidationError listing every field of `operation`'s answer `data` (once `ready`) that breaks the contract. */
export function assertValid(operation: string, data: unknown, response: Response, requestId: string | undefined): void {
  const problems = schemas.problems(operation, data);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
