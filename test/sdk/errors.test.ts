import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidArgumentError,
  KoreError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  createKoreClient,
} from '../../src/index.js';
import {
  ACCOUNT_ID,
  STATIC_JWT,
  STREAM_ID,
  envelope,
  json,
  makeClient,
  networkError,
  ok,
  rejection,
  sampleBody,
  thrownBy,
  sampleTask,
} from './helpers.js';

const statusClasses = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [503, InternalServerError],
  [504, InternalServerError],
] as const;

describe('an HTTP error answer becomes the class of its status', () => {
  for (const [status, Class] of statusClasses) {
    it(`${status} → ${Class.name}`, async () => {
      const { client } = makeClient([json(status, envelope(`platform says ${status}`, 4100 + status), { 'x-request-id': `req-${status}` })], {
        maxRetries: 0,
      });
      const e = await rejection(client.createTask(sampleBody));
      expect(e).toBeInstanceOf(Class);
      expect(e).toBeInstanceOf(APIError);
      expect(e).toBeInstanceOf(KoreError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(Class.name);
      expect(e.status).toBe(status);
      expect(e.headers?.get('x-request-id')).toBe(`req-${status}`);
      expect(e.requestId).toBe(`req-${status}`);
      expect(e.envelope).toEqual(envelope(`platform says ${status}`, 4100 + status));
      expect(e.platformMessage).toBe(`platform says ${status}`);
      expect(e.message).toBe(`${status} platform says ${status}`);
    });
  }

  it('a status without a class of its own is a plain APIError (e.g. 405, 412)', async () => {
    for (const status of [405, 412]) {
      const e = await rejection(makeClient([json(status, envelope('nope'))]).client.createTask(sampleBody));
      expect(e.constructor).toBe(APIError);
      expect(e.status).toBe(status);
    }
  });

  it('lists every message of the envelope', async () => {
    const body = {
      errors: [
        { msg: 'caseId is invalid', code: 400 },
        { msg: 'source is required', code: 400 },
      ],
    };
    const e = await rejection(makeClient([json(400, body)]).client.createTask(sampleBody));
    expect(e.message).toBe('400 caseId is invalid; source is required');
    expect(e.platformMessage).toBe('caseId is invalid');
  });

  it('an error body that is not an envelope still gives status and text, and no envelope', async () => {
    const { client } = makeClient([new Response('<html>Bad Gateway</html>', { status: 502 })], { maxRetries: 0 });
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.envelope).toBeUndefined();
    expect(e.message).toBe('502 <html>Bad Gateway</html>');
  });
});

describe('error bodies in other shapes', () => {
  it("an envelope that spells msg as 'message' still gives the platform's message", async () => {
    const e = await rejection(makeClient([json(401, { errors: [{ message: 'token expired', code: 4002 }] })]).client.createTask(sampleBody));
    expect(e.message).toBe('401 token expired');
    expect(e.platformMessage).toBe('token expired');
  });

  it('a JSON error body that is not an envelope gives its message, else its JSON', async () => {
    const gateway = await rejection(makeClient([json(502, { message: 'upstream timed out' })], { maxRetries: 0 }).client.createTask(sampleBody));
    expect(gateway.message).toBe('502 upstream timed out');
    expect(gateway.envelope).toBeUndefined();
    const odd = await rejection(makeClient([json(400, { errors: ['nope'] })]).client.createTask(sampleBody));
    expect(odd.message).toBe('400 {"errors":["nope"]}');
  });
});

describe('failures before anything is sent are not connection failures', () => {
  it('a body JSON cannot carry is a RequestValidationError naming (body), never retried, nothing sent', async () => {
    const { client, requests } = makeClient([ok()], { validateRequests: false, retryOn: ['network'] });
    const e = await rejection(client.createTask({ ...sampleBody, extra: 1n } as never));
    expect(e).toBeInstanceOf(RequestValidationError);
    expect(e.problems).toEqual([{ path: '(body)', message: expect.stringMatching(/^cannot be sent as JSON \(.*BigInt/) }]);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['createCase', (c: Client, body: object) => c.createCase(body as never)],
    ['getCases', (c: Client, body: object) => c.getCases(body as never)],
    ['updateCase', (c: Client, body: object) => c.updateCase('ci-1', body as never)],
    ['createTask', (c: Client, body: object) => c.createTask(body as never)],
    ['getTasks', (c: Client, body: object) => c.getTasks(body as never)],
    ['updateTask', (c: Client, body: object) => c.updateTask('ti-1', body as never)],
  ])("a %s body that cannot be serialised is reported as that operation's", async (op, call) => {
    const { client, requests } = makeClient([ok()], { validateRequests: false, accountId: ACCOUNT_ID });
    const e = await rejection(call(client, { name: 'n', big: 1n }));
    expect(e).toBeInstanceOf(RequestValidationError);
    expect(e.message).toMatch(new RegExp(`^invalid ${op} body \\(nothing was sent\\): \\(body\\): cannot be sent as JSON`));
    expect(requests).toHaveLength(0);
  });
});

type Client = ReturnType<typeof makeClient>['client'];

describe('bad input to the SDK is a KoreError too: an InvalidArgumentError naming the argument, nothing sent', () => {
  it.each([
    ['a missing per-call accountId', 'accountId', (c: Client) => c.getTasks({}, { accountId: undefined })],
    ["updateTask('../x', …)", 'taskId', (c: Client) => c.updateTask('../x', { name: 'n' }, { accountId: ACCOUNT_ID })],
    ["updateCase('a/b', …)", 'caseId', (c: Client) => c.updateCase('a/b', { name: 'n' }, { accountId: ACCOUNT_ID })],
    ['timeoutMs: -1 on a call', 'timeoutMs', (c: Client) => c.createTask(sampleBody, { timeoutMs: -1 })],
    ['maxRetries: 11 on a call', 'maxRetries', (c: Client) => c.createTask(sampleBody, { maxRetries: 11 })],
    ['call options that are not an object', '(call options)', (c: Client) => c.createTask(sampleBody, 'fast' as never)],
  ])('%s', async (_, argument, call) => {
    const { client, requests } = makeClient([ok()]);
    const e = await rejection(call(client));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e).toBeInstanceOf(KoreError);
    expect(e.name).toBe('InvalidArgumentError');
    expect(e.argument).toBe(argument);
    expect(e.message).toContain(`"${argument}"`);
    expect(requests).toHaveLength(0);
  });

  it('timeoutMs: -1 given to createKoreClient throws at once', () => {
    const thrown = thrownBy(() => createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, timeoutMs: -1 }));
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect([thrown.argument, thrown.message]).toEqual(['timeoutMs', 'kore client: option "timeoutMs" must be an integer from 1 to 600000']);
  });
});

describe('answers that are not errors but cannot be used', () => {
  it('a 200 whose body is not JSON is an APIError and is never retried (the task exists)', async () => {
    const { client, requests } = makeClient([new Response('{"_id": "ti-', { status: 200 })]);
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(APIError);
    expect(e.status).toBe(200);
    expect(e.message).toMatch(/not valid JSON/);
    expect(requests).toHaveLength(1);
  });

  it('with validateResponses, a task that breaks the contract is a ResponseValidationError naming the field', async () => {
    const broken = { ...sampleTask, refId: 42, status: { ...sampleTask.status, name: undefined } };
    const { client } = makeClient([json(200, broken, { 'x-request-id': 'r-1' })], { validateResponses: true });
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e).toBeInstanceOf(KoreError);
    expect(e.problems).toEqual([
      { path: 'status.name', message: 'is required' },
      { path: 'refId', message: 'must be a string' },
    ]);
    expect(e.status).toBe(200);
    expect(e.requestId).toBe('r-1');
  });

  it('with validateResponses, a conforming task (and an unknown extra field) passes', async () => {
    const { client } = makeClient([json(200, { ...sampleTask, newField: 1 })], { validateResponses: true });
    await expect(client.createTask(sampleBody)).resolves.toMatchObject({ _id: sampleTask._id });
  });

  it('without validateResponses (the default), a broken task is returned as is', async () => {
    const { client } = makeClient([json(200, { ...sampleTask, refId: 42 })]);
    await expect(client.createTask(sampleBody)).resolves.toMatchObject({ refId: 42 });
  });
});

describe('connection failures', () => {
  it('a refused connection is an APIConnectionError with sent = false and the code', async () => {
    const { client } = makeClient([networkError('ECONNREFUSED')], { maxRetries: 0 });
    const e = await rejection(client.createTask(sampleBody));
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e).toBeInstanceOf(APIError);
    expect(e.sent).toBe(false);
    expect(e.status).toBeUndefined();
    expect(e.message).toContain('ECONNREFUSED');
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('a reset connection is an APIConnectionError with sent = true (the task may exist)', async () => {
    const e = await rejection(makeClient([networkError('ECONNRESET')]).client.createTask(sampleBody));
    expect(e).toBeInstanceOf(APIConnectionError);
    expect(e.sent).toBe(true);
  });

  // real fetch (undici), no custom fetch: it refuses "bad ports" (6000 X11, 10080 Amanda...) before connecting
  for (const port of [6000, 10080]) {
    it(`a port fetch blocks without connecting (${port}) is sent = false`, async () => {
      const client = createKoreClient({ baseUrl: `http://127.0.0.1:${port}`, streamId: STREAM_ID, jwt: STATIC_JWT, maxRetries: 0 });
      const e = await rejection(client.createTask(sampleBody));
      expect(e).toBeInstanceOf(APIConnectionError);
      expect(e.sent).toBe(false);
      expect(e.message).toMatch(/bad port/);
    });
  }

  it('fetch errors are classified by their cause: what fails before connecting is not sent, a lost socket maybe', async () => {
    const causes: [Error, boolean][] = [
      [networkError('ECONNREFUSED'), false],
      [networkError('ENOTFOUND'), false],
      [networkError('EADDRNOTAVAIL'), false],
      [networkError('ERR_INVALID_URL'), false],
      [networkError('DEPTH_ZERO_SELF_SIGNED_CERT'), false], // TLS refused the server: no byte of the request went out
      [Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }), false],
      [networkError('ECONNRESET'), true],
      [networkError('UND_ERR_SOCKET'), true],
      [new TypeError('Failed to fetch'), true], // a browser says nothing more: maybe sent
    ];
    for (const [error, sent] of causes) {
      const e = await rejection(makeClient([error], { maxRetries: 0 }).client.createTask(sampleBody));
      expect(e, String(error.cause ?? error)).toBeInstanceOf(APIConnectionError);
      expect(e.sent, `${(error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message}`).toBe(sent);
    }
  });

  it('timeouts and aborts are connection errors of their own classes', () => {
    expect(new APIConnectionTimeoutError('t', true)).toBeInstanceOf(APIConnectionError);
    expect(new APIUserAbortError('a', true)).toBeInstanceOf(APIConnectionError);
    expect(new RequestValidationError([{ path: 'caseId', message: 'is required' }], 'createTask')).toBeInstanceOf(KoreError);
    expect(new InvalidArgumentError('bad', 'x')).toBeInstanceOf(KoreError);
  });
});

describe('serialized errors', () => {
  it('toJSON carries name, message, status, request id, envelope and headers', async () => {
    const { client } = makeClient([json(404, envelope('no such case', 4040), { 'x-request-id': 'rq-9' })]);
    const e = await rejection(client.createTask(sampleBody));
    const serialized = JSON.parse(JSON.stringify(e));
    expect(serialized).toMatchObject({
      name: 'NotFoundError',
      message: '404 no such case',
      status: 404,
      requestId: 'rq-9',
      platformMessage: 'no such case',
      envelope: envelope('no such case', 4040),
      headers: { 'x-request-id': 'rq-9' },
    });
  });
});
