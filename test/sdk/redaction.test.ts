/**
 * Secrets never leak: for every way a call can fail, the client secret, the static JWT and any minted token appear
 * in no error message, toString, stack, JSON, util.inspect output, nor in any log line.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKoreClient, type KoreClientOptions } from '../../src/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  STATIC_JWT,
  STREAM_ID,
  envelope,
  hang,
  json,
  networkError,
  ok,
  rejection,
  sampleBody,
  stubFetch,
  type Answer,
} from './helpers.js';

const jwtShape = /eyJ[\w-]*\.[\w-]*\.[\w-]*/;

function capturingLogger() {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } };
}

/** Every text form of an error a user could print, store or send to a log service. */
function renderings(e: any): string[] {
  return [e.message, String(e), e.stack, JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })];
}

// Failures whose raw material quotes the token: the platform echoing the header, a fetch whose error does.
const echoAuth = (status: number) => (r: Request) => json(status, envelope(`bad token ${r.headers.get('auth')}`, 4002), {});
const throwWithAuth = (r: Request) => {
  throw new Error(`socket hang up while sending auth=${r.headers.get('auth')}`);
};
const rawEcho = (r: Request) => new Response(`upstream rejected ${r.headers.get('auth')}`, { status: 502 });

const scenarios: [string, Answer[], Partial<KoreClientOptions>][] = [
  ['401 echoing the token', [echoAuth(401)], {}],
  ['400 echoing the token', [echoAuth(400)], {}],
  ['502 text echoing the token', [rawEcho], {}],
  ['502 text with the token where the message is cut', [(r: Request) => new Response('x'.repeat(180) + r.headers.get('auth'), { status: 502 })], {}],
  ["401 envelope spelling msg as 'message', echoing the token", [(r: Request) => json(401, { errors: [{ message: `bad ${r.headers.get('auth')}` }] })], {}],
  ['401 envelope with the token in another field', [(r: Request) => json(401, { errors: [{ msg: 'bad token', token: r.headers.get('auth') }] })], {}],
  ['429 retried then failing', [json(429, envelope('slow down'), { 'retry-after': '0' })], {}],
  ['connection error quoting the token', [throwWithAuth], {}],
  ['refused connection, retried', [networkError('ECONNREFUSED')], {}],
  ['timeout', [hang], { timeoutMs: 5 }],
  ['response validation', [json(200, { refId: 1 })], { validateResponses: true }],
];

const auths: [string, Partial<KoreClientOptions>][] = [
  ['static jwt', { jwt: STATIC_JWT }],
  ['app credentials', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
];

describe('redaction', () => {
  for (const [authName, auth] of auths) {
    for (const [name, answers, options] of scenarios) {
      it(`${authName}: ${name}`, async () => {
        const { lines, logger } = capturingLogger();
        const stub = stubFetch(...answers);
        const client = createKoreClient({ streamId: STREAM_ID, fetch: stub.fetch, sleep: async () => {}, logger, ...auth, ...options });
        const e = await rejection(client.createTask(sampleBody));
        const sentTokens = stub.requests.map((r) => r.headers.get('auth')!);
        expect(sentTokens.length).toBeGreaterThan(0);
        const everything = [...renderings(e), ...lines].join('\n');
        expect(lines.length).toBeGreaterThan(0);
        // whole, or a piece long enough to matter (a message cut at 200 characters must not cut a token in two)
        for (const secret of [CLIENT_SECRET, STATIC_JWT, ...sentTokens]) expect(everything).not.toContain(secret.slice(0, 16));
        expect(everything).not.toMatch(jwtShape);
      });
    }
  }

  it('the redacted message still says what happened', async () => {
    const stub = stubFetch(echoAuth(401));
    const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stub.fetch });
    const e = await rejection(client.createTask(sampleBody));
    expect(e.message).toBe('401 bad token [redacted]');
    expect(e.platformMessage).toBe('bad token [redacted]');
  });

  it('an option error never echoes a secret', () => {
    let thrown: any;
    try {
      createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    for (const text of renderings(thrown)) {
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(STATIC_JWT);
    }
  });

  it('a body refused by validation is logged as not sent', async () => {
    const { lines, logger } = capturingLogger();
    const stub = stubFetch(ok());
    const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stub.fetch, logger });
    await rejection(client.createTask({ ...sampleBody, source: '' }));
    expect(lines).toEqual(['error createTask: not sent: invalid createTask body (nothing was sent): source: must not be empty {}']);
    expect(stub.requests).toHaveLength(0);
  });

  it('success is logged without the token', async () => {
    const { lines, logger } = capturingLogger();
    const stub = stubFetch(ok({ 'x-request-id': 'rq-1' }));
    const client = createKoreClient({ streamId: STREAM_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch: stub.fetch, logger });
    await client.createTask(sampleBody);
    expect(lines).toEqual([
      `debug createTask: POST attempt 1 {"streamId":"${STREAM_ID}"}`,
      'info createTask: created {"status":200,"requestId":"rq-1"}',
    ]);
  });
});
