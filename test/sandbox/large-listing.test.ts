/**
 * getTasks over a tenant of 2,000 tasks (40 pages of 50), in both stores, through HTTP: pages, filters and sort orders
 * equal a brute-force reference computed here from GET /__sandbox/tasks, and an update shows in the very next listing.
 * The listing's cost at 100,000 tasks is measured by `npm run bench -- sandbox-scale`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../sandbox/operations/task.js';
import { callOp, createTask, sandboxForFile, storedTasks, validBody, type Sent } from './helpers.js';

const total = 2_000;
const words = ['Alpha', 'beta', 'GAMMA', 'Beta delta'];
const dir = mkdtempSync(join(tmpdir(), 'sandbox-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = (sent: Sent) => {
  expect(sent.status, sent.text).toBe(200);
  return sent.json;
};

type Ref = { filter?: (t: Task) => boolean; key: (t: Task) => string | number; dir: 1 | -1 };
/** What getTasks must answer: filtered, sorted (creation order breaks ties, in the key's direction), paged. */
function reference(tasks: Task[], { filter = () => true, key, dir }: Ref, skip: number, limit: number) {
  const kept = tasks.map((t, index) => ({ t, index })).filter(({ t }) => filter(t));
  kept.sort((a, b) => {
    const x = key(a.t);
    const y = key(b.t);
    return x !== y ? (x < y ? -1 : 1) * dir : (a.index - b.index) * dir;
  });
  return { ids: kept.slice(skip, skip + limit).map(({ t }) => t._id), totalResults: kept.length, hasMore: skip + limit < kept.length };
}

const cases: [string, Record<string, unknown>, Ref][] = [
  ['the default: newest first', { skip: 0, limit: 50 }, { key: (t) => t.createdAt, dir: -1 }],
  ['a later page by name', { skip: 150, limit: 100, sortBy: { name: 'asc' } }, { key: (t) => t.lname, dir: 1 }],
  [
    'searchText, by refId descending',
    { skip: 20, limit: 40, searchText: 'BETA', sortBy: 'refId' },
    { filter: (t) => t.lname.includes('beta'), key: (t) => Number(t.refId.slice(2)), dir: -1 },
  ],
  [
    'name filter, oldest first',
    { limit: 100, name: 'gamma', sortBy: { createdAt: 'asc' } },
    { filter: (t) => t.lname.includes('gamma'), key: (t) => t.createdAt, dir: 1 },
  ],
  ['the last page', { skip: total - 30, limit: 50, sortBy: { name: 'desc' } }, { key: (t) => t.lname, dir: -1 }],
];

describe.each([
  ['memory', {}],
  ['SQLite', { db: join(dir, 'large.db') }],
])(`getTasks over ${total} tasks, %s store`, (_store, options) => {
  // the full answers, compared whole with the stored tasks
  const ctx = sandboxForFile({ ...options, answers: 'full' });
  const get = async (body: Record<string, unknown>) => ok(await callOp(ctx.sb, 'getTasks', body, { auth: ctx.token }));
  const stored = async (): Promise<Task[]> => (await (await storedTasks(ctx.sb, {}, { auth: ctx.token })).json()).tasks;

  async function expectSameAsReference(tasks: Task[]) {
    const byId = new Map(tasks.map((t) => [t._id, t]));
    for (const [label, body, ref] of cases) {
      const page = await get(body);
      const want = reference(tasks, ref, (body.skip as number) ?? 0, body.limit as number);
      expect(
        page.results.map((r: Task) => r._id),
        label,
      ).toEqual(want.ids);
      expect([page.totalResults, page.hasMore], label).toEqual([want.totalResults, want.hasMore]);
      expect(page.results, label).toEqual(want.ids.map((id) => byId.get(id))); // whole tasks, as stored
    }
  }

  beforeAll(async () => {
    const { sb, token } = ctx;
    for (let next = 0; next < total;) {
      const batch = Array.from({ length: Math.min(100, total - next) }, (_, k) => next + k);
      next += batch.length;
      // names out of creation order, so a sort by name really reorders
      const name = (i: number) => `t${(i * 7919) % total} ${words[i % words.length]}`;
      await Promise.all(batch.map(async (i) => ok(await createTask(sb, { ...validBody(sb), name: name(i) }, { auth: token }))));
    }
  }, 120_000);

  it('answers the pages, filters and sort orders a brute-force reference computes', async () => {
    const tasks = await stored();
    expect(tasks).toHaveLength(total);
    await expectSameAsReference(tasks);
  });

  it('shows an update in the next listing (no stale view of the task)', async () => {
    const target = (await stored())[1234]!;
    ok(await callOp(ctx.sb, `updateTask/${target._id}`, { name: 'zzz Renamed beta' }, { auth: ctx.token }));
    const renamed = await get({ searchText: 'ZZZ RENAMED' });
    expect(renamed.results.map((r: Task) => [r._id, r.name])).toEqual([[target._id, 'zzz Renamed beta']]);
    expect((await get({ limit: 1, sortBy: { name: 'desc' } })).results[0]._id).toBe(target._id);
    expect((await get({ searchText: target.lname, limit: 100 })).results.map((r: Task) => r._id)).not.toContain(target._id);
    await expectSameAsReference(await stored());
  });
});
