/**
 * Node's own refusals (issue 10), seen over a raw socket as any client would: a request line it cannot parse,
 * headers over its limit, headers or a body too slow. Each is answered in the envelope with Node's status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTaskUrl, devToken, rawHttp, withSandbox, type RawExchange } from './helpers.js';

let sb: RunningSandbox;
let drifted: RunningSandbox;
beforeAll(async () => {
  sb = await withSandbox({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  drifted = await withSandbox({ drift: 'error-envelope-changed' });
});
afterAll(() => Promise.all([sb.close(), drifted.close()]));

const raw = rawHttp;

const envelope = (r: RawExchange) => {
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
  return JSON.parse(r.body);
};

describe("Node's refusals are answered in the envelope", () => {
  it('a request line that is not HTTP: 400', async () => {
    const r = await raw(sb, 'GARBAGE\r\n\r\n');
    expect(r.status).toBe(400);
    expect(envelope(r)).toEqual({ errors: [{ msg: expect.stringMatching(/^request: not valid HTTP\/1\.1 \(HPE_/), code: 4000 }] });
  });

  it('a header line that is not a header: 400', async () => {
    const r = await raw(sb, 'GET /__sandbox/health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n');
    expect(r.status).toBe(400);
    expect(envelope(r).errors[0].code).toBe(4000);
  });

  it('headers over 16 KiB: 431', async () => {
    const r = await raw(sb, `GET /__sandbox/health HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(r.status).toBe(431);
    expect(envelope(r)).toEqual({ errors: [{ msg: expect.stringMatching(/^headers: larger than/), code: 4031 }] });
  });

  it('headers that do not arrive in time (headersTimeout): 408', async () => {
    const r = await raw(sb, 'POST /caseManagement/api/public/analytics/st-1/createTask HTTP/1.1\r\nHost: x\r\n');
    expect(r.status).toBe(408);
    expect(envelope(r)).toEqual({ errors: [{ msg: expect.stringMatching(/^request: not received in time/), code: 4008 }] });
    expect(r.ms).toBeGreaterThanOrEqual(250);
  });

  it('a body that does not arrive in time (requestTimeout): 408', async () => {
    // authorised, so the sandbox is reading the body when the time is up
    const head = `POST ${new URL(createTaskUrl(sb)).pathname} HTTP/1.1\r\nHost: x\r\nauth: ${await devToken(sb)}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n`;
    const r = await raw(sb, `${head}{"ca`);
    expect(r.status).toBe(408);
    expect(envelope(r).errors[0].code).toBe(4008);
    expect(r.ms).toBeGreaterThanOrEqual(550);
  });

  it('in the drifted envelope too, when a drift changes it', async () => {
    const r = await raw(drifted, 'GARBAGE\r\n\r\n');
    expect(r.status).toBe(400);
    expect(envelope(r)).toEqual({ error: { message: expect.stringMatching(/^request: not valid/), status: 400 } });
  });

  it('a well-formed request on the same server is unaffected', async () => {
    const r = await raw(sb, 'GET /__sandbox/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe('ok');
  });
});
