/**
 * Hostile input (issue 11): what one task may hold is bounded, the listing cannot fail however many tasks there
 * are, injected latencies are capped, and one header sent twice under two spellings is one header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { maxHoldMs, parseFaultSpec } from '../../sandbox/http/faults.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { maxLength } from '../../sandbox/operations/fields.js';
import {
  SEED,
  createTask,
  createTaskUrl,
  devToken,
  envelopeMessages,
  rawHttp,
  sandboxForFile,
  storedTasks,
  validBody,
  withSandbox,
} from './helpers.js';

const shared = sandboxForFile({ faults: true });
let sb: RunningSandbox;
let token: string;
beforeAll(() => {
  ({ sb, token } = shared);
});

describe('every free string the task keeps has a limit: 400 naming the field and the limit', () => {
  const user = (extra: Record<string, unknown>) => ({ ...(validBody(sb).userInfo as object), ...extra });
  const cases: [string, number, (n: number) => Record<string, unknown>][] = [
    ['source', maxLength.source, (n) => ({ source: 's'.repeat(n) })],
    ['userInfo.name', maxLength.userName, (n) => ({ userInfo: user({ name: 'n'.repeat(n) }) })],
    ['userInfo.emailId', maxLength.emailId, (n) => ({ userInfo: user({ emailId: `${'e'.repeat(n - 12)}@example.com` }) })],
    ['userInfo.phoneNumber', maxLength.phoneNumber, (n) => ({ userInfo: user({ phoneNumber: '5'.repeat(n) }) })],
    ['userInfo._id', maxLength.id, (n) => ({ userInfo: user({ _id: `u-${'a'.repeat(n - 2)}` }) })],
    ['caseId', maxLength.id, (n) => ({ caseId: `ci-${'a'.repeat(n - 3)}` })],
    ['caseRefId', maxLength.id, (n) => ({ caseRefId: `CS${'1'.repeat(n - 2)}` })],
    ['taskTmp', maxLength.id, (n) => ({ taskTmp: `ttm-${'a'.repeat(n - 4)}` })],
  ];

  it.each(cases)('%s: one character past %i is refused, at the limit it is judged on its content', async (field, limit, make) => {
    const over = await createTask(sb, { ...validBody(sb), ...make(limit + 1) }, { auth: token });
    expect(over.status).toBe(400);
    expect(envelopeMessages(over)).toContain(`${field} must be at most ${limit} characters`);
    const at = await createTask(sb, { ...validBody(sb), ...make(limit) }, { auth: token });
    const messages = at.status === 200 ? [] : envelopeMessages(at);
    expect(messages.filter((m) => m.startsWith(`${field} must be at most`))).toEqual([]);
  });

  it('the limits leave room for any real value (a wide margin over the samples)', () => {
    for (const limit of Object.values(maxLength)) expect(limit).toBeGreaterThanOrEqual(64);
    expect(maxLength.emailId).toBeGreaterThanOrEqual(254);
  });

  it('a 1 MB source (the issue: 560 of them took the sandbox to 687 MB) creates nothing', async () => {
    const before = (await (await fetch(`${sb.url}/__sandbox/health`)).json()).tasks;
    const sent = await createTask(sb, { ...validBody(sb), source: 'x'.repeat(1000 * 1000) }, { auth: token });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([`source must be at most ${maxLength.source} characters`]);
    expect((await (await fetch(`${sb.url}/__sandbox/health`)).json()).tasks).toBe(before);
  });
});

describe('GET /__sandbox/tasks streams its answer and pages', () => {
  it('is sent in pieces (chunked, no Content-Length), so no single string holds every task', async () => {
    const fresh = await withSandbox();
    try {
      const tok = await devToken(fresh);
      for (let i = 0; i < 1100; i++) await createTask(fresh, validBody(fresh), { auth: tok });
      const response = await storedTasks(fresh, {}, { auth: tok });
      expect(response.headers.get('content-length')).toBeNull();
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      const listed = await response.json();
      expect([listed.total, listed.count, listed.tasks.length]).toEqual([1100, 1100, 1100]);
      expect(listed.tasks.at(-1).refId).toBe('TS001100');

      const page = await (await storedTasks(fresh, { skip: '1000', limit: '2', fields: 'refId' }, { auth: tok })).json();
      expect(page).toEqual({ total: 1100, skip: 1000, count: 2, tasks: [{ refId: 'TS001001' }, { refId: 'TS001002' }] });
      const past = await (await storedTasks(fresh, { skip: '5000' }, { auth: tok })).json();
      expect(past).toEqual({ total: 1100, skip: 5000, count: 0, tasks: [] });
    } finally {
      await fresh.close();
    }
  });

  it('refuses a skip or limit that is not a non-negative integer, naming it', async () => {
    const response = await storedTasks(sb, { skip: '-1', limit: 'lots' });
    expect(response.status).toBe(400);
    const msgs = (await response.json()).errors.map((e: { msg: string }) => e.msg);
    expect(msgs).toEqual(['skip must be a non-negative integer (got "-1")', 'limit must be a non-negative integer (got "lots")']);
  });
});

describe('injected latency is capped: each value and the total a request is held', () => {
  it('refuses latencies that add up past the cap (1 000 x latency=60000 held a request 16.7 h), naming the fault and the cap', async () => {
    const spec = Array.from({ length: 1000 }, () => 'latency=60000').join(',');
    const sent = await createTask(sb, validBody(sb), { auth: token, headers: { 'x-sandbox-fault': spec } });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)[0]).toMatch(
      /^x-sandbox-fault: fault "latency=60000,latency=60000,.*": holds the request 60000000 ms in all .*; the cap is 120000 ms$/,
    );
  });

  it('never lets a total past 2^31 ms through (timers turn it into 1 ms)', () => {
    expect(parseFaultSpec(Array.from({ length: 36 }, () => 'latency=60000').join(','))).toMatch(/the cap is 120000 ms/);
    expect(parseFaultSpec('latency=60000,slow-body=60001')).toMatch(/integer from 0 to 60000/);
    expect(parseFaultSpec('latency=60000,latency=60000,slow-body=1')).toMatch(/holds the request 120001 ms in all/);
    expect(parseFaultSpec('latency=60000,slow-body=60000')).toEqual({ latencyMs: 60000, action: { kind: 'slow-body', ms: 60000 } });
    expect(maxHoldMs).toBeLessThan(2 ** 31);
  });

  it('an unknown fault is named in a bounded message, however long the header', async () => {
    const sent = await createTask(sb, validBody(sb), { auth: token, headers: { 'x-sandbox-fault': 'z'.repeat(8000) } });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)[0]).toMatch(/^x-sandbox-fault: fault "z{40}…": too long to be a fault/);
    expect(sent.text.length).toBeLessThan(300);
  });

  it('the armed-fault endpoint applies the same cap', async () => {
    const response = await fetch(`${sb.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'latency=60000,latency=60000,latency=60000', count: 1 }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].msg).toMatch(/holds the request 180000 ms in all.*the cap is 120000 ms/);
  });
});

/** Sends raw header lines over a socket: both spellings of a name reach the server, as from any client. */
async function postWithRawHeaders(
  headers: [string, string][],
): Promise<{ status: number; json: { accountId?: string; errors?: { msg: string }[] } }> {
  const body = JSON.stringify(validBody(sb));
  const { host, pathname } = new URL(createTaskUrl(sb));
  const lines = [
    ...headers,
    ['host', host],
    ['content-type', 'application/json'],
    ['content-length', String(Buffer.byteLength(body))],
    ['connection', 'close'],
  ];
  const exchange = await rawHttp(sb, `POST ${pathname} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  return { status: exchange.status, json: JSON.parse(exchange.body) };
}

describe('a header sent twice under two spellings is one header', () => {
  it('accountId and AccountId with the same value: that account (200, was 403)', async () => {
    const sent = await postWithRawHeaders([
      ['auth', token],
      ['accountId', SEED.accountId],
      ['AccountId', SEED.accountId],
    ]);
    expect(sent.status).toBe(200);
    expect(sent.json.accountId).toBe(SEED.accountId);
  });

  it('different values: 400 naming the header', async () => {
    const sent = await postWithRawHeaders([
      ['auth', token],
      ['accountId', SEED.accountId],
      ['AccountId', SEED.otherAccountId],
    ]);
    expect(sent.status).toBe(400);
    expect(sent.json.errors?.[0]).toEqual({ msg: expect.stringMatching(/^accountId: sent 2 times with different values/), code: 4000 });
  });

  it('the same token twice is that token; one value holding a comma is still one (wrong) account', async () => {
    expect(
      (
        await postWithRawHeaders([
          ['auth', token],
          ['Auth', token],
        ])
      ).status,
    ).toBe(200);
    const commas = await postWithRawHeaders([
      ['auth', token],
      ['accountId', `${SEED.accountId}, ${SEED.accountId}`],
    ]);
    expect(commas.status).toBe(403);
  });
});
