/**
 * What a run's selection and budgets allow each check: the checks that write run only when their operations are
 * selected, the run may write, and enough creates are left; the property-based check spends its share of the
 * create budget (what is left, less what the checks after it need).
 */
import type { RunContext } from './context.js';
import { creates, writes } from './selection.js';
import { operationIds, type OperationId } from './spec.js';
import { checkNames, type CheckName } from './types.js';

/** The checks that send writes of their own: the operations they call and the records they create. */
export const writingChecks: Partial<Record<CheckName, { operations: readonly OperationId[]; creates: number; what: string }>> = {
  semantic: { operations: ['createTask'], creates: 2, what: 'two creates' },
  stateful_links: { operations: operationIds, creates: 2, what: 'the links sequence' },
};

const createsLeft = (ctx: RunContext) => {
  const { created, max } = ctx.budget.creates();
  return max === undefined ? undefined : Math.max(0, max - created);
};

/** Why a check does not run on this selection (not selected, read-only, creates spent); undefined when it runs. */
export function whyNotRun(ctx: RunContext, check: CheckName): string | undefined {
  const needs = writingChecks[check];
  if (!needs) return undefined;
  const missing = needs.operations.filter((op) => !ctx.selection.selected.includes(op));
  if (missing.length) return `not selected: it needs ${missing.join(', ')} (--operation, --tag)`;
  if (ctx.selection.readOnly) return 'not run (read-only): it creates and changes records';
  const left = createsLeft(ctx);
  if (left !== undefined && left < needs.creates)
    return `it needs ${needs.creates} creates, ${left} left of --max-creates ${ctx.budget.creates().max}`;
  return undefined;
}

/**
 * What the property-based check may do with an operation: `skip` a write in a read-only run; for a create, at most
 * `maxValidRuns` valid bodies (its share of the creates left, less what the later writing checks need), and
 * `noCreates` says why when that is none. No create budget: no cap.
 */
export function propertyScope(ctx: RunContext, op: OperationId): { skip?: string; maxValidRuns?: number; noCreates?: string } {
  if (ctx.selection.readOnly && writes.has(op)) return { skip: `${op}: generated bodies: not run (read-only)` };
  const left = createsLeft(ctx);
  if (left === undefined || !creates.has(op)) return {};
  const later = checkNames.slice(checkNames.indexOf('property_based') + 1).filter((c) => writingChecks[c] && !whyNotRun(ctx, c));
  const reserved = later.reduce((n, c) => n + writingChecks[c]!.creates, 0);
  const sharers = ctx.selection.selected.filter((id) => creates.has(id)).length;
  const share = Math.floor(Math.max(0, left - reserved) / Math.max(1, sharers));
  return {
    maxValidRuns: share,
    noCreates: `no creates left of --max-creates ${ctx.budget.creates().max}${reserved ? ` (${reserved} kept for ${later.join(', ')})` : ''}`,
  };
}
