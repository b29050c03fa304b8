/** Response validation (validateResponses: true). Each operation's answer schema is loaded by its first answer. */
import { ResponseValidationError } from './errors.js';
import { compile, type Validator } from './schema-check.js';
import loaders from './schemas/response.js';

const validators = new Map<string, Validator>();

/** Throws ResponseValidationError listing every field of `operation`'s answer `data` that breaks the contract. */
export async function assertValid(operation: string, data: unknown, response: Response, requestId: string | undefined): Promise<void> {
  let validate = validators.get(operation);
  if (!validate) validators.set(operation, (validate = compile((await loaders[operation]!()).default)));
  const problems = validate(data);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
