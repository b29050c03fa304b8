/**
 * The filters, sort and paging of getCases and getTasks, as tables: a filter is a body field, its rule and a
 * predicate; a sort key is a name and what to compare. Both operations take the same body (the two pages' tables
 * are the same table), so one implementation serves both.
 *
 * Decisions where the pages disagree or say nothing (sandbox/README.md lists them):
 * - `mycase` (the table) and `mytask` (the getTasks sample) are one filter, accepted under both names on both.
 * - `name` (the getCases sample's only key) is a filter like `searchText`: the name contains it, any case.
 * - `sortBy` is a field name (the table: a String, sorted descending) or `{field: "asc"|"desc"}` (the sample).
 * - Dates (`startDate`, `endDate`, `dueDate`) are ISO 8601 or epoch ms; `dueDate` given as a day (2025-05-29)
 *   matches that UTC day, as a date-time the exact instant. `startDate`/`endDate` bound `createdAt`, inclusive.
 * - Array filters match a value's name, `_id` or category, ignoring case (`open`, `Open`, `In-Progress`); an empty
 *   array filters nothing (the sample sends `queues: []`). `unresolved`/`unassigned`/`mycase` false filter nothing.
 * - Paging: `skip` (default 0) and `limit` (1 to 100, default 50, as the getCases sample answers with none sent).
 */
import type { CaseRecord } from './case.js';
import { ErrorCode, problem, type Problem } from '../http/errors.js';
import { checkFields, isObject, type Rules } from './fields.js';
import type { Task } from './task.js';

export type Listed = CaseRecord | Task;

const flag = { kind: 'boolean' } as const;
const names = { kind: 'strings' } as const;
const text = { kind: 'string', mayBeEmpty: true, maxLength: 1024 } as const;
export const defaultLimit = 50;
export const maxLimit = 100;

export const listRules: Rules = {
  skip: { kind: 'count', min: 0, max: 1_000_000_000 },
  limit: { kind: 'count', min: 1, max: maxLimit },
  searchText: text,
  name: text,
  unresolved: flag,
  unassigned: flag,
  mycase: flag,
  mytask: flag,
  priority: names,
  status: names,
  channel: names,
  queues: names,
  agents: names,
  startDate: { kind: 'instant' },
  endDate: { kind: 'instant' },
  dueDate: { kind: 'instant' },
  sortBy: { kind: 'any' },
};

interface FilterContext {
  me?: string; // the caller's user id
  dueDay: boolean; // dueDate was given as a day
}

const closedCategories = new Set(['resolved', 'closed']);
const dueOf = (item: Listed): number => ('dueDate' in item && typeof item.dueDate === 'number' ? item.dueDate : item.ETA ? Date.parse(item.ETA) : NaN);
const agentOf = (item: Listed): string | undefined => ('agentId' in item.currAssignee ? item.currAssignee.agentId : undefined);
const anyOf = (wanted: string[], values: (string | undefined)[]) =>
  wanted.length === 0 || wanted.some((w) => values.some((v) => v !== undefined && v.toLowerCase() === w.toLowerCase()));
const nameHas = (item: Listed, v: string) => item.lname.includes(v.toLowerCase());
const mine = (item: Listed, v: boolean, ctx: FilterContext) => !v || (ctx.me !== undefined && agentOf(item) === ctx.me);
const day = 24 * 3600_000;

type Predicate = (item: Listed, value: never, ctx: FilterContext) => boolean;
const filters: Record<string, Predicate> = {
  searchText: nameHas,
  name: nameHas,
  unresolved: (item, v: boolean) => !v || !closedCategories.has(item.status.statusCategory.toLowerCase()),
  unassigned: (item, v: boolean) => !v || item.assigneeType === 'unassigned',
  mycase: mine,
  mytask: mine,
  priority: (item, v: string[]) => anyOf(v, [item.priority._id, item.priority.name]),
  status: (item, v: string[]) => anyOf(v, [item.status._id, item.status.name, item.status.statusCategory]),
  channel: (item, v: string[]) => anyOf(v, [item.source, ...item.channel]),
  queues: (item, v: string[]) => anyOf(v, item.queues.flatMap((q) => [q._id, q.name])),
  agents: (item, v: string[]) => anyOf(v, 'aId' in item.currAssignee ? [item.currAssignee.agentId, item.currAssignee.aId] : []),
  startDate: (item, v: number) => Date.parse(item.createdAt) >= v,
  endDate: (item, v: number) => Date.parse(item.createdAt) <= v,
  dueDate: (item, v: number, ctx) => (ctx.dueDay ? dueOf(item) >= v && dueOf(item) < v + day : dueOf(item) === v),
};

const sortKeys: Record<string, (item: Listed) => number | string> = {
  createdAt: (i) => i.createdAt,
  updatedAt: (i) => i.updatedAt,
  dueDate: dueOf,
  name: (i) => i.lname,
  priority: (i) => i.priority.score,
  status: (i) => i.status.name.toLowerCase(),
  refId: (i) => Number(/\d+$/.exec(i.refId)?.[0] ?? 0),
};
const sortAliases: Record<string, string> = { createdDate: 'createdAt', createdOn: 'createdAt', updatedDate: 'updatedAt', ETA: 'dueDate' };

type Direction = 1 | -1;

/** `sortBy` as [key, direction] pairs, or the message saying what is wrong with it. */
function sortOf(value: unknown): [string, Direction][] | string {
  const known = `known: ${[...Object.keys(sortKeys), ...Object.keys(sortAliases)].join(', ')}`;
  // own keys only: `constructor` or `__proto__` is a client's unknown field, not a key every object inherits
  const key = (name: string) => (Object.hasOwn(sortAliases, name) ? sortAliases[name] : Object.hasOwn(sortKeys, name) ? name : undefined);
  if (value === undefined || value === '') return [['createdAt', -1]];
  if (typeof value === 'string') {
    const k = key(value);
    return k ? [[k, -1]] : `sortBy: unknown field "${value.slice(0, 40)}" (${known})`;
  }
  if (!isObject(value)) return 'sortBy must be a field name or an object like {"dueDate": "desc"}';
  const pairs: [string, Direction][] = [];
  for (const [name, dir] of Object.entries(value)) {
    const k = key(name);
    if (!k) return `sortBy: unknown field "${name.slice(0, 40)}" (${known})`;
    const d = typeof dir === 'string' ? dir.toLowerCase() : dir;
    if (d !== 'asc' && d !== 'desc' && d !== 1 && d !== -1) return `sortBy.${k} must be "asc" or "desc" (or 1 / -1)`;
    pairs.push([k, d === 'asc' || d === 1 ? 1 : -1]);
  }
  return pairs.length > 0 ? pairs : [['createdAt', -1]];
}

export interface ListRequest {
  skip: number;
  limit: number;
  filters: [Predicate, unknown][];
  sort: [string, Direction][];
  ctx: FilterContext;
}

/** The checked list request, or a 400 naming every field that is wrong. */
export function listRequestOf(given: unknown, me: string | undefined): ListRequest | Problem {
  const body = given ?? {}; // a JSON null asks for everything, like {}
  const checked = checkFields(body, listRules);
  const sort = sortOf(isObject(body) ? body.sortBy : undefined);
  const problems = [...(checked.ok ? [] : checked.problems), ...(typeof sort === 'string' ? [sort] : [])];
  if (!checked.ok || typeof sort === 'string') return problem(400, ErrorCode.invalidRequest, problems);
  const { skip = 0, limit = defaultLimit, sortBy: _sort, ...filterValues } = checked.values;
  const rawDue = (body as Record<string, unknown>).dueDate;
  return {
    skip: skip as number,
    limit: limit as number,
    filters: Object.entries(filterValues).map(([key, value]) => [filters[key]!, value]),
    sort,
    ctx: { me, dueDay: typeof rawDue === 'string' && rawDue.length === 10 },
  };
}

export interface Page<T> {
  results: T[];
  page: number;
  limit: number;
  hasMore: boolean;
  totalPages: number;
  totalResults: number;
}

/** Filters, sorts (creation order breaks ties, in the first key's direction) and cuts out the page. */
export function pageOf<T extends Listed>(items: T[], request: ListRequest, applyFilters = true): Page<T> {
  const { skip, limit, sort, ctx } = request;
  const kept = applyFilters && request.filters.length > 0 ? items.filter((item) => request.filters.every(([test, value]) => test(item, value as never, ctx))) : items;
  // an item without the key (a task with no due date) sorts last either way
  const keyOf = (item: T, [k, dir]: [string, Direction]) => {
    const key = sortKeys[k]!(item);
    return Number.isNaN(key) ? dir * Infinity : key;
  };
  // One flat column of keys per sort key and positions sorted by them: no object per item, which on a tenant of
  // 10,000 tasks made garbage collection the largest cost of a listing.
  const columns = sort.map((s) => kept.map((item) => keyOf(item, s)));
  const order = kept.map((_, index) => index);
  order.sort((a, b) => {
    for (let n = 0; n < sort.length; n++) {
      const x = columns[n]![a]!;
      const y = columns[n]![b]!;
      if (x !== y) return (x < y ? -1 : 1) * sort[n]![1];
    }
    return (a - b) * sort[0]![1];
  });
  const results = order.slice(skip, skip + limit).map((index) => kept[index]!);
  return {
    results,
    page: Math.floor(skip / limit) + 1,
    limit,
    hasMore: skip + results.length < kept.length,
    totalPages: Math.ceil(kept.length / limit),
    totalResults: kept.length,
  };
}
