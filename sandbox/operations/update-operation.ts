/**
 * updateCase and updateTask: partial updates over one table of the fields a client may change. `lname` follows
 * `name` and a case's system fields follow it; `updatedAt` and `updatedBy` move. Every other field of the pages'
 * tables is read-only: ignored when sent, as a client sending back the whole object expects.
 */
import { describedPriority, driftFor, itemAnswer, linkedCase } from './answers.js';
import { caseFields, type CaseRecord } from './case.js';
import type { QueueEntry } from './records.js';
import { ErrorCode, isProblem, problem } from '../http/errors.js';
import { bounds, recordTooLarge } from './bounds.js';
import { instantOf, maxLength, preview, refOf, type BodyTable, type RefValue, type Rule, typeOf } from './fields.js';
import type { Caller } from '../tenant/auth.js';
import type { FamilyDeps, Operation } from './operation.js';
import { acceptBody } from './request-body.js';
import { taskCreator } from './resolve.js';
import type { Task } from './task.js';
import type { NamedRef, TenantIndex } from '../tenant/tenant.js';

type Item = CaseRecord | Task;

interface PatchContext {
  tenant: TenantIndex;
  at: string; // now, ISO
}

interface PatchField {
  rule: Rule;
  /** Changes the (copied) item; returns what is wrong with a value the tenant does not know. */
  apply(item: Item, value: never, ctx: PatchContext): string | undefined;
}

const isCase = (item: Item): item is CaseRecord => item.conversationType === 'CASE';

function findRef<T extends NamedRef>(list: T[], ref: RefValue): T | undefined {
  return list.find((x) => (ref._id !== undefined ? x._id === ref._id : x.name.toLowerCase() === ref.name!.toLowerCase()));
}
const unknownRef = (field: string, ref: RefValue, list: NamedRef[]) =>
  `${field}: no ${field} ${JSON.stringify(ref._id ?? ref.name)} in this tenant (known: ${list.map((x) => x.name).join(', ')})`;

function setDue(item: Item, ms: number | undefined): undefined {
  item.ETA = ms === undefined ? '' : new Date(ms).toISOString();
  if (isCase(item) && ms !== undefined) item.dueDate = ms;
  return undefined;
}

/** The agent an assignee names (by agentId, aId or _id, each a string when given), or the message saying what is wrong. */
function agentKeyed(value: Record<string, unknown>): string | undefined | { problem: string } {
  for (const key of ['agentId', 'aId', '_id']) {
    const given = value[key];
    if (given === undefined) continue;
    return typeof given === 'string' ? given : { problem: `currAssignee.${key} must be a string (got ${typeOf(given)})` };
  }
  return undefined;
}

/** A `queues` entry: a queue id (`qu-…`) or name, or an object with its `_id` or `name`. */
function queueRef(entry: unknown, index: number): RefValue | string {
  if (typeof entry === 'string' && entry.startsWith('qu-')) return { _id: entry };
  return refOf(`queues[${index}]`, entry);
}

/** A status or priority: one of the tenant's, named by `_id` or name. */
function tenantChoice(field: 'status' | 'priority', listOf: (tenant: TenantIndex) => NamedRef[]): PatchField {
  return {
    rule: { kind: 'ref' },
    apply(item, v: RefValue, { tenant }) {
      const list = listOf(tenant);
      const found = findRef(list, v);
      if (!found) return unknownRef(field, v, list);
      (item as unknown as Record<string, NamedRef>)[field] = found;
      return undefined;
    },
  };
}

/** The fields a client may change, in the order they are applied (assignment last: it depends on queues). */
const patchFields: Record<string, PatchField> = {
  name: {
    rule: { kind: 'string', maxLength: maxLength.name },
    apply(item, v: string) {
      item.name = v;
      item.lname = v.toLowerCase();
      return undefined;
    },
  },
  desc: { rule: { kind: 'string', mayBeEmpty: true, maxLength: maxLength.desc }, apply: (item, v: string) => void (item.desc = v) },
  tags: {
    rule: { kind: 'strings', maxItems: bounds.tags, maxItemLength: bounds.listItemLength },
    apply: (item, v: string[]) => void (item.tags = v),
  },
  source: { rule: { kind: 'string', maxLength: maxLength.source }, apply: (item, v: string) => void (item.source = v) },
  channel: {
    rule: { kind: 'strings', maxItems: bounds.channel, maxItemLength: bounds.listItemLength },
    apply: (item, v: string[]) => void (item.channel = v),
  },
  isActive: { rule: { kind: 'boolean' }, apply: (item, v: boolean) => void (item.isActive = v) },
  status: tenantChoice('status', (t) => t.statuses),
  priority: tenantChoice('priority', (t) => t.priorities),
  dueDate: { rule: { kind: 'instant', form: 'ms' }, apply: (item, v: number) => setDue(item, v) },
  ETA: {
    rule: { kind: 'any' },
    apply(item, v: unknown) {
      if (v === '') return setDue(item, undefined);
      const ms = typeof v === 'string' ? instantOf(v) : undefined;
      return ms === undefined ? 'ETA must be an ISO 8601 date-time or ""' : setDue(item, ms);
    },
  },
  queues: {
    rule: { kind: 'any' },
    apply(item, v: unknown, { tenant, at }) {
      if (!Array.isArray(v)) return `queues must be an array of queue ids or names (got ${typeOf(v)})`;
      if (v.length > bounds.queues) return `queues must have at most ${bounds.queues} entries (got ${v.length})`;
      const entries: QueueEntry[] = [];
      for (const [index, q] of v.entries()) {
        const ref = queueRef(q, index);
        if (typeof ref === 'string') return ref;
        const found = findRef(tenant.queues, ref);
        if (!found)
          return `queues: no queue ${preview(ref._id ?? ref.name)} in this tenant (known: ${tenant.queues.map((x) => x.name).join(', ') || 'none'})`;
        entries.push({ _id: found._id, name: found.name, type: 'ASSIGNED', status: 'ACTIVE', startTime: at });
      }
      item.queues = entries;
      if (item.assigneeType !== 'agent') item.assigneeType = entries.length > 0 ? 'queues' : 'unassigned';
      return undefined;
    },
  },
  assigneeType: {
    rule: { kind: 'string', maxLength: 32 },
    apply(item, v: string) {
      if (!['unassigned', 'agent', 'queues'].includes(v)) return 'assigneeType must be unassigned, agent or queues';
      if (v === 'unassigned') {
        item.currAssignee = {};
        item.queues = [];
        item.assigneeType = 'unassigned';
      }
      return undefined; // agent / queues follow from currAssignee / queues
    },
  },
  currAssignee: {
    rule: { kind: 'object' },
    apply(item, v: Record<string, unknown>, { tenant, at }) {
      const key = agentKeyed(v);
      if (typeof key === 'object') return key.problem;
      if (key === undefined) {
        if (Object.keys(v).length > 0) return 'currAssignee must name an agent by agentId (a user id) or aId, or be {} to unassign';
        item.currAssignee = {};
        item.assigneeType = item.queues.length > 0 ? 'queues' : 'unassigned';
        return undefined;
      }
      const agent = tenant.agents.get(key);
      if (!agent) return `currAssignee: no agent ${preview(key)} in this tenant`;
      const assignee = { aId: agent.aId!, name: agent.name, agentId: agent._id };
      item.currAssignee = assignee;
      item.assigneeType = 'agent';
      if (!item.participants.some((p) => p.agentId === agent._id))
        item.participants = [...item.participants, { ...assignee, pStatus: 'ACTIVE', assignedAt: at }];
      return undefined;
    },
  },
};

const patchTable: BodyTable = { fields: Object.fromEntries(Object.entries(patchFields).map(([key, f]) => [key, f.rule])) };

/** A copy of `current` with the checked values applied, or what the tenant does not know of them. */
function patched(current: Item, values: Record<string, unknown>, tenant: TenantIndex, caller: Caller | undefined): { item: Item } | string[] {
  const ctx: PatchContext = { tenant, at: new Date().toISOString() };
  const item = { ...current } as Item;
  const problems = Object.entries(values).flatMap(([key, value]) => patchFields[key]!.apply(item, value as never, ctx) ?? []);
  if (problems.length > 0) return problems;
  if (isCase(item)) item.fields = caseFields(item.fields, { name: item.name, desc: item.desc, dueDate: item.dueDate });
  item.updatedAt = ctx.at;
  if (caller) item.updatedBy = taskCreator(caller.sub, caller.app, tenant);
  return { item };
}

interface UpdateTarget {
  name: 'updateCase' | 'updateTask';
  idParam: 'caseId' | 'taskId';
  find(deps: FamilyDeps, id: string): Item | undefined;
  store(deps: FamilyDeps, item: Item): void;
  render(deps: FamilyDeps, item: Item): object;
}

function updateOperation(target: UpdateTarget) {
  return (deps: FamilyDeps): Operation => ({
    name: target.name,
    idParam: target.idParam,
    accountIdRequired: true,
    handle({ caller, stream, body, id }) {
      const drift = driftFor(deps, target.name);
      const current = target.find(deps, id);
      if (!current || current.iId !== stream._id) {
        const kind = target.idParam === 'caseId' ? 'case' : 'task';
        return problem(
          drift.unknownIdStatus ?? 404,
          drift.unknownIdStatus ? ErrorCode.internal : ErrorCode.notFound,
          `${target.idParam}: no ${kind} ${id.slice(0, 256)} in stream ${stream._id}`,
        );
      }
      const accepted = acceptBody(deps, target.name, body, patchTable, (values) =>
        drift.ignorePatch ? { item: current } : patched(current, values, deps.tenant, caller),
      );
      if (isProblem(accepted)) return accepted;
      const { item } = accepted;
      if (item !== current) {
        const tooLarge = recordTooLarge(isCase(item) ? 'case' : 'task', item, JSON.stringify(item));
        if (tooLarge) return tooLarge;
        target.store(deps, item);
      }
      return itemAnswer(deps, target.name, target.render(deps, item));
    },
  });
}

export const updateCaseOperation = updateOperation({
  name: 'updateCase',
  idParam: 'caseId',
  find: (deps, id) => deps.cases.get(id),
  store: (deps, item) => deps.cases.replace(item as CaseRecord),
  // the current page's abridged case names its priority's `desc`, which the created case does not carry
  render: (deps, item) =>
    deps.answers === 'current'
      ? { ...linkedCase(deps, item as CaseRecord), priority: describedPriority(deps, item.priority) }
      : linkedCase(deps, item as CaseRecord),
});

export const updateTaskOperation = updateOperation({
  name: 'updateTask',
  idParam: 'taskId',
  find: (deps, id) => deps.tasks.get(id),
  store: (deps, item) => deps.tasks.replace(item as Task),
  render: (_deps, item) => item,
});
