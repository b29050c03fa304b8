/**
 * getCases and getTasks in SQL: each record's listing facts as columns (from list-query.ts's own key functions, so
 * both stores read the same values), each filter a WHERE clause, each sort key an ORDER BY term.
 */
import {
  agentOf,
  arrayFilterValues,
  day,
  dueOf,
  isClosed,
  sortKeys,
  type FilterContext,
  type FilterName,
  type ListRequest,
  type Listed,
  type SortKey,
} from '../operations/list-query.js';

type ArrayFilter = keyof typeof arrayFilterValues;
const arrayFilters = Object.keys(arrayFilterValues) as ArrayFilter[];
const sortNames = Object.keys(sortKeys) as SortKey[];

const matchColumn = (name: ArrayFilter) => `match_${name}`;
const sortColumn = (name: SortKey) => `sort_${name}`;

export const listingColumns = [
  'lname TEXT NOT NULL',
  'closed INTEGER NOT NULL',
  'unassigned INTEGER NOT NULL',
  'agent TEXT',
  'created_ms REAL',
  'due_ms REAL',
  ...arrayFilters.map((name) => `${matchColumn(name)} TEXT NOT NULL`),
  ...sortNames.map((name) => `${sortColumn(name)}`), // no type: a BLOB or a REAL, as `sortable` gives
];
export const listingColumnNames = listingColumns.map((definition) => definition.split(' ')[0]!);

/**
 * A string sort key as its UTF-16 code units, big-endian: SQLite compares BLOBs byte by byte, which is then the order
 * of JavaScript's `<` (its TEXT compares UTF-8, which orders characters past U+FFFF differently). NaN: no key (NULL).
 */
const sortable = (key: string | number): Buffer | number | null =>
  typeof key === 'string' ? Buffer.from(key, 'utf16le').swap16() : Number.isNaN(key) ? null : key;

const lowered = (values: (string | undefined)[]) => JSON.stringify(values.filter((v) => v !== undefined).map((v) => v.toLowerCase()));

/** The listing columns' values for one record, by column name. */
export function listingValues(item: Listed): Record<string, unknown> {
  const due = dueOf(item);
  return {
    lname: item.lname,
    closed: isClosed(item) ? 1 : 0,
    unassigned: item.assigneeType === 'unassigned' ? 1 : 0,
    agent: agentOf(item) ?? null,
    created_ms: Date.parse(item.createdAt),
    due_ms: Number.isNaN(due) ? null : due,
    ...Object.fromEntries(arrayFilters.map((name) => [matchColumn(name), lowered(arrayFilterValues[name](item))])),
    ...Object.fromEntries(sortNames.map((name) => [sortColumn(name), sortable(sortKeys[name](item))])),
  };
}

interface Clause {
  sql: string;
  params: unknown[];
}

const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });
const contains = (v: string) => clause('instr(lname, ?) > 0', v.toLowerCase());
const flag = (sql: string) => (v: boolean) => (v ? clause(sql) : undefined);
const mine = (v: boolean, ctx: FilterContext) => (!v ? undefined : ctx.me === undefined ? clause('0') : clause('agent = ?', ctx.me));
const anyOf = (name: ArrayFilter) => (v: string[]) =>
  v.length === 0
    ? undefined
    : clause(`EXISTS (SELECT 1 FROM json_each(${matchColumn(name)}) AS have JOIN json_each(?) AS want ON have.value = want.value)`, lowered(v));

/** Each filter of list-query.ts as SQL; undefined where the value filters nothing. */
const filterClauses: Record<FilterName, (value: never, ctx: FilterContext) => Clause | undefined> = {
  searchText: contains,
  name: contains,
  unresolved: flag('closed = 0'),
  unassigned: flag('unassigned = 1'),
  mycase: mine,
  mytask: mine,
  priority: anyOf('priority'),
  status: anyOf('status'),
  channel: anyOf('channel'),
  queues: anyOf('queues'),
  agents: anyOf('agents'),
  startDate: (v: number) => clause('created_ms >= ?', v),
  endDate: (v: number) => clause('created_ms <= ?', v),
  dueDate: (v: number, ctx) => (ctx.dueDay ? clause('due_ms >= ? AND due_ms < ?', v, v + day) : clause('due_ms = ?', v)),
};

/**
 * A page of one stream's records of one kind: the ids in order (`page`) and how many match (`count`); the parameters
 * are the kind and stream, then `params`, then (for `page`) the limit and offset.
 */
export function listingSql(request: ListRequest): { page: string; count: string; params: unknown[] } {
  const clauses = request.filters.flatMap(([name, value]) => filterClauses[name](value as never, request.ctx) ?? []);
  const direction = (dir: number) => (dir === 1 ? 'ASC' : 'DESC');
  // a record without the key (a task with no due date) sorts last either way; creation order breaks ties
  const orderBy = [...request.sort.map(([key, dir]) => `${sortColumn(key)} ${direction(dir)} NULLS LAST`), `n ${direction(request.sort[0]![1])}`];
  const from = `FROM records WHERE kind = ? AND stream_id = ?${clauses.map((c) => ` AND (${c.sql})`).join('')}`;
  return {
    page: `SELECT id ${from} ORDER BY ${orderBy.join(', ')} LIMIT ? OFFSET ?`,
    count: `SELECT COUNT(*) ${from}`,
    params: clauses.flatMap((c) => c.params),
  };
}
