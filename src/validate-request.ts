/** Request validation (validateRequests: true, the default): a body that breaks the contract is never sent. */
import { RequestValidationError } from './errors.js';
import { compile, type Validator } from './schema-check.js';
import schemas from './schemas/request.js';

const validators = new Map<string, Validator>();

/** The error listing every problem of `operation`'s `body`, or undefined when it keeps the contract. */
export function requestError(operation: string, body: unknown): RequestValidationError | undefined {
  let validate = validators.get(operation);
  if (!validate) validators.set(operation, (validate = compile(schemas[operation]!)));
  const problems = validate(body);
  return problems.length ? new RequestValidationError(problems, operation) : undefined;
}
