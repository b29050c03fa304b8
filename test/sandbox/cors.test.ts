/** CORS (issue 14): a browser app on a local origin can call the sandbox without a proxy; other origins cannot. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, devToken, validBody, withSandbox } from './helpers.js';

let sb: RunningSandbox;
let any: RunningSandbox;
let off: RunningSandbox;
beforeAll(async () => {
  [sb, any, off] = await Promise.all([withSandbox({ faults: true }), withSandbox({ cors: '*' }), withSandbox({ cors: false })]);
});
afterAll(() => Promise.all([sb, any, off].map((s) => s.close())));

const preflight = (target: RunningSandbox, origin: string, extra: Record<string, string> = {}) =>
  fetch(createTaskUrl(target), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'auth, accountid, content-type', ...extra },
  });

const corsHeaders = (response: { headers: Headers }) => [...response.headers].filter(([name]) => name.startsWith('access-control-'));

describe('CORS for local browser apps (default)', () => {
  it('a preflight from http://localhost:5173 gets 204 with the methods and request headers a createTask needs', async () => {
    const response = await preflight(sb, 'http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['auth', 'accountid', 'content-type']));
    expect(await response.text()).toBe('');
  });

  it.each(['http://127.0.0.1:8080', 'http://[::1]:3000', 'http://localhost'])('allows %s', async (origin) => {
    expect((await preflight(sb, origin)).headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('the answer itself carries the origin and exposes retry-after and x-request-id, errors included', async () => {
    const origin = 'http://localhost:5173';
    const created = await createTask(sb, validBody(sb), { headers: { origin } });
    expect(created.status).toBe(200);
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    expect(created.headers.get('access-control-expose-headers')!.split(/,\s*/)).toEqual(expect.arrayContaining(['x-request-id', 'retry-after']));
    const limited = await createTask(sb, validBody(sb), { headers: { origin, 'x-sandbox-fault': '429=3' } });
    expect([limited.status, limited.headers.get('access-control-allow-origin'), limited.headers.get('retry-after')]).toEqual([429, origin, '3']);
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'https://localhost:5173', 'null'])(
    '%s gets no CORS headers at all',
    async (origin) => {
      const response = await preflight(sb, origin);
      expect(corsHeaders(response)).toEqual([]);
      expect(response.status).toBe(405); // an OPTIONS like any other: createTask allows POST only
      const created = await createTask(sb, validBody(sb), { headers: { origin } });
      expect(created.status).toBe(200);
      expect(corsHeaders(created)).toEqual([]);
    },
  );

  it('a request without Origin (curl, SDKs) gets no CORS headers', async () => {
    const created = await createTask(sb, validBody(sb), { auth: await devToken(sb) });
    expect(corsHeaders(created)).toEqual([]);
  });
});

describe('--cors-origin * and --no-cors', () => {
  it('* allows any origin, as *', async () => {
    const response = await preflight(any, 'https://app.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('off: not even a local origin gets CORS headers', async () => {
    const response = await preflight(off, 'http://localhost:5173');
    expect(corsHeaders(response)).toEqual([]);
    expect(response.status).toBe(405);
  });
});
