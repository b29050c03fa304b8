/**
 * The test-only endpoints: GET /__sandbox/tasks has the operations' gate (a valid token for the stream, only that
 * stream's tasks, so only its account's) and no CORS; /__sandbox/health tells counts, nothing more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../sandbox/tenant/token.js';
import { createTask, envelopeMessages, SEED, sandboxForFile, storedTasks, validBody, withSandbox, type Sent } from './helpers.js';

const ctx = sandboxForFile();
let ownId = '';
let otherId = '';
let otherToken = '';
beforeAll(async () => {
  const { sb } = ctx;
  ownId = (await createTask(sb, validBody(sb))).json._id;
  otherToken = await mintToken({ clientId: SEED.otherAppClientId, clientSecret: SEED.otherAppSecret });
  const other = await createTask(
    sb,
    { ...validBody(sb), caseId: SEED.otherStreamCaseId, caseRefId: SEED.otherStreamCaseRefId, taskTmp: SEED.otherStreamTemplateId },
    { auth: otherToken, streamId: SEED.otherStreamId },
  );
  otherId = other.json._id;
  expect([ownId, otherId].every(Boolean)).toBe(true);
});

async function refusal(response: Response, status: number): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(text).not.toContain(ownId);
  expect(text).not.toContain(otherId);
  return envelopeMessages({ json: JSON.parse(text), text } as Sent).join(' ');
}

describe('GET /__sandbox/tasks', () => {
  it('without a token, or with a bad one, shows nothing: 401 in the envelope', async () => {
    expect(await refusal(await storedTasks(ctx.sb, {}, { auth: null }), 401)).toMatch(/auth header is required/);
    expect(await refusal(await storedTasks(ctx.sb, {}, { auth: 'not-a-jwt' }), 401)).toMatch(/not a JWT/);
  });

  it("with a token for the stream: that stream's tasks only", async () => {
    const listed = await (await storedTasks(ctx.sb, { fields: '_id,iId,accountId' }, { auth: ctx.token })).json();
    expect(listed.tasks.map((t: { _id: string }) => t._id)).toContain(ownId);
    expect(listed.tasks.every((t: { iId: string; accountId: string }) => t.iId === SEED.streamId && t.accountId === ctx.sb.seed.accountId)).toBe(
      true,
    );
    const theirs = await (await storedTasks(ctx.sb, { fields: '_id' }, { auth: otherToken, streamId: SEED.otherStreamId })).json();
    expect(theirs.tasks).toEqual([{ _id: otherId }]);
  });

  it('shows nothing of another account: its stream with this token, or this stream naming another account, is a 403', async () => {
    expect(await refusal(await storedTasks(ctx.sb, {}, { auth: ctx.token, streamId: SEED.otherStreamId }), 403)).toMatch(/not allowed on stream/);
    expect(await refusal(await storedTasks(ctx.sb, {}, { auth: otherToken }), 403)).toMatch(/not allowed on stream/);
    const wrongAccount = await fetch(`${ctx.sb.url}/__sandbox/tasks?streamId=${SEED.streamId}`, {
      headers: { auth: ctx.token, accountId: SEED.otherAccountId },
    });
    expect(await refusal(wrongAccount, 403)).toMatch(/^accountId/);
  });

  it('asks for a token even when the operations do not (the auth-not-enforced drift)', async () => {
    const drifted = await withSandbox({ drift: 'auth-not-enforced' });
    try {
      expect((await storedTasks(drifted, {}, { auth: null })).status).toBe(401);
      expect((await storedTasks(drifted)).status).toBe(200);
    } finally {
      await drifted.close();
    }
  });

  it('without streamId is a 400 naming it; an unknown stream a 404', async () => {
    const none = await fetch(`${ctx.sb.url}/__sandbox/tasks`, { headers: { auth: ctx.token } });
    expect(await refusal(none, 400)).toMatch(/^streamId is required/);
    expect(await refusal(await storedTasks(ctx.sb, {}, { streamId: 'st-nope' }), 404)).toMatch(/streamId/);
  });

  it('answers no browser origin: no CORS headers, and a preflight is not granted', async () => {
    const listed = await storedTasks(ctx.sb, {}, { auth: ctx.token });
    expect(listed.status).toBe(200);
    const fromPage = await fetch(`${ctx.sb.url}/__sandbox/tasks?streamId=${SEED.streamId}`, {
      headers: { auth: ctx.token, origin: 'http://localhost:5173' },
    });
    expect([...fromPage.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const preflight = await fetch(`${ctx.sb.url}/__sandbox/tasks`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET', 'access-control-request-headers': 'auth' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.status).toBe(405);
  });
});

describe('GET /__sandbox/health', () => {
  it('tells counts and settings, no task or account', async () => {
    const response = await fetch(`${ctx.sb.url}/__sandbox/health`);
    const text = await response.text();
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['answers', 'cases', 'drift', 'faults', 'status', 'tasks']);
    for (const secret of [ownId, otherId, SEED.streamId, ctx.sb.seed.accountId]) expect(text).not.toContain(secret);
  });
});
