/**
 * The mock users get (scripts/lib/mock-server.ts): Prism behind a front that says what is actually wrong with a
 * refused request, in the contract's envelope, instead of Prism's canned example or its own error bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../scripts/lib/mock-server.js';
import { bundle, type Json } from '../helpers/contract.js';

const sample: Json = bundle.components.examples.CreateTaskSeedSample.value;
const streamId: string = bundle.components.schemas.StreamId.examples[0];
const PATH = `/caseManagement/api/public/analytics/${streamId}/createTask`;

let mock: RunningMock;
const lines: string[] = [];
beforeAll(async () => {
  mock = await startMock({ log: (line) => lines.push(line) });
}, 60_000);
afterAll(() => mock?.close());

async function post(body: unknown, headers: Record<string, string> = {}, path = PATH) {
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { auth: 'any-token', 'content-type': 'application/json', ...headers },
    body: typeof body == 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Json };
}
const messages = (json: Json): string[] => json.errors.map((e: { msg: string }) => e.msg);

describe('the mock names what is wrong, in the error envelope', () => {
  it.each([
    ['caseId of the wrong kind', { ...sample, caseId: 'case-1' }, /^caseId must match pattern/],
    ['name of the wrong type', { ...sample, name: 7 }, /^name must be string$/],
    ['source missing', (({ source: _s, ...rest }) => rest)(sample), /^source is required$/],
    ['userInfo without _id, emailId or phoneNumber', { ...sample, userInfo: { name: 'dummy' } }, /^userInfo must have _id, emailId or phoneNumber$/],
    [
      'an emailId that is not an address',
      { ...sample, userInfo: { name: 'dummy', emailId: 'nope' } },
      /^userInfo\.emailId must match format "email"$/,
    ],
  ])('%s: a 400 whose only message names it (not caseRefId)', async (_label, body, expected) => {
    const { status, json, headers } = await post(body);
    expect(status).toBe(400);
    expect(messages(json)).toEqual([expect.stringMatching(expected)]);
    expect(json.errors[0].code).toBe(4000);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('sl-violations')).toBeTruthy(); // Prism's own account is kept for those who want it
  });

  it("keeps the object's own missing field apart from the user's identifiers", async () => {
    const { status, json } = await post({ ...sample, userInfo: {} });
    expect(status).toBe(400);
    expect(messages(json).sort()).toEqual(['userInfo must have _id, emailId or phoneNumber', 'userInfo.name is required']);
  });

  it('lists every problem of a body with several', async () => {
    const { caseRefId: _c, ...rest } = sample;
    const { json } = await post({ ...rest, taskTmp: 42 });
    expect(messages(json).sort()).toEqual(['caseRefId is required', 'taskTmp must be string']);
  });

  it('malformed JSON: a 400 in the envelope that says so', async () => {
    const { status, json } = await post('{"caseId": ');
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ msg: expect.stringMatching(/^body is not valid JSON \(.+\)$/), code: 4000 }] });
  });

  it('no auth header: a 401 in the envelope, code 4002, naming auth (not the body)', async () => {
    const { status, json } = await post({}, { auth: '' });
    expect(status).toBe(401);
    expect(json).toEqual({ errors: [{ msg: expect.stringMatching(/^auth: the auth header is required/), code: 4002 }] });
  });

  it('auth: Bearer <token>: a 401 with code 4002, as the platform answers (Prism alone lets it through)', async () => {
    const { status, json } = await post(sample, { auth: 'Bearer abc' });
    expect(status).toBe(401);
    expect(json).toEqual({ errors: [{ msg: 'auth: send the JWT itself in the auth header, without "Bearer"', code: 4002 }] });
  });

  it('a body not sent as JSON: a 415 naming the content type sent', async () => {
    const { status, json } = await post('caseId=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(status).toBe(415);
    expect(json).toEqual({ errors: [{ msg: 'content-type must be application/json (got application/x-www-form-urlencoded)', code: 4015 }] });
  });

  it('a path parameter or header of the wrong shape: named as the contract spells it', async () => {
    const path = await post(sample, {}, PATH.replace(streamId, 'bot-1'));
    expect(path.status).toBe(400);
    expect(messages(path.json)).toEqual([expect.stringMatching(/^streamId must match pattern/)]);
    const header = await post(sample, { accountId: 'acc-1' });
    expect(header.status).toBe(400);
    expect(messages(header.json)).toEqual([expect.stringMatching(/^accountId must match pattern/)]);
  });

  it('a method the path does not have: a 405 in the envelope', async () => {
    const response = await fetch(`${mock.url}${PATH}`, { headers: { auth: 'any-token' } });
    expect(response.status).toBe(405);
    expect(messages(await response.json())).toEqual([expect.stringMatching(/no method matched/)]);
  });

  it('an unknown route: a 404 in the envelope', async () => {
    const { status, json } = await post(sample, {}, '/caseManagement/api/public/analytics/st-1/deleteTask');
    expect(status).toBe(404);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].msg).toMatch(/route|path/i);
  });

  it('logs each rewritten answer', () => {
    expect(lines.some((line) => line.startsWith(`mock: POST ${PATH} → 400: source is required`))).toBe(true);
  });
});

describe('what the mock passes through untouched', () => {
  it('a valid request: 200 with the contract example', async () => {
    const { status, json } = await post(sample);
    expect(status).toBe(200);
    expect(json).toEqual(bundle.components.examples.TaskSeedSample.value);
  });

  it('Prefer: code=429 gets the documented 429, its Retry-After and example', async () => {
    const { status, json, headers } = await post(sample, { prefer: 'code=429' });
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBeTruthy();
    expect(json).toEqual(bundle.components.examples.ErrorTooManyRequests.value);
  });

  it('Prefer: code=400 on a valid body gets the contract example: asked for, so not rewritten', async () => {
    const { status, json } = await post(sample, { prefer: 'code=400' });
    expect(status).toBe(400);
    expect(json).toEqual(bundle.components.examples.ErrorBadRequest.value);
  });

  it('Prefer: example=… picks a named example', async () => {
    const { status, json } = await post(sample, { prefer: 'code=404, example=notFound' });
    expect(status).toBe(404);
    expect(json).toEqual(bundle.components.examples.ErrorNotFound.value);
  });
});

describe("the family's operations: the same truthful refusals", () => {
  const accountId: string = bundle.components.parameters.AccountId.example;
  const base = PATH.replace(/createTask$/, '');
  const withAccount = { accountId };

  it('getTasks with a body of the wrong types: a 400 naming each field', async () => {
    const { status, json } = await post({ limit: 'ten', status: 'Open' }, withAccount, `${base}getTasks`);
    expect(status).toBe(400);
    expect(messages(json).sort()).toEqual([expect.stringMatching(/^limit must be integer$/), expect.stringMatching(/^status must be array$/)]);
    expect(json.errors.map((e: { code: number }) => e.code)).toEqual([4000, 4000]);
  });

  it.each([
    'getCases',
    'getTasks',
    `updateCase/${bundle.components.parameters.CaseId.example}`,
    `updateTask/${bundle.components.parameters.TaskId.example}`,
  ])('%s without its required accountId header: a 400 naming accountId as the contract spells it', async (operation) => {
    const { status, json } = await post({}, {}, `${base}${operation}`);
    expect(status).toBe(400);
    expect(messages(json)).toEqual(['accountId is required']);
  });

  it('getTasks with no auth header: a 401 in the envelope, code 4002', async () => {
    const response = await fetch(`${mock.url}${base}getTasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...withAccount },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ msg: expect.stringMatching(/^auth: the auth header is required/), code: 4002 }] });
  });

  it('a valid getTasks: 200 with the contract example page', async () => {
    const { status, json } = await post(bundle.components.examples.GetTasksSample.value, withAccount, `${base}getTasks`);
    expect(status).toBe(200);
    expect(json).toEqual(bundle.components.examples.TaskPageSample.value);
  });
});
