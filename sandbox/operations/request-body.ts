/**
 * A request body as every operation takes it: its field table, then what the operation resolves from it (tenant
 * references, a patch); the drift in force for the operation may loosen or break either step.
 */
import { driftFor } from './answers.js';
import { checkBody, lenientValues, type BodyTable } from './fields.js';
import { ErrorCode, problem, type Problem } from '../http/errors.js';
import type { FamilyDeps } from './operation.js';
import type { OperationName } from './operation-name.js';

/** What an operation makes of the checked values: what it goes on with, or problems that each name a field. */
export type Resolve<T extends object> = (values: Record<string, unknown>, lenient: boolean) => T | string[];

/** `resolve`'s result, or the refusal naming every problem (400, or the status a drift gives). */
export function acceptBody<T extends object>(
  deps: FamilyDeps,
  operation: OperationName,
  body: unknown,
  table: BodyTable,
  resolve: Resolve<T>,
): T | Problem {
  const drift = driftFor(deps, operation);
  const refuse = (problems: string[]) => problem(drift.validationStatus ?? 400, ErrorCode.invalidRequest, problems);
  const lenient = drift.skipValidation === true;
  const checked = lenient ? { ok: true as const, values: lenientValues(body, table.fields) } : checkBody(body, table);
  if (!checked.ok) return refuse(checked.problems);
  const resolved = resolve(checked.values, lenient);
  if (Array.isArray(resolved)) return refuse(resolved);
  if (drift.failsValidRequest?.(checked.values)) return problem(500, ErrorCode.internal, 'internal error');
  return resolved;
}
