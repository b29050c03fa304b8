import { request } from 'node:http';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../sandbox/http/faults.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, sandboxForFile, validBody } from './helpers.js';

const shared = sandboxForFile({ faults: true });
let sb: RunningSandbox;
let token: string;
beforeAll(() => {
  ({ sb, token } = shared);
});
beforeEach(() => fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' }));

const taskCount = async () => (await (await fetch(`${sb.url}/__sandbox/health`)).json()).tasks as number;
const withFault = (fault: string) => createTask(sb, validBody(sb), { auth: token, headers: { 'x-sandbox-fault': fault } });

/** The raw exchange over node:http, to see what fetch would hide: a cut body, a reset, the timing of pieces. */
function rawCreate(fault: string): Promise<{ status?: number; declared?: number; received: number; body: string; error?: string; pieces: number[] }> {
  return new Promise((resolve) => {
    const body = JSON.stringify(validBody(sb));
    const pieces: number[] = [];
    const started = Date.now();
    const req = request(
      createTaskUrl(sb),
      { method: 'POST', headers: { auth: token, 'content-type': 'application/json', 'x-sandbox-fault': fault } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          pieces.push(Date.now() - started);
        });
        const done = (error?: string) =>
          resolve({
            status: res.statusCode,
            declared: Number(res.headers['content-length']),
            received: Buffer.byteLength(text),
            body: text,
            error,
            pieces,
          });
        res.on('end', () => done());
        res.on('error', (err) => done(err.message));
        res.on('aborted', () => done('aborted'));
      },
    );
    req.on('error', (err) => resolve({ received: 0, body: '', error: (err as NodeJS.ErrnoException).code ?? err.message, pieces }));
    req.end(body);
  });
}

describe('fault injection (--faults), per request with x-sandbox-fault', () => {
  it('latency=MS delays the answer and then creates the task', async () => {
    const started = performance.now();
    const sent = await withFault('latency=150');
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(sent.status).toBe(200);
  });

  it.each([
    ['429', 429, '1'],
    ['429=7', 429, '7'],
    ['503', 503, null],
    ['503=2', 503, '2'],
    ['500', 500, null],
  ])('%s answers %i (Retry-After %s) in the envelope and creates nothing', async (fault, status, retryAfter) => {
    const before = await taskCount();
    const sent = await withFault(fault);
    expect(sent.status).toBe(status);
    expect(sent.headers.get('retry-after')).toBe(retryAfter);
    expect(sent.json.errors[0].code).toEqual(expect.any(Number));
    if (status === 429) expect(sent.json.errors[0].msg).toMatch(/^You've exceeded the per-minute rate limit/);
    expect(await taskCount()).toBe(before);
  });

  it('reset drops the connection before any response and creates nothing', async () => {
    const before = await taskCount();
    const result = await rawCreate('reset');
    expect(result.status).toBeUndefined();
    expect(result.error).toMatch(/ECONNRESET|socket hang up/);
    expect(await taskCount()).toBe(before);
  });

  it('truncate sends half the promised body, then drops the connection (the task exists)', async () => {
    const before = await taskCount();
    const result = await rawCreate('truncate');
    expect(result.status).toBe(200);
    expect(result.received).toBeLessThan(result.declared!);
    expect(result.received).toBeGreaterThan(0);
    expect(await taskCount()).toBe(before + 1);
  });

  it('malformed sends a complete 200 whose body is not JSON', async () => {
    const result = await rawCreate('malformed');
    expect(result.status).toBe(200);
    expect(result.received).toBe(result.declared);
    expect(() => JSON.parse(result.body)).toThrow();
  });

  it('slow-body=MS sends the body in pieces spread over MS ms; it is whole in the end', async () => {
    const result = await rawCreate('slow-body=300');
    expect(result.status).toBe(200);
    expect(result.pieces.length).toBeGreaterThanOrEqual(3); // 10 pieces are sent; a busy client may merge a few
    expect(result.pieces.at(-1)! - result.pieces[0]!).toBeGreaterThanOrEqual(150);
    expect(JSON.parse(result.body).refId).toMatch(/^TS/);
  });

  it('latency combines with another fault', async () => {
    const started = performance.now();
    const sent = await withFault('latency=100,503');
    expect(sent.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('an unknown fault is a 400 naming the header', async () => {
    const sent = await withFault('explode');
    expect(sent.status).toBe(400);
    expect(sent.json.errors[0].msg).toMatch(/^x-sandbox-fault: unknown fault "explode"/);
  });
});

describe('fault injection for the next N requests: POST /__sandbox/faults', () => {
  const arm = (body: unknown) =>
    fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('applies the fault to exactly the next N createTask requests', async () => {
    const armed = await arm({ fault: '503', count: 2 });
    expect(armed.status).toBe(200);
    expect(await armed.json()).toEqual({ pending: [{ fault: '503', remaining: 2 }] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await createTask(sb, validBody(sb), { auth: token })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('uses armed faults in order, and the header wins over them', async () => {
    await arm({ fault: '500', count: 1 });
    await arm({ fault: '429=3', count: 1 });
    expect((await withFault('503')).status).toBe(503);
    expect((await createTask(sb, validBody(sb), { auth: token })).status).toBe(500);
    const limited = await createTask(sb, validBody(sb), { auth: token });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
  });

  it('GET lists and DELETE clears what is armed', async () => {
    await arm({ fault: 'reset', count: 5 });
    expect(await (await fetch(`${sb.url}/__sandbox/faults`)).json()).toEqual({ pending: [{ fault: 'reset', remaining: 5 }] });
    await fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' });
    expect((await createTask(sb, validBody(sb), { auth: token })).status).toBe(200);
  });

  it('rejects a bad control request with 400 naming fault and count', async () => {
    const response = await arm({ fault: 'nope', count: 0 });
    expect(response.status).toBe(400);
    const msgs = (await response.json()).errors.map((e: { msg: string }) => e.msg);
    expect(msgs).toEqual([expect.stringMatching(/unknown fault "nope"/), 'count must be an integer >= 1']);
  });
});

describe('parseFaultSpec (unit)', () => {
  it('parses specs and refuses bad ones', () => {
    expect(parseFaultSpec('latency=20,slow-body=500')).toEqual({ latencyMs: 20, action: { kind: 'slow-body', ms: 500 } });
    expect(parseFaultSpec('500,503')).toMatch(/at most one fault/);
    expect(parseFaultSpec('latency=-1')).toMatch(/integer from 0/);
    expect(parseFaultSpec('latency')).toMatch(/needs a value/);
  });
});
