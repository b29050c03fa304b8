/**
 * The filters, sort and paging of getCases and getTasks (the two pages' tables are the same table), as tables keyed
 * by the body's field names; sandbox/README.md lists the readings taken where the pages disagree or say nothing.
 */
import type { CaseRecord } from './case.js';
import { ErrorCode, problem, type Problem } from '../http/errors.js';
import { checkFields, isObject, type Rules } from './fields.js';
import type { Task } from './task.js';

export type Listed = CaseRecord | Task;

const flag = { kind: 'boolean' } as const;
const names = { kind: 'strings' } as const;
const text = { kind: 'string', mayBeEmpty: true, maxLength: 1024 } as const;
const defaultLimit = 50;
const maxLimit = 100;

const listRules: Rules = {
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

export interface FilterContext {
  me?: string; // the caller's user id
  dueDay: boolean; // dueDate was given as a day
}

const closedCategories = new Set(['resolved', 'closed']);
export const day = 24 * 3600_000;
export const dueOf = (item: Listed): number =>
  'dueDate' in item && typeof item.dueDate === 'number' ? item.dueDate : item.ETA ? Date.parse(item.ETA) : NaN;
export const agentOf = (item: Listed): string | undefined => ('agentId' in item.currAssignee ? item.currAssignee.agentId : undefined);
export const isClosed = (item: Listed): boolean => closedCategories.has(item.status.statusCategory.toLowerCase());

/** What each array filter matches, ignoring case: any of these values equal to any value asked for. */
export const arrayFilterValues = {
  priority: (item: Listed) => [item.priority._id, item.priority.name],
  status: (item: Listed) => [item.status._id, item.status.name, item.status.statusCategory],
  channel: (item: Listed) => [item.source, ...item.channel],
  queues: (item: Listed) => item.queues.flatMap((q) => [q._id, q.name]),
  agents: (item: Listed) => ('aId' in item.currAssignee ? [item.currAssignee.agentId, item.currAssignee.aId] : []),
} satisfies Record<string, (item: Listed) => (string | undefined)[]>;

const anyOf = (wanted: string[], values: (string | undefined)[]) =>
  wanted.length === 0 || wanted.some((w) => values.some((v) => v !== undefined && v.toLowerCase() === w.toLowerCase()));
const nameHas = (item: Listed, v: string) => item.lname.includes(v.toLowerCase());
const mine = (item: Listed, v: boolean, ctx: FilterContext) => !v || (ctx.me !== undefined && agentOf(item) === ctx.me);
const arrayFilter = (values: (item: Listed) => (string | undefined)[]) => (item: Listed, v: string[]) => anyOf(v, values(item));

type Predicate = (item: Listed, value: never, ctx: FilterContext) => boolean;
const filters = {
  searchText: nameHas,
  name: nameHas,
  unresolved: (item: Listed, v: boolean) => !v || !isClosed(item),
  unassigned: (item: Listed, v: boolean) => !v || item.assigneeType === 'unassigned',
  mycase: mine,
  mytask: mine,
  priority: arrayFilter(arrayFilterValues.priority),
  status: arrayFilter(arrayFilterValues.status),
  channel: arrayFilter(arrayFilterValues.channel),
  queues: arrayFilter(arrayFilterValues.queues),
  agents: arrayFilter(arrayFilterValues.agents),
  startDate: (item: Listed, v: number) => Date.parse(item.createdAt) >= v,
  endDate: (item: Listed, v: number) => Date.parse(item.createdAt) <= v,
  dueDate: (item: Listed, v: number, ctx: FilterContext) => (ctx.dueDay ? dueOf(item) >= v && dueOf(item) < v + day : dueOf(item) === v),
} satisfies Record<string, Predicate>;
export type FilterName = keyof typeof filters;

export const sortKeys = {
  createdAt: (i: Listed) => i.createdAt,
  updatedAt: (i: Listed) => i.updatedAt,
  dueDate: dueOf,
  name: (i: Listed) => i.lname,
  priority: (i: Listed) => i.priority.score,
  status: (i: Listed) => i.status.name.toLowerCase(),
  refId: (i: Listed) => Number(/\d+$/.exec(i.refId)?.[0] ?? 0),
} satisfies Record<string, (item: Listed) => number | string>;
export type SortKey = keyof typeof sortKeys;
const sortAliases: Record<string, SortKey> = { createdDate: 'createdAt', createdOn: 'createdAt', updatedDate: 'updatedAt', ETA: 'dueDate' };

type Direction = 1 | -1;

/** `sortBy` as [key, direction] pairs, or the message saying what is wrong with it. */
function sortOf(value: unknown): [SortKey, Direction][] | string {
  const known = `known: ${[...Object.keys(sortKeys), ...Object.keys(sortAliases)].join(', ')}`;
  // own keys only: `constructor` or `__proto__` is a client's unknown field, not a key every object inherits
  const key = (name: string): SortKey | undefined =>
    Object.hasOwn(sortAliases, name) ? sortAliases[name] : Object.hasOwn(sortKeys, name) ? (name as SortKey) : undefined;
  if (value === undefined || value === '') return [['createdAt', -1]];
  if (typeof value === 'string') {
    const k = key(value);
    return k ? [[k, -1]] : `sortBy: unknown field "${value.slice(0, 40)}" (${known})`;
  }
  if (!isObject(value)) return 'sortBy must be a field name or an object like {"dueDate": "desc"}';
  const pairs: [SortKey, Direction][] = [];
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
  filters: [FilterName, unknown][];
  sort: [SortKey, Direction][];
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
    filters: Object.entries(filterValues) as [FilterName, unknown][], // listRules names no other field
    sort,
    ctx: { me, dueDay: typeof rawDue === 'string' && rawDue.length === 10 },
  };
}

/** The default order: newest first, nothing filtered (a store may answer it without sorting). */
export const isNewestFirst = (request: ListRequest): boolean =>
  request.filters.length === 0 && request.sort.length === 1 && request.sort[0]![0] === 'createdAt' && request.sort[0]![1] === -1;

export interface Page<T> {
  results: T[];
  page: number;
  limit: number;
  hasMore: boolean;
  totalPages: number;
  totalResults: number;
}

/** The page envelope around `results`, the items at `skip` of `total` matching ones. */
export function pageAround<T>(results: T[], total: number, { skip, limit }: ListRequest): Page<T> {
  return {
    results,
    page: Math.floor(skip / limit) + 1,
    limit,
    hasMore: skip + results.length < total,
    totalPages: Math.ceil(total / limit),
    totalResults: total,
  };
}

/** Filters, sorts (creation order breaks ties, in the first key's direction) and cuts out the page. */
export function pageOf<T extends Listed>(items: T[], request: ListRequest): Page<T> {
  const { skip, limit, sort, ctx } = request;
  const tests = request.filters.map(
    ([name, value]) =>
      (item: T) =>
        (filters[name] as Predicate)(item, value as never, ctx),
  );
  const kept = tests.length > 0 ? items.filter((item) => tests.every((test) => test(item))) : items;
  // an item without the key (a task with no due date) sorts last either way
  const keyOf = (item: T, [k, dir]: [SortKey, Direction]) => {
    const key = sortKeys[k](item);
    return Number.isNaN(key) ? dir * Infinity : key;
  };
  // a flat column of keys per sort key, and positions sorted by them: no object per item for the GC
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
  return pageAround(
    order.slice(skip, skip + limit).map((index) => kept[index]!),
    kept.length,
    request,
  );
}
