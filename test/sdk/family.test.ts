/**
 * The family's six methods against a stubbed fetch: what each sends (path, method, headers, body), the checks made
 * before anything is sent (path parameters, `accountId`, the body), the retry policy of each operation's kind and
 * `.all()`'s pagination (its refusals and bounds: paging.test.ts).
 */
import { describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  InternalServerError,
  InvalidArgumentError,
  NotFoundError,
  RequestValidationError,
  ResponseValidationError,
  type CreateCaseRequest,
  type GetTasksRequest,
} from '../../src/index.js';
import { ACCOUNT_ID, STATIC_JWT, STREAM_ID, envelope, hang, json, makeClient, networkError, ok, rejection, sampleBody } from './helpers.js';

const ex = spec.components.examples;
const prefix = `https://platform.kore.ai/caseManagement/api/public/analytics/${STREAM_ID}/`;
const CASE_ID = 'ci-1a634e1-3d97-427e-8b23-9b7b0a407d24';
const TASK_ID = 'ti-c7c61c9-1392-45d3-b163-3622d7377df9';
const createCaseBody = ex.CreateCaseSample.value as CreateCaseRequest;

type Client = ReturnType<typeof makeClient>['client'];
// each method, what it is called with, the answer the stub gives and the path it must reach
const calls: [name: string, call: (c: Client) => Promise<unknown>, answer: unknown, path: string, body: unknown][] = [
  ['createCase', (c) => c.createCase(createCaseBody), ex.CaseCreatedSample.value, 'createCase', createCaseBody],
  ['getCases', (c) => c.getCases(ex.GetCasesSample.value), ex.CasePageSample.value, 'getCases', ex.GetCasesSample.value],
  ['getCases (no filter)', (c) => c.getCases(), ex.CasePageSample.value, 'getCases', {}],
  ['updateCase', (c) => c.updateCase(CASE_ID, { name: 'case two' }), ex.CaseUpdatedSample.value, `updateCase/${CASE_ID}`, { name: 'case two' }],
  ['createTask', (c) => c.createTask(sampleBody), ex.TaskSeedSample.value, 'createTask', sampleBody],
  ['getTasks', (c) => c.getTasks(ex.GetTasksSample.value as GetTasksRequest), ex.TaskPageSample.value, 'getTasks', ex.GetTasksSample.value],
  [
    'updateTask',
    (c) => c.updateTask(TASK_ID, ex.UpdateTaskSample.value),
    ex.TaskUpdatedSample.value,
    `updateTask/${TASK_ID}`,
    ex.UpdateTaskSample.value,
  ],
];

describe('each method sends its operation', () => {
  it.each(calls)('%s: POST to its path with auth, accountId and the JSON body; resolves to the answer', async (_, call, answer, path, body) => {
    const { client, requests, bodies } = makeClient([json(200, answer)], { accountId: ACCOUNT_ID, validateResponses: true });
    expect(await call(client)).toEqual(answer);
    expect(requests).toHaveLength(1);
    const [r] = requests;
    expect([r!.method, r!.url]).toEqual(['POST', prefix + path]);
    expect(r!.headers.get('auth')).toBe(STATIC_JWT);
    expect(r!.headers.get('accountid')).toBe(ACCOUNT_ID);
    expect(r!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(bodies[0]!)).toEqual(body);
  });

  it('…WithResponse gives the answer, the Response and the request id', async () => {
    const { client } = makeClient([json(200, ex.CasePageSample.value, { 'x-request-id': 'rq-7' })], { accountId: ACCOUNT_ID });
    const r = await client.getCasesWithResponse({ searchText: 'x' });
    expect([r.data, r.response.status, r.requestId]).toEqual([ex.CasePageSample.value, 200, 'rq-7']);
  });

  it('a path parameter is encoded as one segment', async () => {
    const { client, requests } = makeClient([json(200, ex.CaseUpdatedSample.value)], { accountId: ACCOUNT_ID });
    await client.updateCase('ci 1:é', {});
    expect(requests[0]!.url).toBe(`${prefix}updateCase/ci%201%3A%C3%A9`);
  });

  it('the call options override the client (accountId per call)', async () => {
    const { client, requests } = makeClient([json(200, ex.TaskPageSample.value)]);
    await client.getTasks({}, { accountId: '0123456789abcdef01234567' });
    expect(requests[0]!.headers.get('accountid')).toBe('0123456789abcdef01234567');
  });
});

describe('checked before anything is sent', () => {
  it.each([
    ['updateCase', 'caseId', (c: Client, id: unknown) => c.updateCase(id as string, {})],
    ['updateTask', 'taskId', (c: Client, id: unknown) => c.updateTask(id as string, {})],
  ])('%s: a %s that is not one path segment is refused naming it', async (_, param, call) => {
    for (const bad of ['..', '.', 'a/b', 'a?b', 'a#b', 'a\nb', '', ' ', undefined, 5]) {
      const { client, requests } = makeClient([ok()], { accountId: ACCOUNT_ID });
      const e = await rejection(call(client, bad));
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e.argument).toBe(param);
      expect(e.message).toContain(`"${param}"`);
      expect(requests).toHaveLength(0);
    }
  });

  it.each(['getCases', 'updateCase', 'getTasks', 'updateTask'] as const)(
    '%s without accountId (client or call) is refused naming accountId',
    async (op) => {
      const { client, requests } = makeClient([ok()]);
      const method = client[op] as (...a: unknown[]) => Promise<unknown>;
      const e = await rejection(op.startsWith('update') ? method('ci-1', {}) : method());
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e.argument).toBe('accountId');
      expect(e.message).toMatch(new RegExp(`${op} requires "accountId"`));
      expect(requests).toHaveLength(0);
    },
  );

  it('createCase and createTask do not need accountId', async () => {
    const { client, requests } = makeClient([json(200, ex.CaseCreatedSample.value)]);
    await client.createCase(createCaseBody);
    expect(requests[0]!.headers.has('accountid')).toBe(false);
  });

  it('each operation validates its own body, naming the operation and the fields', async () => {
    const { client, requests } = makeClient([ok()], { accountId: ACCOUNT_ID });
    const { emailId: _e, phoneNumber: _p, userInfo: _u, ...noCustomer } = createCaseBody as Record<string, unknown>;
    const bad: [Promise<unknown>, RegExp][] = [
      [
        client.createCase({ ...noCustomer, name: '' } as unknown as CreateCaseRequest),
        /^invalid createCase body .*userInfo: is required.*name: must not be empty/,
      ],
      [
        client.getTasks({ skip: -1, startDate: 'yesterday' }),
        /^invalid getTasks body .*startDate: must be a date-time.*skip: must be >= 0|skip: must be >= 0.*startDate/,
      ],
      [client.getCases({ sortBy: {} } as never), /^invalid getCases body .*sortBy/],
      [client.updateTask(TASK_ID, { name: 5 } as never), /^invalid updateTask body .*name: must be a string/],
      [client.updateCase(CASE_ID, { isActive: 'yes' } as never), /^invalid updateCase body .*isActive: must be a boolean/],
    ];
    for (const [call, message] of bad) {
      const e = await rejection(call);
      expect(e).toBeInstanceOf(RequestValidationError);
      expect(e.message).toMatch(message);
    }
    expect(requests).toHaveLength(0);
  });

  it('with validateResponses, a page that breaks the contract is a ResponseValidationError', async () => {
    const { client } = makeClient([json(200, { ...ex.TaskPageSample.value, hasMore: 'no' })], { accountId: ACCOUNT_ID, validateResponses: true });
    const e = await rejection(client.getTasks());
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toContain('hasMore: must be a boolean');
  });
});

describe('retry policy by operation', () => {
  const reads = [
    ['getCases', (c: Client) => c.getCases(), ex.CasePageSample.value],
    ['getTasks', (c: Client) => c.getTasks(), ex.TaskPageSample.value],
    ['updateCase', (c: Client) => c.updateCase(CASE_ID, { name: 'n' }), ex.CaseUpdatedSample.value],
    ['updateTask', (c: Client) => c.updateTask(TASK_ID, { name: 'n' }), ex.TaskUpdatedSample.value],
  ] as const;
  it.each(reads)('%s is retried on 500, 502, a reset connection and a timeout', async (_, call, answer) => {
    const failures = [json(500, envelope('boom', 5000)), json(502, 'bad gateway'), networkError('ECONNRESET'), hang];
    const { client, requests, waits } = makeClient([...failures, json(200, answer)], { accountId: ACCOUNT_ID, maxRetries: 4, timeoutMs: 20 });
    expect(await call(client)).toEqual(answer);
    expect(requests).toHaveLength(5);
    expect(waits).toHaveLength(4);
  });

  it('a read gives up after maxRetries with the last error', async () => {
    const { client, requests } = makeClient([json(500, envelope('boom', 5000))], { accountId: ACCOUNT_ID, maxRetries: 2 });
    expect(await rejection(client.getTasks())).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(3);
  });

  it.each([
    ['createCase', (c: Client) => c.createCase(createCaseBody)],
    ['createTask', (c: Client) => c.createTask(sampleBody)],
  ] as const)('%s is not retried on 500, a reset or a timeout (it may have created), but is on 503', async (_, call) => {
    for (const [failure, Class] of [
      [json(500, envelope('boom', 5000)), InternalServerError],
      [networkError('ECONNRESET'), APIConnectionError],
      [hang, APIConnectionTimeoutError],
    ] as const) {
      const { client, requests } = makeClient([failure, ok()], { timeoutMs: 20 });
      expect(await rejection(call(client))).toBeInstanceOf(Class);
      expect(requests).toHaveLength(1);
    }
    const { client, requests } = makeClient([json(503, envelope('busy', 5030)), json(200, ex.CaseCreatedSample.value)]);
    await call(client);
    expect(requests).toHaveLength(2);
  });

  it('a failure says what it means for the operation: a create may have created, an update applied, a read nothing', async () => {
    const timeout = async (call: (c: Client) => Promise<unknown>) =>
      (await rejection(call(makeClient([hang], { accountId: ACCOUNT_ID, timeoutMs: 10, maxRetries: 0 }).client))).message;
    expect(await timeout((c) => c.createCase(createCaseBody))).toBe('no complete answer within 10 ms (the case may have been created)');
    expect(await timeout((c) => c.createTask(sampleBody))).toBe('no complete answer within 10 ms (the task may have been created)');
    expect(await timeout((c) => c.updateTask(TASK_ID, {}))).toBe('no complete answer within 10 ms (the update may have been applied)');
    expect(await timeout((c) => c.getTasks())).toBe('no complete answer within 10 ms');
    const redirect = new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } });
    const { client } = makeClient([redirect], { accountId: ACCOUNT_ID });
    expect((await rejection(client.getCases())).message).toBe(
      '302 redirect to https://elsewhere.example/ not followed (the SDK never sends its credentials elsewhere)',
    );
    expect((await rejection(client.createCase(createCaseBody))).message).toMatch(/not followed .*: the case may have been created$/);
  });

  it('a 4xx is never retried, whatever the operation', async () => {
    const { client, requests } = makeClient([json(404, envelope('no such task', 4004))], { accountId: ACCOUNT_ID });
    expect(await rejection(client.updateTask(TASK_ID, { name: 'n' }))).toBeInstanceOf(NotFoundError);
    expect(requests).toHaveLength(1);
  });
});

/** A fetch answering getTasks from `total` tasks, `size` per page, honouring skip (as the sandbox does). */
const pages = (total: number, size: number) => (request: Request) =>
  request
    .clone()
    .json()
    .then((b: { skip?: number }) => {
      const skip = b.skip ?? 0;
      const results = Array.from({ length: Math.max(0, Math.min(size, total - skip)) }, (_, i) => ({ _id: `ti-${skip + i}`, name: `t${skip + i}` }));
      return json(200, {
        results,
        page: skip / size + 1,
        limit: size,
        hasMore: skip + size < total,
        totalPages: Math.ceil(total / size),
        totalResults: total,
      });
    });

describe('.all(): every item of every page', () => {
  it('pages with skip until hasMore is false, keeping the filter', async () => {
    const { client, bodies } = makeClient([pages(25, 10)], { accountId: ACCOUNT_ID });
    const names: string[] = [];
    for await (const task of client.getTasks.all({ searchText: 'x', limit: 10 })) names.push(task.name);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `t${i}`));
    expect(bodies.map((b) => JSON.parse(b))).toEqual([0, 10, 20].map((skip) => ({ searchText: 'x', limit: 10, skip })));
  });

  it('steps by what the platform gave, not by the limit asked for', async () => {
    const { client, bodies } = makeClient([pages(12, 5)], { accountId: ACCOUNT_ID });
    let n = 0;
    for await (const _ of client.getCases.all({ limit: 50 })) n++;
    expect(n).toBe(12);
    expect(bodies.map((b) => JSON.parse(b).skip)).toEqual([0, 5, 10]);
  });

  it('a failed page rejects the loop after the items already given; each page is retried as a read', async () => {
    const page1 = pages(30, 10);
    const { client, requests } = makeClient([page1, json(500, envelope('boom', 5000)), page1, json(404, envelope('gone', 4004))], {
      accountId: ACCOUNT_ID,
    });
    const seen: string[] = [];
    const e = await rejection(
      (async () => {
        for await (const t of client.getTasks.all()) seen.push(t._id);
      })(),
    );
    expect(e).toBeInstanceOf(NotFoundError);
    expect(seen).toHaveLength(20);
    expect(requests).toHaveLength(4); // page 1, page 2 failed (500) then retried, page 3 404 (not retried)
  });

  it('nothing is fetched until the loop starts, and without accountId the loop rejects naming it', async () => {
    const { client, requests } = makeClient([pages(3, 10)]);
    const iterable = client.getTasks.all();
    expect(requests).toHaveLength(0);
    const e = await rejection(
      (async () => {
        for await (const _ of iterable);
      })(),
    );
    expect(e.message).toMatch(/getTasks requires "accountId"/);
    expect(requests).toHaveLength(0);
  });
});
