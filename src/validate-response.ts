/** Response validation (validateResponses: true), loaded on first use so that it stays out of the main bundle chunk. */
import { ResponseValidationError } from './errors.js';
import { check, requestFormats, type Formats } from './schema-check.js';
import taskSchema from './schemas/task.js';
import type { Task } from './types.js';

const dateTime = /^\d{4}-[01]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
export const responseFormats: Formats = {
  ...requestFormats,
  'date-time': (v) => typeof v != 'string' || (dateTime.test(v) && !Number.isNaN(Date.parse(v))),
  int64: (v) => typeof v != 'number' || Number.isInteger(v), // as ajv-formats: every JS integer fits
  int32: (v) => typeof v != 'number' || (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31),
};

/** Throws ResponseValidationError listing every field of `task` that breaks the contract. */
export function assertValidTask(task: Task, response: Response, requestId: string | undefined): void {
  const problems = check(taskSchema, task, responseFormats);
  if (problems.length) throw new ResponseValidationError(problems, response.status, response.headers, requestId);
}
