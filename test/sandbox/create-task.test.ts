import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { SEED, createTask, devToken, validBody, storedTasks, withSandbox } from './helpers.js';

// The seed page's sample response, copied verbatim into a fixture: the task must have its exact shape.
const sample = JSON.parse(readFileSync(new URL('./fixtures/seed-sample-response.json', import.meta.url), 'utf8'));

/** The shape of a JSON value: keys and primitive types, arrays by the shape of their first item. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? ['array of', shape(value[0])] : 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await withSandbox();
});
afterAll(() => sb.close());

describe('createTask builds the task like the platform', () => {
  it('answers 200 with exactly the fields, types and field order of the seed sample response', async () => {
    const sent = await createTask(sb, validBody(sb));
    expect(sent.status).toBe(200);
    expect(sent.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(shape(sent.json)).toEqual(shape(sample));
    expect(Object.keys(sent.json)).toEqual(Object.keys(sample));
  });

  it('fills the task from the request, the stream, the template and the token', async () => {
    const before = Date.now();
    const token = await mintToken({ clientId: sb.seed.clientId, clientSecret: sb.seed.clientSecret, sub: SEED.contactUserId });
    const { json: task } = await createTask(sb, { ...validBody(sb), name: 'Call The Customer' }, { auth: token });
    expect(task).toMatchObject({
      caseId: sb.seed.caseId,
      caseRefId: sb.seed.caseRefId,
      taskTmp: sb.seed.taskTemplateId,
      name: 'Call The Customer',
      lname: 'call the customer',
      userInfo: { _id: SEED.contactUserId, name: 'dummy' },
      accountId: sb.seed.accountId,
      iId: sb.seed.streamId,
      orgId: SEED.orgId,
      status: { name: 'Open', statusCategory: 'open' },
      priority: { name: 'Medium', score: 10 },
      source: 'rtm',
      conversationType: 'TASK',
      createdBy: { _id: SEED.contactUserId, name: 'dummy', profImage: 'no-avatar' },
      updatedBy: { _id: SEED.contactUserId, name: 'dummy' },
      assigneeType: 'unassigned',
      currAssignee: {},
      ETA: '',
    });
    expect(task.fields.map((f: { displayName: string }) => f.displayName)).toEqual(['Due Date', 'Description', 'Title']);
    expect(task._id).toMatch(/^ti-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(task.refId).toMatch(/^TS\d{6}$/);
    expect(new Date(task.createdAt).toISOString()).toBe(task.createdAt);
    expect(task.updatedAt).toBe(task.createdAt);
    expect(task.timestampValue).toBe(Date.parse(task.createdAt));
    expect(task.timestampValue).toBeGreaterThanOrEqual(before);
  });

  it("uses the template's name when the request has none, and the app owner when sub is not a user", async () => {
    const body = validBody(sb);
    delete body.name;
    const token = await mintToken({ clientId: sb.seed.clientId, clientSecret: sb.seed.clientSecret, sub: 'integration-bot' });
    const { json: task } = await createTask(sb, body, { auth: token });
    expect(task.name).toBe('Follow-up task');
    expect(task.lname).toBe('follow-up task');
    expect(task.createdBy).toEqual({ name: 'hi hi', _id: SEED.creatorUserId, profImage: 'no-avatar' });
  });

  it('gives a contact known only by email a stable user id, and a known email its user', async () => {
    const byEmail = (emailId: string) => createTask(sb, { ...validBody(sb), userInfo: { name: 'x', emailId } });
    const a = (await byEmail('new.person@example.com')).json.userInfo._id;
    const b = (await byEmail('New.Person@example.com')).json.userInfo._id;
    expect(a).toMatch(/^u-[0-9a-f]{8}-/);
    expect(b).toBe(a);
    expect((await byEmail('dummy@mailinator.com')).json.userInfo._id).toBe(SEED.contactUserId);
  });

  it('numbers tasks per stream: TS + six digits, one after the other, fresh ti- ids', async () => {
    const fresh = await withSandbox();
    try {
      const refs = [];
      for (let i = 0; i < 3; i++) refs.push((await createTask(fresh, validBody(fresh))).json);
      expect(refs.map((t) => t.refId)).toEqual(['TS000001', 'TS000002', 'TS000003']);
      expect(new Set(refs.map((t) => t._id)).size).toBe(3);
      const otherToken = await mintToken({ clientId: SEED.otherAppClientId, clientSecret: SEED.otherAppSecret });
      const other = await createTask(
        fresh,
        { ...validBody(fresh), caseId: SEED.otherStreamCaseId, caseRefId: SEED.otherStreamCaseRefId, taskTmp: SEED.otherStreamTemplateId },
        { auth: otherToken, streamId: SEED.otherStreamId },
      );
      expect(other.status).toBe(200);
      expect(other.json.refId).toBe('TS000001');
      expect(other.json.accountId).toBe(SEED.otherAccountId);
    } finally {
      await fresh.close();
    }
  });

  it('lists created tasks on GET /__sandbox/tasks, filtered by stream and projected by fields', async () => {
    const created = (await createTask(sb, validBody(sb))).json;
    const response = await storedTasks(sb, { fields: '_id,refId' });
    const listed = await response.json();
    expect(listed.tasks).toContainEqual({ _id: created._id, refId: created.refId });
    expect(listed.count).toBe(listed.tasks.length);
    const none = await storedTasks(sb, {}, { streamId: 'st-nope' });
    expect(none.status).toBe(404);
  });

  it('lists each task exactly as its create answered it (the store keeps a compact record, not the JSON)', async () => {
    const bodies = [
      { ...validBody(sb), name: 'Ré "quoted" \\ back\nline 😀' },
      { ...validBody(sb), name: undefined, userInfo: { name: 'by phone', phoneNumber: '+1 555 0100' } },
      { ...validBody(sb), userInfo: { name: 'by email', emailId: 'Someone@Example.com' } },
    ];
    const created = [];
    for (const body of bodies) created.push(await createTask(sb, body));
    const listed = await (await storedTasks(sb)).json();
    for (const { text, json } of created) {
      const twin = listed.tasks.find((t: { _id: string }) => t._id === json._id);
      expect(JSON.stringify(twin)).toBe(text);
    }
  });

  it('reports health', async () => {
    const health = await (await fetch(`${sb.url}/__sandbox/health`)).json();
    expect(health).toMatchObject({ status: 'ok', drift: 'none', faults: false });
    expect(health.tasks).toBeGreaterThan(0);
  });
});

describe('rate limit (configurable, per account)', () => {
  it('answers 429 with Retry-After and the platform message once the minute is used up', async () => {
    const limited = await withSandbox({ rateLimitPerMinute: 3 });
    try {
      const token = await devToken(limited);
      const statuses = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await createTask(limited, validBody(limited), { auth: token });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(last!.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(last!.json.errors[0].msg).toMatch(/^You've exceeded the per-minute rate limit/);
      const tasks = await (await storedTasks(limited)).json();
      expect(tasks.count).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
