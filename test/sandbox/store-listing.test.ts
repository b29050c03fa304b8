/**
 * getCases and getTasks in both stores: one table of list requests, each answered by the memory store and by the
 * SQLite store (in SQL) exactly as list-query.ts's `pageOf` answers it over the stream's records in creation order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCase, type CaseRecord } from '../../sandbox/operations/case.js';
import { listRequestOf, pageOf, type ListRequest, type Listed } from '../../sandbox/operations/list-query.js';
import { buildTask, type Task } from '../../sandbox/operations/task.js';
import Database from 'better-sqlite3';
import { listingSql } from '../../sandbox/store/sql-listing.js';
import { sqlitePersistence } from '../../sandbox/store/sqlite-store.js';
import { openStore, type RecordStore, type Store } from '../../sandbox/store/store.js';
import { defaultTenant, SEED } from '../../sandbox/tenant/seed.js';
import { indexTenant, type Stream } from '../../sandbox/tenant/tenant.js';

const tenant = indexTenant(defaultTenant());
const dir = mkdtempSync(join(tmpdir(), 'sandbox-store-listing-'));
const opened: Store[] = [];
afterAll(() => {
  for (const store of opened) store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ordered = tenant.streams.get(SEED.streamId)!; // created in time order, several in the same millisecond
const shuffled = tenant.streams.get(SEED.otherStreamId)!; // createdAt out of creation order
const base = Date.UTC(2026, 0, 1, 9);
const names = ['Alpha', 'beta', 'GAMMA', 'Beta delta', 'Ré sumé', '😀 smile', 'ｱｲｳ', 'Straße', 'İstanbul', 'zz', 'a'];
const agent = (userId: string) => {
  const user = tenant.agents.get(userId)!;
  return { aId: user.aId!, name: user.name, agentId: user._id };
};
const agents = [agent(SEED.creatorUserId), agent(SEED.secondAgentUserId)];

/** A fixed sequence of choices, so both stores get the same records. */
function chooser(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return items[(state >>> 8) % items.length]!;
  };
}

/** What a record may have been updated to: status, priority, assignee, queues, channel, due date, name. */
function varied<T extends Listed>(item: T, pick: ReturnType<typeof chooser>, i: number): T {
  const assignee = pick([undefined, undefined, ...agents]);
  const queues = pick([[], [], tenant.queues.slice(0, 1), tenant.queues]).map((q) => ({
    ...q,
    type: 'ASSIGNED' as const,
    status: 'ACTIVE' as const,
    startTime: item.createdAt,
  }));
  const due = pick([undefined, base + 86_400_000, base + 86_400_000 + 3_600_000, base + 2 * 86_400_000, base + (i % 7) * 60_000]);
  const name = pick(names);
  const changed = {
    ...item,
    name,
    lname: name.toLowerCase(),
    status: pick(tenant.statuses),
    priority: pick(tenant.priorities),
    source: pick(['rtm', 'Email', 'chat']),
    channel: pick([[], ['email'], ['Chat', 'voice']]),
    queues,
    currAssignee: assignee ?? {},
    assigneeType: assignee ? 'agent' : queues.length > 0 ? 'queues' : 'unassigned',
    updatedAt: new Date(base + pick([0, 1, 2, 3]) * 1000).toISOString(),
    ETA: due === undefined ? '' : new Date(due).toISOString(),
  };
  return 'dueDate' in item && due !== undefined ? { ...changed, dueDate: due } : changed;
}

const hex = (i: number) => i.toString(16).padStart(7, '0');
const when = (stream: Stream, i: number, pick: ReturnType<typeof chooser>) =>
  base + (stream === ordered ? Math.floor(i / 3) : pick([5, 1, 9, 3, 1])) * 1000;

/** The same cases and tasks, created then updated, in the same order, in `store`. */
function fill(store: Store): void {
  const pick = chooser(7);
  const template = tenant.data.templates[0]!;
  const caseTemplate = tenant.data.caseTemplates![0]!;
  const createdBy = { name: 'hi hi', _id: SEED.creatorUserId, profImage: 'no-avatar' };
  for (let i = 0; i < 300; i++) {
    const stream = i % 4 === 3 ? shuffled : ordered;
    const common = { refId: '', now: when(stream, i, pick), stream, source: 'rtm', createdBy };
    const task = store.tasks.create(stream._id, (refId) =>
      buildTask({
        ...common,
        refId,
        id: `ti-${hex(i)}-0000-4000-8000-000000000000`,
        template,
        caseId: SEED.caseId,
        caseRefId: SEED.caseRefId,
        name: pick(names),
        userInfo: { _id: SEED.contactUserId, name: 'dummy' },
      }),
    );
    if (i % 5 !== 0) store.tasks.replace(varied(task, pick, i));
    if (i % 3 !== 0) continue;
    const c = store.cases.create(stream._id, (refId) =>
      buildCase({
        ...common,
        refId,
        id: `ci-${hex(i)}-0000-4000-8000-000000000000`,
        template: caseTemplate,
        name: pick(names),
        desc: '',
        dueDate: base,
        userInfo: { _id: SEED.contactUserId, name: 'dummy' },
      }),
    );
    store.cases.replace(varied(c, pick, i));
  }
}

const dueDay = new Date(base + 86_400_000).toISOString().slice(0, 10);
const requests: Record<string, unknown>[] = [
  {},
  { skip: 10, limit: 7 },
  { skip: 230, limit: 50 },
  { skip: 5000 },
  { searchText: 'BETA' },
  { name: 'ré' },
  { searchText: '😀' },
  { searchText: '' },
  { searchText: 'i̇stanbul' },
  { unresolved: true },
  { unresolved: false, unassigned: true },
  { mycase: true },
  { mytask: true, sortBy: 'name' },
  { priority: ['high', 'LOW'] },
  { priority: [] },
  { status: ['open', 'In-Progress'] },
  { status: ['resolved'] },
  { channel: ['EMAIL'] },
  { channel: ['rtm', 'voice'] },
  { queues: [SEED.queueId] },
  { queues: ['supportqueue1'] },
  { agents: [SEED.agentId] },
  { agents: [SEED.secondAgentUserId] },
  { startDate: new Date(base + 20_000).toISOString(), endDate: base + 40_000 },
  { dueDate: dueDay },
  { dueDate: base + 86_400_000 },
  { sortBy: 'name' },
  { sortBy: { name: 'asc' }, skip: 3, limit: 20 },
  { sortBy: { dueDate: 'asc' } },
  { sortBy: { ETA: 'desc' }, limit: 100 },
  { sortBy: 'priority' },
  { sortBy: { priority: 'asc', name: 'desc' } },
  { sortBy: { status: 1 } },
  { sortBy: 'refId' },
  { sortBy: { updatedAt: 'asc' } },
  { sortBy: { createdAt: 'asc' }, limit: 100 },
  { sortBy: { createdDate: 'desc' }, skip: 40 },
  { status: ['open'], priority: ['Medium', 'critical'], sortBy: { dueDate: 'asc', updatedAt: -1 }, skip: 2, limit: 10 },
];

const memory = openStore(tenant);
const persisted = openStore(tenant, sqlitePersistence(join(dir, 'listing.db')));
opened.push(persisted);
fill(memory);
fill(persisted);

const requestOf = (body: Record<string, unknown>): ListRequest => {
  const request = listRequestOf(body, SEED.creatorUserId);
  if ('status' in request && 'errors' in request) throw new Error(`the table's request ${JSON.stringify(body)} is refused`);
  return request as ListRequest;
};

describe.each([
  ['tasks', (store: Store): RecordStore<Listed> => store.tasks as RecordStore<Task>],
  ['cases', (store: Store): RecordStore<Listed> => store.cases as RecordStore<CaseRecord>],
] as const)('listing %s', (_kind, kindOf) => {
  it.each([
    ['in creation order', ordered],
    ['created out of time order', shuffled],
  ])('a stream %s: every request of the table answers as pageOf does, in both stores', (_label, stream) => {
    const records = kindOf(memory).list(stream._id);
    expect(records.length).toBeGreaterThan(10);
    expect(kindOf(persisted).list(stream._id)).toEqual(records);
    for (const body of requests) {
      const request = requestOf(body);
      const want = pageOf(records, request);
      const label = JSON.stringify(body);
      expect(kindOf(memory).page(stream._id, request), label).toEqual(want);
      expect(kindOf(persisted).page(stream._id, request), label).toEqual(want);
    }
  });
});

describe('the table exercises what it claims', () => {
  it('each filter keeps some records and drops others, somewhere', () => {
    const all = [...memory.tasks.list(ordered._id), ...memory.cases.list(ordered._id)];
    for (const body of requests.filter((b) => Object.keys(b).some((k) => !['skip', 'limit', 'sortBy'].includes(k)))) {
      const request = requestOf(body);
      if (request.filters.every(([, v]) => v === false || (Array.isArray(v) && v.length === 0) || v === '')) continue;
      const kept = pageOf(all, { ...request, skip: 0, limit: 1000 }).totalResults;
      expect(kept, JSON.stringify(body)).toBeGreaterThan(0);
      expect(kept, JSON.stringify(body)).toBeLessThan(all.length);
    }
  });
});

describe('SQLite lists in SQL', () => {
  it('survives a reopen: the same pages from what was written through', () => {
    const file = join(dir, 'reopen.db');
    const first = openStore(tenant, sqlitePersistence(file));
    fill(first);
    first.close();
    const again = openStore(tenant, sqlitePersistence(file));
    opened.push(again);
    for (const body of requests) {
      const request = requestOf(body);
      expect(again.tasks.page(ordered._id, request), JSON.stringify(body)).toEqual(memory.tasks.page(ordered._id, request));
    }
  });
});

describe('the SQL of a listing', () => {
  const plan = (sql: string, params: unknown[]) => {
    const db = new Database(join(dir, 'listing.db'), { readonly: true });
    try {
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('; ');
    } finally {
      db.close();
    }
  };

  it('reads the default page (newest first) from the index, without sorting the stream', () => {
    const sql = listingSql(requestOf({ skip: 0, limit: 50 }));
    const detail = plan(sql.page, ['task', ordered._id, ...sql.params, 50, 0]);
    expect(detail).toContain('records_by_created');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
