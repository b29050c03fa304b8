import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshMarginSeconds, tokenLifetimeSeconds } from '../../src/mint.js';
import { CLIENT_ID, CLIENT_SECRET, STATIC_JWT, makeClient, ok, rejection, sampleBody } from './helpers.js';

const app = { jwt: undefined, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const secretKey = new TextEncoder().encode(CLIENT_SECRET);
const authOf = (r: Request) => r.headers.get('auth')!;

afterEach(() => vi.useRealTimers());

describe('the auth header', () => {
  it('carries a static jwt as is, with no Bearer prefix, on every attempt', async () => {
    const { client, requests } = makeClient([new Response('', { status: 429, headers: { 'retry-after': '0' } }), ok()]);
    await client.createTask(sampleBody);
    expect(requests.map(authOf)).toEqual([STATIC_JWT, STATIC_JWT]);
    expect(requests[0]!.headers.get('authorization')).toBeNull();
  });

  it('is set on calls made through client.api too (the one middleware)', async () => {
    const { client, requests } = makeClient([ok()]);
    await client.api.POST('/caseManagement/api/public/analytics/{streamId}/createTask', {
      params: { path: { streamId: 'st-x' } },
      body: sampleBody,
    });
    expect(authOf(requests[0]!)).toBe(STATIC_JWT);
  });
});

describe('minted tokens (clientId + clientSecret)', () => {
  it('are HS256, signed with the client secret, payload {sub, appId}, iat, exp ≤ 1 h, and a jti', async () => {
    const { client, requests } = makeClient([ok()], app);
    await client.createTask(sampleBody);
    const token = authOf(requests[0]!);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, secretKey, { algorithms: ['HS256'] });
    expect(payload.appId).toBe(CLIENT_ID);
    expect(payload.sub).toBe(CLIENT_ID);
    expect(payload.exp! - payload.iat!).toBe(tokenLifetimeSeconds);
    expect(tokenLifetimeSeconds).toBeLessThanOrEqual(3600);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('jwtSubject sets sub', async () => {
    const { client, requests } = makeClient([ok()], { ...app, jwtSubject: 'u-owner' });
    await client.createTask(sampleBody);
    expect(decodeJwt(authOf(requests[0]!)).sub).toBe('u-owner');
  });

  it('are cached between calls, and minted once for concurrent calls', async () => {
    const { client, requests } = makeClient([ok()], app);
    await Promise.all([client.createTask(sampleBody), client.createTask(sampleBody)]);
    await client.createTask(sampleBody);
    expect(new Set(requests.map(authOf)).size).toBe(1);
  });

  it(`are refreshed ${refreshMarginSeconds} s before expiry, with a fresh jti`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-01T10:00:00Z');
    vi.setSystemTime(start);
    const { client, requests } = makeClient([ok()], app);
    await client.createTask(sampleBody);
    vi.setSystemTime(start.getTime() + (tokenLifetimeSeconds - refreshMarginSeconds - 1) * 1000);
    await client.createTask(sampleBody); // still fresh enough: reused
    vi.setSystemTime(start.getTime() + (tokenLifetimeSeconds - refreshMarginSeconds + 1) * 1000);
    await client.createTask(sampleBody); // inside the margin: renewed
    const [first, second, third] = requests.map((r) => decodeJwt(authOf(r)));
    expect(second).toEqual(first);
    expect(third!.jti).not.toBe(first!.jti);
    expect(third!.iat).toBe(first!.iat! + tokenLifetimeSeconds - refreshMarginSeconds + 1);
    expect(third!.exp! - third!.iat!).toBe(tokenLifetimeSeconds);
  });

  it('a minting failure is a KoreError, and nothing is sent', async () => {
    vi.doMock('jose/jwt/sign', () => ({
      SignJWT: class {
        constructor() {
          throw new Error(`cannot sign with ${CLIENT_SECRET}`);
        }
      },
    }));
    vi.resetModules();
    const { createKoreClient, KoreError: FreshKoreError } = await import('../../src/index.js');
    const { stubFetch, STREAM_ID } = await import('./helpers.js');
    const stub = stubFetch(ok());
    const client = createKoreClient({ streamId: STREAM_ID, ...app, fetch: stub.fetch });
    const e = await rejection(client.createTask(sampleBody));
    vi.doUnmock('jose/jwt/sign');
    expect(e.name).toBe('KoreError');
    expect(e.message).toMatch(/could not mint the auth JWT/);
    expect(e.message).not.toContain(CLIENT_SECRET);
    expect(stub.requests).toHaveLength(0);
    expect(e).toBeInstanceOf(FreshKoreError); // the module graph was reloaded with the failing jose
  });
});
