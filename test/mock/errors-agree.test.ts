/**
 * For the same mistake the mock and the sandbox answer the same status, code and message; an error example of the
 * contract is that answer, and its code follows the contract's inferred rule for its status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformCode } from '../../scripts/lib/mock-server.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { bundle, deref, type Json } from '../helpers/contract.js';
import { runMockUrl } from '../helpers/run-mock.js';
import { devToken, validBody, withSandbox } from '../sandbox/helpers.js';

let mockUrl: string;
let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  [mockUrl, sandbox] = await Promise.all([runMockUrl(), withSandbox()]);
  token = await devToken(sandbox);
}, 60_000);
afterAll(() => sandbox?.close());

interface Mistake {
  auth?: string | null; // null: no auth header; absent: a valid token (the mock takes any)
  contentType?: string;
  body: (valid: Json) => unknown; // from a valid createTask body of the server asked
  example?: string; // the contract's example of this answer, when it has one
}

const mistakes: Record<string, Mistake> = {
  'no auth header': { auth: null, body: (valid) => valid, example: 'ErrorUnauthorized' },
  'a token sent as "Bearer <jwt>"': { auth: 'Bearer abc', body: (valid) => valid, example: 'ErrorUnauthorizedBearer' },
  'a body sent as text/plain': { contentType: 'text/plain', body: () => 'caseId=1', example: 'ErrorUnsupportedMediaType' },
  'a body that is not JSON': { body: () => '{"caseId": ' },
  'a user with no identifier': { body: (valid) => ({ ...valid, userInfo: { name: 'dummy' } }), example: 'ErrorBadRequest' },
  'a required field missing': { body: ({ source: _s, ...rest }) => rest },
  'a body over 1 MiB': { body: (valid) => ({ ...valid, desc: 'x'.repeat(1024 * 1024) }), example: 'ErrorPayloadTooLarge' },
};

async function answer(server: 'mock' | 'sandbox', mistake: Mistake): Promise<{ status: number; json: Json }> {
  const valid: Json = server === 'mock' ? bundle.components.examples.CreateTaskSeedSample.value : validBody(sandbox);
  const streamId = server === 'mock' ? bundle.components.schemas.StreamId.examples[0] : sandbox.seed.streamId;
  const auth = mistake.auth === undefined ? (server === 'mock' ? 'any-token' : token) : mistake.auth;
  const body = mistake.body(valid);
  const response = await fetch(`${server === 'mock' ? mockUrl : sandbox.url}/caseManagement/api/public/analytics/${streamId}/createTask`, {
    method: 'POST',
    headers: { 'content-type': mistake.contentType ?? 'application/json', ...(auth === null ? {} : { auth }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** The status under which createTask documents an example, e.g. ErrorBadRequest → 400. */
function documentedStatus(example: string): number {
  const responses: Record<string, Json> = bundle.paths['/caseManagement/api/public/analytics/{streamId}/createTask'].post.responses;
  const found = Object.entries(responses).find(([, r]) =>
    Object.values<Json>(deref(r).content?.['application/json']?.examples ?? {}).some((e) => e.$ref === `#/components/examples/${example}`),
  );
  if (!found) throw new Error(`${example} is not an example of createTask`);
  return Number(found[0]);
}

describe('the same mistake gets the same answer from the mock and the sandbox', () => {
  it.each(Object.keys(mistakes))('%s', async (name) => {
    const mistake = mistakes[name]!;
    const [fromMock, fromSandbox] = await Promise.all([answer('mock', mistake), answer('sandbox', mistake)]);
    expect(fromMock).toEqual(fromSandbox);
    expect(fromSandbox.json.errors.map((e: Json) => e.code)).toEqual(fromSandbox.json.errors.map(() => platformCode(fromSandbox.status)));
    if (mistake.example) {
      expect(fromSandbox.status).toBe(documentedStatus(mistake.example));
      expect(fromSandbox.json).toEqual(bundle.components.examples[mistake.example].value);
    }
  });
});

describe("the contract's error examples", () => {
  const documented = Object.entries<Json>(bundle.paths).flatMap(([, item]) =>
    Object.values<Json>(item)
      .filter((op) => op?.responses)
      .flatMap((op) =>
        Object.entries<Json>(op.responses)
          .filter(([status]) => Number(status) >= 400)
          .flatMap(([status, response]) =>
            Object.entries<Json>(deref(response).content?.['application/json']?.examples ?? {}).map(
              ([name, example]) => [`${op.operationId} ${status} ${name}`, Number(status), deref(example)] as const,
            ),
          ),
      ),
  );

  it('are there for every operation', () => {
    expect(new Set(documented.map(([label]) => label.split(' ')[0])).size).toBe(6);
  });

  it.each(documented)('%s: code follows the rule for its status, marked inferred', (_label, status, example) => {
    expect(example.value.errors.map((e: Json) => e.code)).toEqual(example.value.errors.map(() => platformCode(status)));
    expect(example['x-provenance']).toBe('inferred');
  });

  it('the rule: 4002 for 401, else the status class then its rest', () => {
    expect([400, 401, 403, 404, 413, 415, 429, 431, 500, 503].map(platformCode)).toEqual([
      4000, 4002, 4003, 4004, 4013, 4015, 4029, 4031, 5000, 5003,
    ]);
  });
});
