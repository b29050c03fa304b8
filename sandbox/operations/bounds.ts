/**
 * What one stored record and one page of a listing may hold, so a few large requests cannot fill the sandbox's
 * memory or break every later listing. sandbox/README.md states the same numbers.
 */
import { ErrorCode, problem, type Problem } from '../http/errors.js';

export const bounds = {
  tags: 100, // items of a case's or task's `tags`
  channel: 20, // items of `channel`
  listItemLength: 256, // characters of one `tags` or `channel` item
  queues: 20, // entries of `queues`, each one of the tenant's queues
  recordBytes: 128 * 1024, // a stored case or task, as JSON
  pageBytes: 8 * 1024 * 1024, // a getCases / getTasks answer: under the SDK's 10 MiB answer cap
} as const;

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;

/** The 400 for a record that would pass `bounds.recordBytes`, naming its largest fields; undefined when it fits. */
export function recordTooLarge(kind: 'case' | 'task', record: object, json: string): Problem | undefined {
  const size = Buffer.byteLength(json);
  if (size <= bounds.recordBytes) return undefined;
  const largest = Object.entries(record)
    .map(([key, value]) => [key, JSON.stringify(value)?.length ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key]) => key);
  return problem(
    400,
    ErrorCode.invalidRequest,
    `${largest.join(', ')}: the ${kind} would be ${kib(size)} of JSON, above the ${kib(bounds.recordBytes)} a ${kind} may hold`,
  );
}

/** The 400 for a page that would pass `bounds.pageBytes`, naming `limit`; undefined when it fits. */
export function pageTooLarge(json: string, limit: number): Problem | undefined {
  const size = Buffer.byteLength(json);
  if (size <= bounds.pageBytes) return undefined;
  return problem(
    400,
    ErrorCode.invalidRequest,
    `limit: a page of ${limit} would be ${kib(size)}, above the ${kib(bounds.pageBytes)} a page may be; ask for a smaller limit`,
  );
}
