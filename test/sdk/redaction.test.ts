/**
 * Secrets never leak: for every way a call can fail, the client secret, the static JWT and any minted token appear
 * in no error message, toString, stack, JSON, util.inspect output, nor in any log line.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKoreClient, InvalidArgumentError, type KoreClientOptions } from '../../src/index.js';
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
  thrownBy,
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
function renderings(e: Error): string[] {
  return [e.message, String(e), e.stack ?? '', JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })];
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
  [
    "401 envelope spelling msg as 'message', echoing the token",
    [(r: Request) => json(401, { errors: [{ message: `bad ${r.headers.get('auth')}` }] })],
    {},
  ],
  ['401 envelope with the token in another field', [(r: Request) => json(401, { errors: [{ msg: 'bad token', token: r.headers.get('auth') }] })], {}],
  ['429 retried then failing', [json(429, envelope('slow down'), { 'retry-after': '0' })], {}],
  ['connection error quoting the token', [throwWithAuth], {}],
  ['refused connection, retried', [networkError('ECONNREFUSED')], {}],
  // long enough for a first token to be minted (jose loaded cold) before the deadline: the request must reach fetch
  ['timeout', [hang], { timeoutMs: 250 }],
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
    const thrown = thrownBy(() => createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }));
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
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

  it('logger: console prints each line as it is meant: no trailing undefined or {}', async () => {
    let printed = '';
    const sink = new Writable({ write: (chunk, _, done) => void ((printed += chunk), done()) });
    const logger = new Console({ stdout: sink, stderr: sink, colorMode: false });
    const stub = stubFetch(json(503, envelope('busy', 5030)), ok());
    const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stub.fetch, sleep: async () => {}, logger });
    await client.createTask(sampleBody);
    await rejection(client.createTask({ ...sampleBody, source: '' }));
    const lines = printed.trimEnd().split('\n');
    expect(lines.find((l) => l.startsWith('createTask: retry'))).toMatch(/^createTask: retry 1 of 2 in \d+ ms after 503 busy$/);
    expect(lines.find((l) => l.startsWith('createTask: not sent'))).toBe(
      'createTask: not sent: invalid createTask body (nothing was sent): source: must not be empty',
    );
    for (const line of lines) expect(line).not.toMatch(/ (undefined|\{\})$/);
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

/**
 * A hostile server echoes the secret where the SDK passes it on (headers, request id, bodies, a redirect's Location,
 * a connection error) and in forms a plain search misses: percent-encoded, split by spaces, or a base64url piece of
 * the signature. The check is independent of the redactor: every rendering, %XX-decoded and without whitespace, must
 * hold no 16-character window of any secret.
 */
describe('redaction of secrets echoed in other forms and places', () => {
  const percentAll = (s: string) => [...s].map((c, i) => '%' + c.charCodeAt(0).toString(16)[i % 2 ? 'toUpperCase' : 'toLowerCase']()).join('');
  const forms: [string, (secret: string) => string][] = [
    ['raw', (s) => s],
    ['percent-encoded', percentAll],
    ['split by spaces', (s) => s.match(/.{1,5}/g)!.join(' ')],
    ['split by newlines and tabs', (s) => s.match(/.{1,9}/g)!.join('\n\t')],
    ['a piece of the signature', (s) => (s.split('.')[2] ?? s).slice(2, 22)],
    ['another piece, percent-encoded', (s) => percentAll((s.split('.')[2] ?? s).slice(-18))],
  ];
  const places: [string, (echo: string) => Answer[], Partial<KoreClientOptions>][] = [
    ['a response header', (x) => [json(401, envelope('bad token'), { 'x-debug': `token=${x}` })], {}],
    ['x-request-id', (x) => [json(401, envelope('bad token'), { 'x-request-id': x })], {}],
    ['x-request-id of a success', (x) => [json(200, { refId: 1 }, { 'x-request-id': x })], { validateResponses: true }],
    ['the envelope', (x) => [json(400, envelope(`bad token ${x}`))], {}],
    ['a text body', (x) => [new Response(`upstream rejected ${x}`, { status: 502 })], {}],
    ["a redirect's Location", (x) => [new Response(null, { status: 307, headers: { location: `http://127.0.0.1:9/?t=${x}` } })], {}],
    ['a connection error', (x) => [new Error(`socket hang up: ${x}`)], {}],
  ];
  /** What a careless echo would leave of `secret`: its 16-character windows, looked for in decoded, whitespace-free text. */
  const leaks = (text: string, secret: string) => {
    const flat = text.replace(/%([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/\s+/g, '');
    for (let i = 0; i + 16 <= secret.length; i++) if (flat.includes(secret.slice(i, i + 16))) return secret.slice(i, i + 16);
    return undefined;
  };
  const echo = (place: (x: string) => Answer[], form: (s: string) => string, secretOf: (r: Request) => string): Answer[] =>
    place('').map((_, i) => (r: Request) => {
      const a = place(form(secretOf(r)))[i]!;
      if (a instanceof Error) throw a;
      return typeof a == 'function' ? a(r, 0) : a;
    });

  for (const [authName, auth] of auths) {
    // the token the request carried, and for app credentials the client secret too
    const secretsOf = (r: Request): [string, string][] => [
      ['token', r.headers.get('auth')!],
      ...(auth.clientSecret ? [['client secret', CLIENT_SECRET] as [string, string]] : []),
    ];
    for (const [placeName, place, options] of places)
      for (const [formName, form] of forms)
        for (const which of authName == 'static jwt' ? ['token'] : ['token', 'client secret']) {
          if (formName.includes('newlines') && !/body|envelope|error/.test(placeName)) continue; // a header cannot hold one
          it(`${authName}: the ${which}, ${formName}, in ${placeName}`, async () => {
            const { lines, logger } = capturingLogger();
            const pick = (r: Request) => secretsOf(r).find(([n]) => n == which)![1];
            const stub = stubFetch(...echo(place, form, pick));
            const client = createKoreClient({
              streamId: STREAM_ID,
              fetch: stub.fetch,
              sleep: async () => {},
              logger,
              maxRetries: 0,
              ...auth,
              ...options,
            });
            const e = await rejection(client.createTask(sampleBody));
            const secret = pick(stub.requests[0]!);
            expect(form(secret).length).toBeGreaterThan(15);
            const renderings_ = [...renderings(e), String(e.requestId), ...lines];
            expect(lines.length).toBeGreaterThan(0);
            for (const text of renderings_) expect(leaks(text, secret)).toBeUndefined();
          });
        }
  }

  it('the success path redacts the request id it returns and logs', async () => {
    const { lines, logger } = capturingLogger();
    const client = createKoreClient({
      streamId: STREAM_ID,
      jwt: STATIC_JWT,
      fetch: stubFetch(ok({ 'x-request-id': `rq-${STATIC_JWT}` })).fetch,
      logger,
    });
    const { requestId } = await client.createTaskWithResponse(sampleBody);
    expect(requestId).toBe('rq-[redacted]');
    expect(lines.join('\n')).not.toContain('STATIC-SIGNATURE');
  });

  // A success's request id goes through the redactor: a plain one is left as it is, a piece of a secret is masked.
  const signature = STATIC_JWT.split('.')[2]!; // 'STATIC-SIGNATURE-must-not-leak': no 'eyJ', plain characters
  const requestIds: [string, string, string][] = [
    ['a plain id', 'req-42.a:b_c', 'req-42.a:b_c'],
    ['a 16-character piece of the JWT', `rq-${signature.slice(3, 19)}`, 'rq-[redacted]'],
    [
      'a piece of the JWT, percent-encoded',
      `rq-${[...signature.slice(0, 20)].map((c) => '%' + c.charCodeAt(0).toString(16)).join('')}`,
      'rq-[redacted]',
    ],
    ["a 15-character piece (not a secret by the redactor's measure)", `rq-${signature.slice(0, 15)}`, `rq-${signature.slice(0, 15)}`],
    ['an id longer than 128 characters', 'r'.repeat(129), 'r'.repeat(129)],
  ];
  for (const [name, id, expected] of requestIds)
    it(`a success's request id: ${name}`, async () => {
      const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stubFetch(ok({ 'x-request-id': id })).fetch });
      expect((await client.createTaskWithResponse(sampleBody)).requestId).toBe(expected);
    });

  it("a success's request id quoting a piece of the client secret, or of a token minted after the client was made", async () => {
    const lines: string[] = [];
    const logger = { debug() {}, info: (m: string, f?: object) => void lines.push(m + JSON.stringify(f)), warn() {}, error() {} };
    // '/' after each piece: a signature may go on with '-' (base64url), and the redactor rightly takes it too
    const stub = stubFetch(
      () => ok({ 'x-request-id': `a-${CLIENT_SECRET.slice(2)}/b` }),
      (r: Request) => ok({ 'x-request-id': `a-${r.headers.get('auth')!.split('.')[2]!.slice(0, 16)}/b` }),
    );
    const client = createKoreClient({ streamId: STREAM_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, fetch: stub.fetch, logger });
    expect((await client.createTaskWithResponse(sampleBody)).requestId).toBe('a-[redacted]/b');
    expect((await client.createTaskWithResponse(sampleBody)).requestId).toBe('a-[redacted]/b');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain('"requestId":"a-[redacted]/b"');
  });

  it('ordinary text is left alone (no false alarm on words, ids and numbers)', async () => {
    const said = 'caseId ci-31d9184-d64d-42d9-8c75-5edba531xxxx is unknown; eyJ is fine; 0123456789abcdef0123456789 too';
    const e = await rejection(
      createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stubFetch(json(404, envelope(said))).fetch }).createTask(sampleBody),
    );
    expect(e.message).toBe(`404 ${said}`);
  });
});
