/**
 * The SDK's resilience over real HTTP, against the reference sandbox's fault injection (sandbox/http/faults.ts).
 * What matters is the number of tasks that exist afterwards: a default client must never create a duplicate.
 * Waits between retries are recorded instead of slept (the `sleep` option), so Retry-After can be checked exactly.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../sandbox/tenant/seed.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  InternalServerError,
  RateLimitError,
  createKoreClient,
  type CreateTaskRequest,
  type KoreClientOptions,
} from '../../src/index.js';
import { startSandbox } from '../../sandbox/server.js';
import { useSandbox } from './sandbox-fixture.js';

const sandbox = useSandbox();
const { health, arm } = sandbox;
const taskCount = async (): Promise<number> => (await health()).tasks;

const body = (): CreateTaskRequest => ({
  caseId: sandbox.sb.seed.caseId,
  caseRefId: sandbox.sb.seed.caseRefId,
  taskTmp: sandbox.sb.seed.taskTemplateId,
  name: 'resilience',
  userInfo: { _id: SEED.contactUserId, name: 'dummy', emailId: 'dummy@mailinator.com' },
  source: 'rtm',
});

/** A client of the sandbox that mints its tokens, counts its attempts and records its waits. */
function client(options: Partial<KoreClientOptions> = {}, fault?: string) {
  const waits: number[] = [];
  let attempts = 0;
  const c = createKoreClient({
    ...sandbox.appOptions(),
    fetch: (input, init) => (attempts++, fetch(input, init)),
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  // a fault on every request, through the openapi-fetch client's own middleware (client.api)
  if (fault) c.api.use({ onRequest: ({ request }) => (request.headers.set('x-sandbox-fault', fault), request) });
  return { c, waits, attempts: () => attempts };
}

describe('over real HTTP against the sandbox', () => {
  it('creates a task that conforms to the contract (validateResponses on)', async () => {
    const before = await taskCount();
    const { c } = client({ validateResponses: true });
    const { data, response } = await c.createTaskWithResponse(body());
    expect(response.status).toBe(200);
    expect(data.caseId).toBe(sandbox.sb.seed.caseId);
    expect(data.refId).toMatch(/^TS\d+$/);
    expect(await taskCount()).toBe(before + 1);
  });

  it('429 twice with Retry-After: 1 → waits 1 s twice, then creates exactly one task', async () => {
    await arm('429=1', 2);
    const before = await taskCount();
    const { c, waits, attempts } = client();
    await c.createTask(body());
    expect(waits).toEqual([1000, 1000]);
    expect(attempts()).toBe(3);
    expect(await taskCount()).toBe(before + 1);
  });

  it('503 once → retried after its Retry-After, one task', async () => {
    await arm('503=2', 1);
    const before = await taskCount();
    const { c, waits, attempts } = client();
    await c.createTask(body());
    expect(waits).toEqual([2000]);
    expect(attempts()).toBe(2);
    expect(await taskCount()).toBe(before + 1);
  });

  it('429 on every attempt → RateLimitError after 2 retries, no task', async () => {
    const before = await taskCount();
    const { c, attempts } = client({}, '429=1');
    const e = await c.createTask(body()).catch((x) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.platformMessage).toMatch(/rate limit/);
    expect(attempts()).toBe(3);
    expect(await taskCount()).toBe(before);
  });

  it('500 → InternalServerError at once, not retried by default', async () => {
    await arm('500', 1);
    const { c, attempts } = client();
    expect(await c.createTask(body()).catch((x) => x)).toBeInstanceOf(InternalServerError);
    expect(attempts()).toBe(1);
  });

  it('500 with retryOn: [500] → retried, one task', async () => {
    await arm('500', 1);
    const before = await taskCount();
    const { c, attempts } = client({ retryOn: [500] });
    await c.createTask(body());
    expect(attempts()).toBe(2);
    expect(await taskCount()).toBe(before + 1);
  });

  it('a reset connection → APIConnectionError (sent), not retried by default', async () => {
    await arm('reset', 1);
    const { c, attempts } = client();
    const e = await c.createTask(body()).catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e.sent).toBe(true);
    expect(attempts()).toBe(1);
  });

  it("a reset connection with retryOn: ['network'] → retried, one task", async () => {
    await arm('reset', 1);
    const before = await taskCount();
    const { c, attempts } = client({ retryOn: ['network'] });
    await c.createTask(body());
    expect(attempts()).toBe(2);
    expect(await taskCount()).toBe(before + 1);
  });

  it('latency over timeoutMs → APIConnectionTimeoutError, not retried', async () => {
    const { c, attempts } = client({ timeoutMs: 100 }, 'latency=1000');
    const started = Date.now();
    expect(await c.createTask(body()).catch((x) => x)).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(900);
    expect(attempts()).toBe(1);
  });

  it('a body slower than timeoutMs → APIConnectionTimeoutError, not retried: the task exists', async () => {
    const before = await taskCount();
    const { c, attempts } = client({ timeoutMs: 150 }, 'slow-body=1000');
    expect(await c.createTask(body()).catch((x) => x)).toBeInstanceOf(APIConnectionTimeoutError);
    expect(attempts()).toBe(1);
    expect(await taskCount()).toBe(before + 1);
  });

  it("why timeouts are opt-in: retryOn ['timeout'] on a slow platform creates a duplicate task", async () => {
    await arm('slow-body=1000', 1); // the first attempt creates its task, then answers too slowly
    const before = await taskCount();
    const { c, attempts } = client({ timeoutMs: 150, retryOn: ['timeout'] });
    await c.createTask(body());
    expect(attempts()).toBe(2);
    expect(await taskCount()).toBe(before + 2);
  });

  it('a truncated 200 → an APIError, never retried: the task exists', async () => {
    await arm('truncate', 1);
    const before = await taskCount();
    const { c, attempts } = client({ retryOn: [500, 502, 503, 504] });
    expect(await c.createTask(body()).catch((x) => x)).toBeInstanceOf(APIError);
    expect(attempts()).toBe(1);
    expect(await taskCount()).toBe(before + 1);
  });

  it('a malformed 200 → APIError "not valid JSON", never retried: the task exists', async () => {
    await arm('malformed', 1);
    const before = await taskCount();
    const { c, attempts } = client();
    const e = await c.createTask(body()).catch((x) => x);
    expect(e).toBeInstanceOf(APIError);
    expect(e.status).toBe(200);
    expect(e.message).toMatch(/not valid JSON/);
    expect(attempts()).toBe(1);
    expect(await taskCount()).toBe(before + 1);
  });

  it('a refused connection → retried (nothing was sent), then APIConnectionError with sent = false', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const { c, attempts, waits } = client({ baseUrl: `http://127.0.0.1:${port}` });
    const e = await c.createTask(body()).catch((x) => x);
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e.sent).toBe(false);
    expect(attempts()).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('a real per-account rate limit → 429 with Retry-After honoured (capped at 60 s), RateLimitError at the end', async () => {
    const limited = await startSandbox({ port: 0, rateLimitPerMinute: 1 });
    try {
      const waits: number[] = [];
      const c = createKoreClient({
        baseUrl: limited.url,
        streamId: limited.seed.streamId,
        clientId: limited.seed.clientId,
        clientSecret: limited.seed.clientSecret,
        jwtSubject: limited.seed.userId,
        accountId: limited.seed.accountId,
        sleep: async (ms) => void waits.push(ms),
      });
      const b = { ...body(), caseId: limited.seed.caseId, caseRefId: limited.seed.caseRefId, taskTmp: limited.seed.taskTemplateId };
      await c.createTask(b);
      const e = await c.createTask(b).catch((x) => x);
      expect(e).toBeInstanceOf(RateLimitError);
      const retryAfter = Number(e.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(waits).toHaveLength(2);
      // each wait is the Retry-After of its own answer: no shorter than the last one's, never over the cap
      for (const w of waits) {
        expect(w).toBeGreaterThanOrEqual(Math.min(retryAfter * 1000, 60_000));
        expect(w).toBeLessThanOrEqual(Math.min((retryAfter + 1) * 1000, 60_000));
      }
    } finally {
      await limited.close();
    }
  });
});
