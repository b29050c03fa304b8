import { describe, expect, it } from 'vitest';
import { createKoreClient, InvalidArgumentError, type KoreClientOptions } from '../../src/index.js';
import {
  ACCOUNT_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  STATIC_JWT,
  STREAM_ID,
  makeClient,
  ok,
  rejection,
  sampleBody,
  sampleTask,
  stubFetch,
  thrownBy,
} from './helpers.js';

const path = `/caseManagement/api/public/analytics/${STREAM_ID}/createTask`;

describe('where the request goes', () => {
  it('defaults to https://platform.kore.ai', async () => {
    const { client, requests } = makeClient([ok()]);
    await client.createTask(sampleBody);
    expect(requests[0]!.url).toBe(`https://platform.kore.ai${path}`);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('host picks another platform host', async () => {
    const { client, requests } = makeClient([ok()], { host: 'jp-platform.kore.ai' });
    await client.createTask(sampleBody);
    expect(requests[0]!.url).toBe(`https://jp-platform.kore.ai${path}`);
  });

  it('baseUrl wins over host, and a trailing slash is dropped', async () => {
    const { client, requests } = makeClient([ok()], { baseUrl: 'http://127.0.0.1:4020/', host: 'bots.kore.ai' });
    await client.createTask(sampleBody);
    expect(requests[0]!.url).toBe(`http://127.0.0.1:4020${path}`);
  });

  it('streamId is opaque, and always percent-encoded into the path', async () => {
    const { client, requests } = makeClient([ok()], { streamId: 'st a%2e%2e:é..' });
    await client.createTask(sampleBody);
    expect(requests[0]!.url).toBe('https://platform.kore.ai/caseManagement/api/public/analytics/st%20a%252e%252e%3A%C3%A9../createTask');
  });
});

describe('path parameters stay one segment of their own path: refused when the client is made, nothing sent', () => {
  // '..' sent the POST and the token to /caseManagement/api/public/createTask, another endpoint
  for (const [streamId, why] of <[string, string][]>[
    ['..', 'a dot segment'],
    ['.', 'a dot segment'],
    ['st-a/../../createTask', 'a slash'],
    ['st-a?x=1', 'a query'],
    ['st-a#x', 'a fragment'],
    ['st-a\nb', 'a control character'],
    ['st-\u0000', 'a NUL'],
    ['', 'empty'],
  ]) {
    it(`streamId ${JSON.stringify(streamId)} (${why})`, () => {
      const stub = stubFetch(ok());
      const thrown = thrownBy(() => createKoreClient({ streamId, jwt: STATIC_JWT, fetch: stub.fetch }));
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect(thrown.message).toMatch(/^kore client: option "streamId" must /);
      expect(stub.requests).toHaveLength(0);
    });
  }
});

describe('accountId', () => {
  it('is sent when configured, and a call may override it', async () => {
    const { client, requests } = makeClient([ok()], { accountId: ACCOUNT_ID });
    await client.createTask(sampleBody);
    await client.createTask(sampleBody, { accountId: '0123456789abcdef01234567' });
    expect(requests.map((r) => r.headers.get('accountid'))).toEqual([ACCOUNT_ID, '0123456789abcdef01234567']);
  });

  it('is not sent when not given', async () => {
    const { client, requests } = makeClient([ok()]);
    await client.createTask(sampleBody);
    expect(requests[0]!.headers.has('accountid')).toBe(false);
  });
});

describe('results', () => {
  it('createTask resolves to the typed Task', async () => {
    const { client } = makeClient([ok()]);
    const task = await client.createTask(sampleBody);
    expect(task).toEqual(sampleTask);
    expect(task.refId).toBe(sampleTask.refId);
  });

  it('createTaskWithResponse adds the Response and the request id', async () => {
    const { client } = makeClient([ok({ 'x-request-id': 'req-42' })]);
    const { data, response, requestId } = await client.createTaskWithResponse(sampleBody);
    expect(data).toEqual(sampleTask);
    expect(response.status).toBe(200);
    expect(requestId).toBe('req-42');
  });

  it('the fetch option is the one used (no global fetch)', async () => {
    const stub = stubFetch(ok());
    const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stub.fetch });
    await client.createTask(sampleBody);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('bad options throw at once, naming the option', () => {
  const base: KoreClientOptions = { streamId: STREAM_ID, jwt: STATIC_JWT };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['no options', undefined as never, /option "options" must be an object/],
    ['streamId missing', { streamId: undefined }, /option "streamId" must be a non-empty string/],
    ['streamId empty', { streamId: ' ' }, /option "streamId"/],
    ['no credentials', { jwt: undefined }, /option "clientId" must be given \(with its pair\), or else option "jwt"/],
    ['clientId without secret', { jwt: undefined, clientId: CLIENT_ID }, /option "clientSecret" must be given/],
    ['clientSecret without id', { jwt: undefined, clientSecret: CLIENT_SECRET }, /option "clientId" must be given/],
    ['jwt and app credentials', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, /option "jwt" excludes "clientId" and "clientSecret"/],
    ['jwt not a string', { jwt: 42 }, /option "jwt" must be a non-empty string/],
    ['baseUrl not http', { baseUrl: 'ftp://x' }, /option "baseUrl" must be an http\(s\) URL/],
    ['host with a scheme', { host: 'https://x' }, /option "host" must be a host name/],
    ['baseUrl not a URL', { baseUrl: 'https://exa mple.com' }, /option "baseUrl" must be an http\(s\) URL/],
    ['timeoutMs negative', { timeoutMs: -1 }, /option "timeoutMs" must be an integer from 1 to 600000/],
    ['timeoutMs not a number', { timeoutMs: '30s' }, /option "timeoutMs"/],
    ['maxRetries too many', { maxRetries: 11 }, /option "maxRetries" must be an integer from 0 to 10/],
    ['maxRetries fractional', { maxRetries: 1.5 }, /option "maxRetries"/],
    ['retryOn a 4xx', { retryOn: [400] }, /option "retryOn" must be a list of 5xx statuses, "timeout" or "network"/],
    ['retryOn not a list', { retryOn: 'all' }, /option "retryOn"/],
    ['fetch not a function', { fetch: 'fetch' }, /option "fetch" must be a function/],
    ['logger incomplete', { logger: { info() {} } }, /option "logger" must have debug, info, warn and error/],
    ['validateRequests not boolean', { validateRequests: 'no' }, /option "validateRequests" must be true or false/],
    ['validateResponses not boolean', { validateResponses: 1 }, /option "validateResponses" must be true or false/],
    ['accountId empty', { accountId: '' }, /option "accountId"/],
  ];
  for (const [name, patch, message] of cases) {
    it(name, () => {
      const options = patch === undefined ? undefined : { ...base, ...patch };
      expect(() => createKoreClient(options as KoreClientOptions)).toThrow(InvalidArgumentError);
      expect(() => createKoreClient(options as KoreClientOptions)).toThrow(message);
    });
  }

  for (const baseUrl of ['https://user:s3cr3t-pass@platform.kore.ai', 'https://s3cr3t-pass@platform.kore.ai', 'http://:s3cr3t-pass@127.0.0.1:4020']) {
    it(`baseUrl with credentials (${baseUrl.replace('s3cr3t-pass', '…')}) is refused without quoting them`, () => {
      const thrown = thrownBy(() => createKoreClient({ ...base, baseUrl }));
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect(thrown.message).toMatch(/^kore client: option "baseUrl" must not carry credentials/);
      for (const text of [thrown.message, thrown.stack, String(thrown), JSON.stringify(thrown)]) expect(text).not.toContain('s3cr3t');
    });
  }

  it('bad call options reject, naming the option', async () => {
    const { client, requests } = makeClient([ok()]);
    expect((await rejection(client.createTask(sampleBody, { timeoutMs: 0 }))).message).toMatch(/option "timeoutMs"/);
    expect((await rejection(client.createTask(sampleBody, { maxRetries: -1 }))).message).toMatch(/option "maxRetries"/);
    expect((await rejection(client.createTask(sampleBody, { accountId: 7 as never }))).message).toMatch(/option "accountId"/);
    for (const notAnObject of [null, 'fast', 5]) {
      const e = await rejection(client.createTask(sampleBody, notAnObject as never));
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e.message).toBe('kore client: option "(call options)" must be an object');
    }
    expect(requests).toHaveLength(0);
  });

  it('good options of every kind are accepted', () => {
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    expect(() =>
      createKoreClient({
        ...base,
        host: 'de-platform.kore.ai',
        accountId: ACCOUNT_ID,
        fetch: globalThis.fetch,
        timeoutMs: 1000,
        maxRetries: 0,
        retryOn: [500, 502, 504, 'timeout', 'network'],
        logger,
        validateRequests: false,
        validateResponses: true,
      }),
    ).not.toThrow();
  });
});

describe('an option given as undefined is an option not given', () => {
  // what `clientId: process.env.KORE_CLIENT_ID` yields; the types allow it under exactOptionalPropertyTypes too
  it('client options: every default applies, and app credentials set to undefined do not clash with jwt', async () => {
    const stub = stubFetch(ok());
    const client = createKoreClient({
      streamId: STREAM_ID,
      jwt: STATIC_JWT,
      fetch: stub.fetch,
      baseUrl: undefined,
      host: undefined,
      accountId: undefined,
      clientId: undefined,
      clientSecret: undefined,
      jwtSubject: undefined,
      timeoutMs: undefined,
      maxRetries: undefined,
      retryOn: undefined,
      logger: undefined,
      validateRequests: undefined,
      validateResponses: undefined,
      sleep: undefined,
    });
    await client.createTask(sampleBody);
    expect(stub.requests[0]!.url).toBe(`https://platform.kore.ai${path}`);
    expect(stub.requests[0]!.headers.has('accountid')).toBe(false);
    // validateRequests left undefined is the default (on): an invalid body is refused before it is sent
    const refused = await rejection(client.createTask({ ...sampleBody, userInfo: { name: 'x' } } as never));
    expect(refused.name).toBe('RequestValidationError');
    expect(stub.requests).toHaveLength(1);
  });

  it('call options: the client’s values apply', async () => {
    const { client, requests } = makeClient([ok()], { accountId: ACCOUNT_ID });
    await client.createTask(sampleBody, { signal: undefined, timeoutMs: undefined, maxRetries: undefined, accountId: undefined });
    expect(requests[0]!.headers.get('accountid')).toBe(ACCOUNT_ID);
  });
});
