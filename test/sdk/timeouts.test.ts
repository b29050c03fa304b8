import { describe, expect, it, vi } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, createKoreClient } from '../../src/index.js';
import { STATIC_JWT, STREAM_ID, hang, makeClient, ok, rejection, sampleBody, stubFetch } from './helpers.js';

describe('timeouts', () => {
  it('timeoutMs bounds each attempt and throws APIConnectionTimeoutError', async () => {
    const { client } = makeClient([hang], { timeoutMs: 10 });
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(APIConnectionTimeoutError);
    expect(e.message).toMatch(/within 10 ms/);
    expect(e.sent).toBe(true);
  });

  it('a call may set its own timeoutMs', async () => {
    const { client } = makeClient([hang], { timeoutMs: 600_000 });
    const e = await rejection(client.createTask(sampleBody, { timeoutMs: 10 }));
    expect(e).toBeInstanceOf(APIConnectionTimeoutError);
    expect(e.message).toMatch(/within 10 ms/);
  });

  it('the timeout covers reading the body, not only the headers', async () => {
    const slowBody = (request: Request) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"_id":'));
            request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
          },
        }),
        { status: 200 },
      );
    const { client } = makeClient([slowBody], { timeoutMs: 20 });
    expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a fetch that ignores its signal still times out (the SDK does not rely on fetch to give up)', async () => {
    const { client } = makeClient([() => new Promise<Response>(() => {})], { timeoutMs: 10 });
    expect(await rejection(client.createTask(sampleBody))).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('a fast answer is not affected and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { client } = makeClient([ok()], { timeoutMs: 50 });
      await expect(client.createTask(sampleBody)).resolves.toMatchObject({ refId: expect.any(String) });
      expect(vi.getTimerCount()).toBe(0); // the attempt's deadline was cleared when it answered
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('aborts', () => {
  it('an already aborted signal sends nothing', async () => {
    const { client, requests } = makeClient([ok()]);
    const e = await rejection(client.createTask(sampleBody, { signal: AbortSignal.abort() }));
    expect(e).toBeInstanceOf(APIUserAbortError);
    expect(e.sent).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('aborting in flight rejects with APIUserAbortError and is not retried', async () => {
    const controller = new AbortController();
    const { client, requests } = makeClient([hang, ok()], { retryOn: ['network', 'timeout'] });
    const pending = client.createTask(sampleBody, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });

  it('aborting stops a call even when fetch ignores its signal', async () => {
    const controller = new AbortController();
    const { client } = makeClient([() => new Promise<Response>(() => {})]);
    const pending = client.createTask(sampleBody, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
  });

  it('aborting during the wait before a retry stops the retries', async () => {
    const controller = new AbortController();
    const stub = stubFetch(new Response('{}', { status: 503, headers: { 'retry-after': '30' } }), ok());
    const client = createKoreClient({
      streamId: STREAM_ID,
      jwt: STATIC_JWT,
      fetch: stub.fetch,
      // the real default sleep is used: a 30 s wait that the abort must cut short
    });
    const pending = client.createTask(sampleBody, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    expect(await rejection(pending)).toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stub.requests).toHaveLength(1);
  });

  it('a signal option that is not an AbortSignal is refused, naming it', async () => {
    const { client } = makeClient([ok()]);
    await expect(client.createTask(sampleBody, { signal: 'stop' as never })).rejects.toThrow(/option "signal"/);
  });
});
