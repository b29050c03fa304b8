/** Response validation (validateResponses: true), loaded on first use so that it stays out of the main bundle chunk. */
import { ResponseValidationError } from './errors.js';
import { check, responseFormats } from './schema-check.js';
import taskSchema from './schemas/task.js';
import type { Task } from './types.js';

/** Throws ResponseValidationError listing every field of `task` that breaks the contract. */
export function assertValidTask(task: Task, response: Response, requestId: string | undefined): void {
  const problems = check(taskSchema, task, responseFormats);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
