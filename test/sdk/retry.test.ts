import { describe, expect, it } from 'vitest';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, InternalServerError, RateLimitError } from '../../src/index.js';
import { backoffMs, isRetryable, maxRetryAfterMs, retryAfterMs, retryDelay, sleepFor } from '../../src/retry.js';
import { envelope, hang, json, makeClient, networkError, ok, rejection, sampleBody } from './helpers.js';

const limited = (retryAfter?: string) =>
  json(429, envelope("You've exceeded the per-minute rate limit", 4290), retryAfter ? { 'retry-after': retryAfter } : {});
const unavailable = (retryAfter?: string) => json(503, envelope('unavailable', 5030), retryAfter ? { 'retry-after': retryAfter } : {});
const failed = (status = 500) => json(status, envelope('boom', 5000));

describe('by default only what cannot have created a task is retried', () => {
  it('429 is retried, honouring Retry-After', async () => {
    const { client, requests, waits } = makeClient([limited('2'), ok()]);
    await expect(client.createTask(sampleBody)).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('503 is retried; without Retry-After it backs off exponentially with jitter', async () => {
    const { client, requests, waits } = makeClient([unavailable(), unavailable(), ok()]);
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(750);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it('a connection refused before sending is retried', async () => {
    const { client, requests } = makeClient([networkError('ECONNREFUSED'), networkError('ENOTFOUND'), ok()]);
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(3);
  });

  it('gives up after 2 retries (3 attempts) and throws the last error', async () => {
    const { client, requests, waits } = makeClient([limited('1')]);
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  for (const status of [500, 502, 504]) {
    it(`${status} is not retried (the task may have been created)`, async () => {
      const { client, requests, waits } = makeClient([failed(status), ok()]);
      expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(InternalServerError);
      expect(requests).toHaveLength(1);
      expect(waits).toEqual([]);
    });
  }

  for (const status of [400, 401, 403, 404]) {
    it(`${status} is never retried`, async () => {
      const { client, requests } = makeClient([json(status, envelope('no')), ok()], { retryOn: [500, 'timeout', 'network'] });
      expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(APIError);
      expect(requests).toHaveLength(1);
    });
  }

  it('a connection lost after sending (reset) is not retried', async () => {
    const { client, requests } = makeClient([networkError('ECONNRESET'), ok()]);
    expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('a timeout is not retried', async () => {
    const { client, requests } = makeClient([hang, ok()], { timeoutMs: 5 });
    expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests).toHaveLength(1);
  });
});

describe('retryOn opts in to retries that can duplicate a task', () => {
  it('listed statuses are retried', async () => {
    const { client, requests } = makeClient([failed(500), failed(502), ok()], { retryOn: [500, 502] });
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(3);
  });

  it('an unlisted status still is not', async () => {
    const { client, requests } = makeClient([failed(504), ok()], { retryOn: [500] });
    await rejection(client.createTask(sampleBody));
    expect(requests).toHaveLength(1);
  });

  it("'network' retries a connection lost after sending", async () => {
    const { client, requests } = makeClient([networkError('ECONNRESET'), ok()], { retryOn: ['network'] });
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(2);
  });

  it("'timeout' retries a timed-out attempt", async () => {
    const { client, requests } = makeClient([hang, ok()], { timeoutMs: 5, retryOn: ['timeout'] });
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(2);
  });
});

describe('how many retries', () => {
  it('maxRetries: 0 never retries', async () => {
    const { client, requests } = makeClient([limited('1'), ok()], { maxRetries: 0 });
    await rejection(client.createTask(sampleBody));
    expect(requests).toHaveLength(1);
  });

  it('maxRetries: 4 allows 5 attempts', async () => {
    const { client, requests } = makeClient([unavailable('0')], { maxRetries: 4 });
    await rejection(client.createTask(sampleBody));
    expect(requests).toHaveLength(5);
  });

  it('a call may lower or raise maxRetries', async () => {
    const a = makeClient([unavailable('0')]);
    await rejection(a.client.createTask(sampleBody, { maxRetries: 1 }));
    expect(a.requests).toHaveLength(2);
    const b = makeClient([unavailable('0')], { maxRetries: 0 });
    await rejection(b.client.createTask(sampleBody, { maxRetries: 3 }));
    expect(b.requests).toHaveLength(4);
  });

  it('every attempt sends the same body, with a fresh auth header', async () => {
    const { client, bodies, requests } = makeClient([limited('0'), ok()]);
    await client.createTask(sampleBody);
    expect(bodies[0]).toBe(JSON.stringify(sampleBody));
    expect(bodies[1]).toBe(bodies[0]);
    expect(requests.every((r) => r.headers.get('auth'))).toBe(true);
  });
});

describe('Retry-After and backoff', () => {
  const h = (v: string) => new Headers({ 'retry-after': v });

  it('reads seconds and HTTP dates, and caps at 60 s', () => {
    expect(retryAfterMs(h('3'))).toBe(3000);
    expect(retryAfterMs(h('0.5'))).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(h('Thu, 01 Jan 2026 00:00:10 GMT'), now)).toBe(10_000);
    expect(retryAfterMs(h('0'))).toBe(0); // the server's explicit "now"
    expect(retryAfterMs(h('3600'))).toBe(maxRetryAfterMs);
    expect(maxRetryAfterMs).toBe(60_000);
    expect(retryAfterMs(h('soon'))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('an invalid Retry-After (negative, not a number, a date in the past) is ignored', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    for (const v of [
      '-5',
      '-0.5',
      'NaN',
      'Infinity',
      '1e3',
      '0x10',
      '5 s',
      '1.',
      'soon',
      'Thu, 01 Jan 2026 00:00:00 GMT',
      'Wed, 31 Dec 2025 23:59:55 GMT',
    ])
      expect(retryAfterMs(h(v), now), v).toBeUndefined();
  });

  it('Retry-After: -5 or garbage falls back to the normal backoff, not to 0 ms', async () => {
    const { client, requests, waits } = makeClient([limited('-5'), unavailable('garbage'), limited('Mon, 01 Jan 2001 00:00:00 GMT'), ok()], {
      maxRetries: 3,
    });
    await client.createTask(sampleBody);
    expect(requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
    [500, 1000, 2000].forEach((full, i) => expect(waits[i]).toBeGreaterThanOrEqual(full * 0.75));
  });

  it('a huge Retry-After waits the cap, not the hour', async () => {
    const { client, waits } = makeClient([limited('3600'), ok()]);
    await client.createTask(sampleBody);
    expect(waits).toEqual([60_000]);
  });

  it('backoff doubles from 0.5 s to a cap of 8 s, jitter removing at most a quarter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(2, 1)).toBe(1500);
    expect(backoffMs(2, 0.5)).toBe(1750);
  });

  it('the default wait ends at once for a signal aborted before it began (abort will not fire again)', async () => {
    const aborted = AbortSignal.abort();
    const started = performance.now();
    await sleepFor(60_000, aborted);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('decides in one place: retryDelay is undefined past maxRetries or for a non-retryable error', () => {
    const policy = { maxRetries: 2, retryOn: new Set<never>() };
    const rate = new RateLimitError('429', { status: 429, headers: new Headers({ 'retry-after': '7' }) });
    expect(retryDelay(rate, 0, policy, 'create')).toBe(7000);
    expect(retryDelay(rate, 2, policy, 'create')).toBeUndefined();
    expect(retryDelay(new InternalServerError('500', { status: 500 }), 0, policy, 'create')).toBeUndefined();
    expect(retryDelay(new InternalServerError('500', { status: 500 }), 0, policy, 'idempotent')).toBeGreaterThan(0);
    expect(isRetryable(new APIUserAbortError('aborted', false), { maxRetries: 2, retryOn: new Set(['network', 'timeout']) }, 'idempotent')).toBe(
      false,
    );
    expect(isRetryable(new Error('a bug'), policy, 'idempotent')).toBe(false);
  });
});
