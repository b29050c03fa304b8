/**
 * App credentials in a browser: a page that mints tokens ships the client secret to every visitor, so the client
 * refuses clientId/clientSecret there unless told `dangerouslyAllowBrowser: true`. A static jwt stays allowed.
 * The browser is simulated with the globals a page (window, document, navigator) or a worker (importScripts) has.
 */
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKoreClient, InvalidArgumentError } from '../../src/index.js';
import { CLIENT_ID, CLIENT_SECRET, STATIC_JWT, STREAM_ID, makeClient, ok, sampleBody } from './helpers.js';

const app = { streamId: STREAM_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const asPage = () => (
  vi.stubGlobal('window', { document: {} }),
  vi.stubGlobal('document', {}),
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' })
);
const thrown = (make: () => unknown): Error => {
  try {
    make();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected createKoreClient to throw');
};

afterEach(() => vi.unstubAllGlobals());

describe('app credentials in a browser', () => {
  it('are refused in a page, saying why and what to do instead, without echoing the secret', () => {
    asPage();
    const e = thrown(() => createKoreClient(app));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e.message).toBe(
      'kore client: option "clientSecret" is refused in a browser: the secret would be shipped to every visitor. ' +
        'Mint tokens on a server and pass "jwt" (or set dangerouslyAllowBrowser: true)',
    );
    expect(e.message).not.toContain(CLIENT_SECRET);
  });

  it('are refused in a web worker (importScripts)', () => {
    vi.stubGlobal('importScripts', () => {});
    expect(thrown(() => createKoreClient(app)).message).toMatch(/refused in a browser/);
  });

  it('are allowed with dangerouslyAllowBrowser: true, and tokens are minted', async () => {
    asPage();
    const { client, requests } = makeClient([ok()], { ...app, jwt: undefined, dangerouslyAllowBrowser: true });
    await client.createTask(sampleBody);
    expect(decodeJwt(requests[0]!.headers.get('auth')!).appId).toBe(CLIENT_ID);
  });

  it('dangerouslyAllowBrowser must be a boolean', () => {
    expect(thrown(() => createKoreClient({ ...app, dangerouslyAllowBrowser: 'yes' as never })).message).toBe(
      'kore client: option "dangerouslyAllowBrowser" must be true or false',
    );
  });
});

describe('what is not refused', () => {
  it('a static jwt in a page', async () => {
    asPage();
    const { client, requests } = makeClient([ok()]);
    await client.createTask(sampleBody);
    expect(requests[0]!.headers.get('auth')).toBe(STATIC_JWT);
  });

  it('app credentials in Node (this process: no window, no importScripts)', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(() => createKoreClient(app)).not.toThrow();
  });

  it('app credentials where window has no document (Deno 1.x defines window)', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('navigator', { userAgent: 'Deno/1.46' });
    expect(() => createKoreClient(app)).not.toThrow();
  });
});
