/**
 * The bounded load test: 2 000 creates over 50 concurrent connections on loopback, then every task is listed
 * once, refIds unique and gapless, nothing lost; with --db, the same after a restart. It checks correctness
 * under concurrency, not speed (speed is `npm run bench`): 40 requests per connection already interleave on every
 * connection, so a larger count proves nothing more and only costs CPU.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, devToken, storedTasks, validBody, withSandbox } from './helpers.js';

const total = 2_000;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function createMany(sb: RunningSandbox) {
  const result = await autocannon({
    url: createTaskUrl(sb),
    method: 'POST',
    connections: 50,
    amount: total,
    headers: { auth: await devToken(sb), 'content-type': 'application/json' },
    body: JSON.stringify(validBody(sb)),
  });
  expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
  expect(result['2xx']).toBe(total);
}

/** The documented refId format, written here rather than taken from the sandbox's own helper. */
const refIdOf = (sequence: number) => `TS${String(sequence).padStart(6, '0')}`;

/** Every task listed exactly once, with refIds TS000001…TS002000 and no gap. */
async function expectAllListedOnce(sb: RunningSandbox) {
  const listed = await (await storedTasks(sb, { fields: '_id,refId' })).json();
  const tasks = listed.tasks as { _id: string; refId: string }[];
  expect(tasks).toHaveLength(total);
  expect(new Set(tasks.map((t) => t._id)).size).toBe(total);
  const refIds = tasks.map((t) => t.refId).sort();
  const expected = Array.from({ length: total }, (_, i) => refIdOf(i + 1));
  expect(refIds).toEqual(expected);
}

describe('load: 2 000 creates over 50 connections', () => {
  it('in memory: every task listed once, refIds unique and gapless', async () => {
    const sb = await withSandbox();
    try {
      await createMany(sb);
      await expectAllListedOnce(sb);
    } finally {
      await sb.close();
    }
  });

  it('with --db: the same, and still after a restart; the sequence carries on', async () => {
    const db = join(dir, 'tasks.db');
    const first = await withSandbox({ db });
    try {
      await createMany(first);
    } finally {
      await first.close(); // closed even when the test fails: the file shares its worker
    }

    const second = await withSandbox({ db });
    try {
      await expectAllListedOnce(second);
      const next = await createTask(second, validBody(second));
      expect(next.json.refId).toBe(refIdOf(total + 1));
    } finally {
      await second.close();
    }
  });
});
