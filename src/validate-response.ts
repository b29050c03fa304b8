/** Response validation (validateResponses: true). Each operation's answer schema is loaded by its first answer. */
import { ResponseValidationError } from './errors.js';
import { check, formats, type Schema } from './schema-check.js';
import loaders from './schemas/response.js';

const loaded = new Map<string, Schema>();

/** Throws ResponseValidationError listing every field of `operation`'s answer `data` that breaks the contract. */
export async function assertValid(operation: string, data: unknown, response: Response, requestId: string | undefined): Promise<void> {
  let schema = loaded.get(operation);
  if (!schema) loaded.set(operation, (schema = await loaders[operation]!()));
  const problems = check(schema, data, formats);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
