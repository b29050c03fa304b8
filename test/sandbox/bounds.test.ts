/**
 * What one record and one page may hold (sandbox/operations/bounds.ts, stated in sandbox/README.md): every list a client can
 * fill has a length, a record a size in bytes of JSON and a page a size in bytes, each refused with a 400 naming
 * the field and the limit. A request of about 1 MB cannot make a record larger than its bound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bounds } from '../../sandbox/operations/bounds.js';
import { callOp, envelopeMessages, SEED, sandboxForFile, storedTasks, validCaseBody, type Sent } from './helpers.js';

// whole records: the page bound is about what a full answer carries (the abridged items hold no tags)
const ctx = sandboxForFile({ answers: 'full' });
const newTask = async (): Promise<string> =>
  (
    await callOp(ctx.sb, 'createTask', {
      caseId: SEED.caseId,
      caseRefId: SEED.caseRefId,
      taskTmp: SEED.taskTemplateId,
      source: 'rtm',
      userInfo: { name: 'a', _id: SEED.contactUserId },
    })
  ).json._id;
let taskId = '';
beforeAll(async () => {
  taskId = await newTask();
});

/** The task as stored, and its size in bytes of JSON. */
async function stored(id: string): Promise<{ task: Record<string, unknown>; bytes: number }> {
  const { tasks } = await (await storedTasks(ctx.sb, {}, { auth: ctx.token })).json();
  const task = tasks.find((t: { _id: string }) => t._id === id);
  return { task, bytes: Buffer.byteLength(JSON.stringify(task)) };
}

function expectRefusal(sent: Sent, field: string, limit: number | string) {
  expect(sent.status, sent.text.slice(0, 300)).toBe(400);
  const message = envelopeMessages(sent).find((m) => m.startsWith(field));
  expect(message, envelopeMessages(sent).join(' | ')).toBeDefined();
  expect(message).toContain(String(limit));
}

const escaped = (n: number) => '\u0001'.repeat(n); // six bytes of JSON each

describe('lists a record holds', () => {
  it.each([
    ['tags', bounds.tags, (n: number) => Array.from({ length: n }, (_, i) => `t${i}`)],
    ['channel', bounds.channel, (n: number) => Array.from({ length: n }, () => 'rtm')],
    ['queues', bounds.queues, (n: number) => Array.from({ length: n }, () => 'Default Queue')],
  ])('%s: the limit is accepted, one more is a 400 naming the field and the limit', async (field, limit, items) => {
    for (const op of [`updateTask/${taskId}`, `updateCase/${SEED.caseId}`]) {
      expect((await callOp(ctx.sb, op, { [field]: items(limit) })).status).toBe(200);
      expectRefusal(await callOp(ctx.sb, op, { [field]: items(limit + 1) }), field, limit);
    }
  });

  it(`a tags or channel item longer than ${bounds.listItemLength} characters is a 400 naming it`, async () => {
    expectRefusal(await callOp(ctx.sb, `updateTask/${taskId}`, { tags: ['x'.repeat(bounds.listItemLength + 1)] }), 'tags', bounds.listItemLength);
  });
});

describe(`a record is at most ${bounds.recordBytes} bytes of JSON`, () => {
  it('a 1 MB updateTask (38,000 queue entries) is refused, and the task is unchanged and within the bound', async () => {
    const before = await stored(taskId);
    const queues = Array.from({ length: 38_000 }, () => ({ name: 'Default Queue' }));
    const body = JSON.stringify({ queues });
    expect(body.length).toBeGreaterThan(950_000); // just under the 1 MiB a body may be
    expectRefusal(await callOp(ctx.sb, `updateTask/${taskId}`, undefined, { raw: body }), 'queues', bounds.queues);
    const after = await stored(taskId);
    expect(after.task).toEqual(before.task);
    expect(after.bytes).toBeLessThanOrEqual(bounds.recordBytes);
  });

  it('strings within their lengths that add up past the bound are a 400 naming the largest fields and the bound', async () => {
    const tags = Array.from({ length: bounds.tags }, () => escaped(bounds.listItemLength)); // 100 x 256 x 6 bytes
    const sent = await callOp(ctx.sb, `updateTask/${taskId}`, { tags, desc: escaped(10_000) });
    expectRefusal(sent, 'tags', `${bounds.recordBytes / 1024} KiB`);
    expect((await stored(taskId)).bytes).toBeLessThanOrEqual(bounds.recordBytes);
  });

  it('a case too: createCase and updateCase are refused past the bound', async () => {
    const big = validCaseBody(ctx.sb, { name: escaped(1024), desc: escaped(10_000) });
    expectRefusal(await callOp(ctx.sb, 'createCase', big), 'fields', `${bounds.recordBytes / 1024} KiB`);
    const tags = Array.from({ length: bounds.tags }, () => escaped(bounds.listItemLength));
    expectRefusal(await callOp(ctx.sb, `updateCase/${SEED.caseId}`, { tags }), 'tags', `${bounds.recordBytes / 1024} KiB`);
  });
});

describe(`a page is at most ${bounds.pageBytes} bytes`, () => {
  it('over 100 tasks near the record bound: limit 50 answers within the bound, limit 100 is a 400 naming limit', async () => {
    // each tag 128 escaped characters + 128 plain ones: about 90 kB of tags per task, under the record bound
    const tags = Array.from({ length: bounds.tags }, () => escaped(128) + 'a'.repeat(128));
    for (let i = 0; i < 100; i++) {
      const id = await newTask();
      expect((await callOp(ctx.sb, `updateTask/${id}`, { tags })).status).toBe(200);
    }
    const half = await callOp(ctx.sb, 'getTasks', { limit: 50 });
    expect(half.status).toBe(200);
    expect(half.json.results).toHaveLength(50);
    expect(Buffer.byteLength(half.text)).toBeLessThanOrEqual(bounds.pageBytes);
    expect(Buffer.byteLength(half.text)).toBeGreaterThan(bounds.pageBytes / 2);
    expectRefusal(await callOp(ctx.sb, 'getTasks', { limit: 100 }), 'limit', `${bounds.pageBytes / 1024} KiB`);
  });
});
