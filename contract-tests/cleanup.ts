/**
 * Live hygiene: what a run created (every 2xx of createCase and createTask in its log, each named with the run's
 * tag) is listed in the reports and, where the platform allows, moved to a closed status with updateTask /
 * updateCase. The status is KORE_CLOSED_STATUS (the target's `closedStatus`), else a status named "Closed" or
 * "Resolved" (or of that category) that the run's answers or a filtered getTasks / getCases show, else the first of
 * those names the target takes in an update; never a guessed id. Nothing is judged here: the checks are over.
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
    const op = x.operation;
    const body = x.response?.json as Json;
    if (!creates.has(op) || !x.response || x.response.status < 200 || x.response.status > 299 || typeof body?._id !== 'string' || seen.has(body._id))
      continue;
    seen.set(body._id, {
      operation: op as CreatedItem['operation'],
      id: body._id,
      refId: typeof body.refId === 'string' ? body.refId : undefined,
      name: typeof body.name === 'string' ? body.name : undefined,
      closed: false,
    });
  }
  return [...seen.values()];
}

/** Creates the log shows answered 2xx without an `_id`: they may exist, and nothing can name them to close them. */
function unidentified(log: Exchange[]): string {
  const count = log.filter((x) => {
    const body = x.response?.json as Json;
    return creates.has(x.operation) && x.response && x.response.status >= 200 && x.response.status < 300 && typeof body?._id !== 'string';
  }).length;
  return count ? `; ${count} create(s) answered 2xx without an _id: they may exist, not closed (their names carry the run's tag)` : '';
}

type Status = { _id: string } | { name: string };
const closingNames = ['Closed', 'Resolved'];
const closing = (s: Json) =>
  typeof s?.name === 'string' &&
  (closingNames.some((n) => n.toLowerCase() === s.name.toLowerCase()) || ['closed', 'resolved'].includes(String(s.statusCategory).toLowerCase()));

/** Every status object an answer carries (a record's, or a list's items'). */
const statusesIn = (body: Json): Json[] =>
  [body?.status, ...(Array.isArray(body?.results) ? body.results.map((r: Json) => r?.status) : [])].filter((s) => s && typeof s === 'object');

/** A closing status with an id, from what the run has read so far, else from a list filtered by the closing names. */
async function findClosedStatus(ctx: RunContext, kind: CreatedItem['operation']): Promise<Status | undefined> {
  const seen = (log: Exchange[]) => log.flatMap((x) => statusesIn(x.response?.json)).find((s) => closing(s) && typeof s._id === 'string');
  const known = seen(ctx.log);
  if (known) return { _id: known._id };
  const list = kind === 'createCase' ? 'getCases' : 'getTasks';
  const x = await sendOperationWithSdk(
    ctx,
    list,
    { probe: `cleanup: find a status named ${closingNames.join(' or ')}`, intent: 'accept' },
    { status: closingNames, limit: 5 },
  );
  const found = seen([x]);
  return found && { _id: found._id };
}

/**
 * Closes one item with `status`; without a status found, tries each closing name in turn (the contract's Status
 * needs only `name`) and keeps the first the target takes, by the id its answer shows when it shows one.
 */
async function close(ctx: RunContext, item: CreatedItem, status: Status | undefined): Promise<Status | undefined> {
  const op = item.operation === 'createCase' ? 'updateCase' : 'updateTask';
  const param = item.operation === 'createCase' ? 'caseId' : 'taskId';
  let answer = '';
  for (const tried of status ? [status] : closingNames.map((name) => ({ name }))) {
    const x = await sendOperationWithSdk(ctx, op, { probe: `cleanup: close ${item.id}`, intent: 'accept' }, { status: tried }, { [param]: item.id });
    const shown = (x.response?.json as Json)?.status;
    // An abridged answer may not show the status; one that shows another status did not close it.
    if (x.response && x.response.status >= 200 && x.response.status < 300 && (!shown || status || closing(shown))) {
      item.closed = true;
      return status ?? (typeof shown?._id === 'string' ? { _id: shown._id } : tried);
    }
    answer = x.response ? `${op} answered ${x.response.status}` : (x.error ?? 'no answer');
  }
  item.note = `not closed: ${status ? answer : `no status named ${closingNames.join(' or ')} was taken (${answer}); set KORE_CLOSED_STATUS (a status id or name)`}`;
  return undefined;
}

/** What was created, listed but left open: the target is thrown away after the run. */
export async function skipCleanup(ctx: RunContext): Promise<CleanupReport> {
  const created = createdBy(ctx.log).map((c) => ({ ...c, note: 'not closed: the target is discarded after the run' }));
  return { created, summary: `${created.length} created, not closed: the target is discarded after the run${unidentified(ctx.log)}` };
}

export async function cleanup(ctx: RunContext): Promise<CleanupReport> {
  const { target } = ctx;
  if (!target.stateful) return { created: [], summary: `${target.name} keeps no state: nothing was created` };
  ctx.budget.cleanup();
  const created = createdBy(ctx.log);
  if (created.length === 0) return { created, summary: unidentified(ctx.log).slice(2) || 'nothing was created' };
  // Cases and tasks may have statuses of their own: each kind finds its own, once.
  // null: none found and none taken by name, so the kind's other items are not tried again.
  const statuses = new Map<CreatedItem['operation'], Status | null | undefined>();
  const notFound = new Map<CreatedItem['operation'], string>();
  for (const item of created) {
    const left = ctx.budget.spent() ?? notFound.get(item.operation);
    if (left) {
      item.note = left.startsWith('not closed') ? left : `not closed: ${left}`;
      continue;
    }
    if (!statuses.has(item.operation)) statuses.set(item.operation, target.fixtures.closedStatus ?? (await findClosedStatus(ctx, item.operation)));
    const status = statuses.get(item.operation) ?? undefined;
    const used = await close(ctx, item, status);
    if (used) statuses.set(item.operation, used);
    else if (!status) {
      statuses.set(item.operation, null);
      notFound.set(item.operation, item.note!);
    }
  }
  const closed = created.filter((c) => c.closed).length;
  const how = [...statuses]
    .map(
      ([kind, s]) =>
        `${kind === 'createCase' ? 'cases' : 'tasks'} ${s ? `with status ${JSON.stringify(s)}` : 'with no closing status found; set KORE_CLOSED_STATUS'}`,
    )
    .join(', ');
  return {
    created,
    summary: `${created.length} created (${created.filter((c) => c.operation === 'createCase').length} cases, ${created.filter((c) => c.operation === 'createTask').length} tasks), ${closed} closed${how ? `: ${how}` : ''}${unidentified(ctx.log)}`,
  };
}
