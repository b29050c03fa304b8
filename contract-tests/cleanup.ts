/**
 * Live hygiene: what a run created (every 2xx of createCase and createTask in its log, each named with the run's
 * tag) is listed in the reports and, where the platform allows, moved to a closed status with updateTask /
 * updateCase. The status is KORE_CLOSED_STATUS (the target's `closedStatus`), else the one named "Closed" or
 * "Resolved" among what getTasks returns for that name; never a guessed id. Nothing is judged here: the checks
 * are over when it runs.
 */
import { sendOperationWithSdk } from './channels.js';
import type { RunContext } from './context.js';
import type { Json, OperationId } from './spec.js';
import type { Exchange } from './types.js';

export interface CreatedItem {
  operation: 'createCase' | 'createTask';
  id: string;
  refId?: string;
  name?: string;
  /** Moved to the closed status; false with `note` saying why not. */
  closed: boolean;
  note?: string;
}

export interface CleanupReport {
  created: CreatedItem[];
  /** One line: what was closed, with which status, or why nothing was. */
  summary: string;
}

const creates = new Set<OperationId>(['createCase', 'createTask']);

/** Everything the run's log shows it created: a 2xx of a create whose body has an `_id`. */
export function createdBy(log: Exchange[]): CreatedItem[] {
  const seen = new Map<string, CreatedItem>();
  for (const x of log) {
    const op = x.operation ?? 'createTask';
    const body = x.response?.json as Json;
    if (!creates.has(op) || !x.response || x.response.status < 200 || x.response.status > 299 || typeof body?._id !== 'string' || seen.has(body._id)) continue;
    seen.set(body._id, { operation: op as CreatedItem['operation'], id: body._id, refId: typeof body.refId === 'string' ? body.refId : undefined, name: typeof body.name === 'string' ? body.name : undefined, closed: false });
  }
  return [...seen.values()];
}

/** The closed status as getTasks shows it: the first task whose status is named Closed (else Resolved). */
async function findClosedStatus(ctx: RunContext): Promise<{ _id: string } | undefined> {
  for (const name of ['Closed', 'Resolved']) {
    const x = await sendOperationWithSdk(ctx, 'getTasks', { probe: `cleanup: find the status named ${name}`, intent: 'accept' }, { status: [name], limit: 5 });
    const results: Json[] = (x.response?.json as Json)?.results ?? [];
    const status = results.map((t) => t?.status).find((s) => typeof s?._id === 'string' && String(s.name).toLowerCase() === name.toLowerCase());
    if (status) return { _id: status._id };
  }
  return undefined;
}

/** What was created, listed but left open: the target is thrown away after the run. */
export async function skipCleanup(ctx: RunContext): Promise<CleanupReport> {
  const created = createdBy(ctx.log).map((c) => ({ ...c, note: 'not closed: the target is discarded after the run' }));
  return { created, summary: `${created.length} created, not closed: the target is discarded after the run` };
}

export async function cleanup(ctx: RunContext): Promise<CleanupReport> {
  const { target } = ctx;
  if (!target.stateful) return { created: [], summary: `${target.name} keeps no state: nothing was created` };
  ctx.budget.cleanup();
  const created = createdBy(ctx.log);
  if (created.length === 0) return { created, summary: 'nothing was created' };
  const spent = ctx.budget.spent();
  const status = spent ? undefined : (target.fixtures.closedStatus ?? (await findClosedStatus(ctx)));
  if (!status) {
    const why = spent ?? 'no status named Closed or Resolved among what getTasks returns; set KORE_CLOSED_STATUS (a status id or name)';
    return { created: created.map((c) => ({ ...c, note: `not closed: ${why}` })), summary: `${created.length} created, none closed: ${why}` };
  }
  for (const item of created) {
    const left = ctx.budget.spent();
    if (left) {
      item.note = `not closed: ${left}`;
      continue;
    }
    const op = item.operation === 'createCase' ? 'updateCase' : 'updateTask';
    const param = item.operation === 'createCase' ? 'caseId' : 'taskId';
    const x = await sendOperationWithSdk(ctx, op, { probe: `cleanup: close ${item.id}`, intent: 'accept' }, { status }, { [param]: item.id });
    item.closed = !!x.response && x.response.status >= 200 && x.response.status < 300;
    if (!item.closed) item.note = `not closed: ${x.response ? `${op} answered ${x.response.status}` : x.error}`;
  }
  const closed = created.filter((c) => c.closed).length;
  return { created, summary: `${created.length} created (${created.filter((c) => c.operation === 'createCase').length} cases, ${created.filter((c) => c.operation === 'createTask').length} tasks), ${closed} closed with status ${JSON.stringify(status)}` };
}
