/** The family's shared state and platform behaviour: --db across a restart, one rate limit, faults and drift. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { driftModes as allDriftModes } from '../../sandbox/drift/drift.js';

// the five operations other than createTask (drift.test.ts covers createTask's modes)
const familyDriftModes = allDriftModes.filter((m) => m.operation !== 'createTask');
const driftModes = allDriftModes.filter((m) => m.operation === 'createTask');
import type { RunningSandbox } from '../../sandbox/server.js';
import { callOp, createTask, envelopeMessages, SEED, validBody, validCaseBody, withSandbox, type Sent } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-family-'));
const opened: RunningSandbox[] = [];
afterAll(async () => {
  await Promise.all(opened.map((sb) => sb.close()));
  rmSync(dir, { recursive: true, force: true });
});
const start = async (options: Parameters<typeof withSandbox>[0] = {}) => {
  const sb = await withSandbox(options);
  opened.push(sb);
  return sb;
};
const ok = (sent: Sent) => {
  expect(sent.status, sent.text).toBe(200);
  return sent.json;
};

describe('--db: cases, tasks and their updates survive a restart', () => {
  it('keeps what was created and changed, and the CS/TS sequences carry on', async () => {
    const db = join(dir, 'family.db');
    const first = await withSandbox({ db, answers: 'full' });
    const c = ok(await callOp(first, 'createCase', validCaseBody(first, { name: 'Persisted case' })));
    const t = ok(await callOp(first, 'createTask', { ...validBody(first), caseId: c._id, caseRefId: c.refId, name: 'Persisted task' }));
    ok(await callOp(first, `updateCase/${c._id}`, { name: 'Persisted case, renamed', status: { name: 'In-Progress' } }));
    ok(await callOp(first, `updateTask/${t._id}`, { name: 'Persisted task, renamed', desc: 'kept' }));
    await first.close();

    const second = await start({ db, answers: 'full' });
    const [caseAgain] = ok(await callOp(second, 'getCases', { searchText: 'persisted case' })).results;
    expect(caseAgain).toMatchObject({
      _id: c._id,
      refId: c.refId,
      name: 'Persisted case, renamed',
      status: { name: 'In-Progress' },
      taskIds: [t._id],
    });
    const [taskAgain] = ok(await callOp(second, 'getTasks', { searchText: 'persisted task' })).results;
    expect(taskAgain).toMatchObject({ _id: t._id, refId: t.refId, name: 'Persisted task, renamed', desc: 'kept' });
    // the seeded cases are not stored twice, and the sequences go on from the stored ones
    expect(ok(await callOp(second, 'getCases', { searchText: 'billing question' })).totalResults).toBe(1);
    const next = ok(await callOp(second, 'createCase', validCaseBody(second)));
    expect(Number(next.refId.slice(2))).toBe(Number(c.refId.slice(2)) + 1);
    const nextTask = ok(await callOp(second, 'createTask', { ...validBody(second), caseId: c._id, caseRefId: c.refId }));
    expect(Number(nextTask.refId.slice(2))).toBe(Number(t.refId.slice(2)) + 1);
  });
});

describe('the rate limit: 60 a minute per account on the platform, one budget across the six operations', () => {
  it('counts every operation against the same account', async () => {
    const sb = await start({ rateLimitPerMinute: 4 });
    const c = ok(await callOp(sb, 'createCase', validCaseBody(sb)));
    ok(await callOp(sb, 'getCases', {}));
    ok(await callOp(sb, `updateCase/${c._id}`, { name: 'x' }));
    ok(await createTask(sb, validBody(sb)));
    for (const op of ['getTasks', 'createTask', `updateTask/ti-0000000-0000-4000-8000-000000000000`, 'createCase']) {
      const sent = await callOp(sb, op, {});
      expect(sent.status, op).toBe(429);
      expect(Number(sent.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(envelopeMessages(sent)[0]).toMatch(/per-minute rate limit/);
    }
  });
});

describe('faults (--faults) apply to every operation', () => {
  it('an injected status, a damaged body, an armed fault', async () => {
    const sb = await start({ faults: true });
    expect((await callOp(sb, 'getCases', {}, { headers: { 'x-sandbox-fault': '503=2' } })).status).toBe(503);
    const malformed = await callOp(
      sb,
      `updateCase/${SEED.caseId}`,
      { name: 'Renamed under a fault' },
      { headers: { 'x-sandbox-fault': 'malformed' } },
    );
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined(); // not JSON, but the update happened
    expect(ok(await callOp(sb, 'getCases', { searchText: 'renamed under a fault' })).totalResults).toBe(1);
    const armed = await fetch(`${sb.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: '500', count: 1 }),
    });
    expect(armed.status).toBe(200);
    expect((await callOp(sb, 'getTasks', {})).status).toBe(500);
    expect((await callOp(sb, 'getTasks', {})).status).toBe(200);
  });
});

describe('family drift modes (--drift NAME): each produces its drift on its operation only', () => {
  type Check = (sb: RunningSandbox) => Promise<void>;
  const expectations: Record<string, Check> = {
    'createCase-missing-refId': async (sb) => expect(ok(await callOp(sb, 'createCase', validCaseBody(sb)))).not.toHaveProperty('refId'),
    'getCases-ignores-filters': async (sb) =>
      expect(ok(await callOp(sb, 'getCases', { searchText: 'no such case anywhere' })).totalResults).toBeGreaterThan(0),
    'getCases-totalResults-string': async (sb) => expect(typeof ok(await callOp(sb, 'getCases', {})).totalResults).toBe('string'),
    'updateCase-unknown-id-500': async (sb) =>
      expect((await callOp(sb, 'updateCase/ci-0000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(500),
    'getTasks-no-hasMore': async (sb) => expect(ok(await callOp(sb, 'getTasks', {}))).not.toHaveProperty('hasMore'),
    'getTasks-ignores-skip': async (sb) => {
      for (let i = 0; i < 3; i++) ok(await createTask(sb, validBody(sb)));
      const first = ok(await callOp(sb, 'getTasks', { skip: 0, limit: 2 }));
      const second = ok(await callOp(sb, 'getTasks', { skip: 2, limit: 2 }));
      expect(second.results).toEqual(first.results);
      expect([first.hasMore, second.hasMore, second.page]).toEqual([true, true, 1]);
    },
    'updateTask-drops-name': async (sb) => {
      const task = ok(await createTask(sb, validBody(sb)));
      expect(ok(await callOp(sb, `updateTask/${task._id}`, { name: 'Task Testing' }))).not.toHaveProperty('name');
      const [listed] = ok(await callOp(sb, 'getTasks', { searchText: 'Task Testing' })).results;
      expect(listed).toMatchObject({ _id: task._id, name: 'Task Testing' });
    },
    'updateTask-ignores-patch': async (sb) => {
      const task = ok(await createTask(sb, validBody(sb)));
      expect(ok(await callOp(sb, `updateTask/${task._id}`, { name: 'Task Testing' })).name).toBe(task.name);
    },
    'createCase-status-201': async (sb) => expect((await callOp(sb, 'createCase', validCaseBody(sb))).status).toBe(201),
    'getTasks-extra-page-field': async (sb) => expect(ok(await callOp(sb, 'getTasks', {}))).toHaveProperty('nextSkip', 50),
    'updateTask-wrong-content-type': async (sb) => {
      const task = ok(await createTask(sb, validBody(sb)));
      const sent = ok(await callOp(sb, `updateTask/${task._id}`, { name: 'Task Testing' }));
      expect(sent.name).toBe('Task Testing');
      const raw = await callOp(sb, `updateTask/${task._id}`, { name: 'again' });
      expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
    },
  };

  it("has an expectation for every family mode; createTask's list is untouched (the suite's self-test reads it whole)", () => {
    expect(Object.keys(expectations).sort()).toEqual(familyDriftModes.map((d) => d.name).sort());
    expect(driftModes.some((d) => familyDriftModes.some((f) => f.name === d.name))).toBe(false);
    expect(driftModes).toHaveLength(22);
    for (const d of familyDriftModes) expect(d.name.startsWith(`${d.operation}-`), d.name).toBe(true);
  });

  it.each(familyDriftModes.map((d) => [d.name]))('%s', async (name) => {
    const sb = await start({ drift: name });
    await expectations[name]!(sb);
    // createTask answers as always under a family drift
    const task = await createTask(sb, validBody(sb));
    expect(task.status).toBe(200);
    expect(task.json).toHaveProperty('refId');
    await sb.close();
  });

  it("sandbox/README.md's family table lists every mode with its operation and kind, in order", () => {
    const readme = readFileSync(new URL('../../sandbox/README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `([A-Za-z0-9-]+)` \| `([A-Za-z]+)` \| (breaking|harmless) \|/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(familyDriftModes.map((d) => [d.name, d.operation, d.breaking ? 'breaking' : 'harmless']));
  });

  it('refuses an unknown name, listing both lists', async () => {
    await expect(withSandbox({ drift: 'no-such-drift' })).rejects.toThrow(/known: missing-required-field.*getTasks-no-hasMore/);
  });
});
