/**
 * `npm run postman` end to end: the written collection is imported with the Postman SDK (postman-collection, what
 * Postman and newman load), the request it describes is checked field by field, then sent as described to the
 * Prism mock of the contract, which validates it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import sdk, { type Item } from 'postman-collection';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMock } from '../docs/mock.js';
import { seedSampleRequest } from '../helpers/seed.js';
import { bundle } from '../helpers/contract.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let collection: sdk.Collection;
let createTask: Item;

/** Replaces `{{name}}` with the collection's variables (twice: baseUrl itself refers to host). */
function resolve(text: string, overrides: Record<string, string> = {}): string {
  const scope = { ...collection.variables.toObject(), ...overrides };
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => scope[name] ?? `{{${name}}}`).replace(/\{\{(\w+)\}\}/g, (_, name: string) => scope[name] ?? `{{${name}}}`);
}

beforeAll(async () => {
  // Written to a temporary file, to leave dist/ as the user built it.
  const output = join(mkdtempSync(join(tmpdir(), 'postman-')), 'collection.json');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/postman.ts', '--output', output], { cwd: ROOT });
  collection = new sdk.Collection(JSON.parse(readFileSync(output, 'utf8')));
  collection.forEachItem((item) => {
    if (item.name == 'Create a task') createTask = item;
  });
}, 60_000);

describe('the Postman collection', () => {
  it('has the tenant settings as collection variables, and no secret in them', () => {
    expect(collection.variables.toObject()).toEqual({
      host: 'platform.kore.ai',
      baseUrl: 'https://{{host}}',
      jwt: '',
      streamId: 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx',
      accountId: '6639f7bd58c97ffac03bxxxx',
    });
  });

  it('describes POST to the createTask path on the host, with streamId as a variable', () => {
    const { request } = createTask;
    expect(request.method).toBe('POST');
    expect(request.url.toString()).toBe('{{baseUrl}}/caseManagement/api/public/analytics/{{streamId}}/createTask');
    expect(resolve(request.url.toString())).toBe(
      'https://platform.kore.ai/caseManagement/api/public/analytics/st-084d3c5e-376a-559f-9987-a012bb2bxxxx/createTask',
    );
    expect(resolve(request.url.toString(), { host: 'de-platform.kore.ai' })).toMatch(/^https:\/\/de-platform\.kore\.ai\//);
  });

  it('sends the JWT in the auth header (API key, no Bearer) and accountId from its variable', () => {
    const auth = createTask.getAuth();
    expect(auth?.type).toBe('apikey');
    expect(auth?.parameters().toObject()).toMatchObject({ key: 'auth', value: '{{jwt}}', in: 'header' });
    expect(createTask.request.headers.toObject()).toEqual({
      accountid: '{{accountId}}',
      'content-type': 'application/json',
      accept: 'application/json',
    });
  });

  it("carries the seed page's sample request as its body", () => {
    expect(createTask.request.body?.mode).toBe('raw');
    expect(JSON.parse(createTask.request.body!.raw!)).toEqual(seedSampleRequest());
  });

  it('keeps a saved example response for every documented status', () => {
    const statuses = createTask.responses.map((r) => r.code).sort();
    const documented = Object.keys(
      bundle.paths['/caseManagement/api/public/analytics/{streamId}/createTask'].post.responses,
    ).map(Number);
    expect(documented.length).toBeGreaterThan(1);
    expect(statuses).toEqual(documented.sort());
  });
});

describe('the described request, sent to the Prism mock of the contract', () => {
  const mockUrl = useMock();

  async function send(jwt: string): Promise<Response> {
    const { request } = createTask;
    const overrides = { baseUrl: mockUrl(), jwt };
    const headers = new Headers(Object.entries(request.headers.toObject()).map(([k, v]): [string, string] => [k, resolve(String(v), overrides)]));
    const auth = createTask.getAuth()!.parameters().toObject();
    if (jwt) headers.set(auth.key, resolve(auth.value, overrides));
    return fetch(resolve(request.url.toString(), overrides), { method: request.method, headers, body: request.body!.raw });
  }

  it('is accepted as valid: 200 with a task', async () => {
    const response = await send('header.payload.signature');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ _id: expect.stringMatching(/^ti-/), refId: expect.any(String) });
  });

  it('is refused without the jwt variable set: 401', async () => {
    expect((await send('')).status).toBe(401);
  });
});
