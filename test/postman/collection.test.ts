/**
 * `npm run postman`'s collection, imported with the Postman SDK (postman-collection, what Postman and newman load)
 * and checked field by field. That it passes and fails where it should is newman.test.ts's part.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import sdk, { type Item } from 'postman-collection';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../helpers/contract.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let raw: string;
let collection: sdk.Collection;
const items: Item[] = [];
const byName = (name: string) => items.find((i) => i.name == name)!;

/** Replaces `{{name}}` with the collection's variables (twice: baseUrl itself refers to host). */
function resolve(text: string, overrides: Record<string, string> = {}): string {
  const scope = { ...collection.variables.toObject(), ...overrides };
  const once = (t: string) => t.replace(/\{\{(\w+)\}\}/g, (_, name: string) => scope[name] ?? `{{${name}}}`);
  return once(once(text));
}

const scriptOf = (item: Item | sdk.Collection, listen: string) => item.events.all().find((e) => e.listen == listen)?.script.toSource() ?? '';

beforeAll(async () => {
  // Written to a temporary directory, to leave dist/ as the user built it.
  const dir = mkdtempSync(join(tmpdir(), 'postman-'));
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/postman.ts', '--out-dir', dir], { cwd: ROOT });
  raw = readFileSync(join(dir, 'collection.json'), 'utf8');
  collection = new sdk.Collection(JSON.parse(raw));
  collection.forEachItem((item) => items.push(item));
}, 60_000);

describe('the Postman collection', () => {
  it('has the tenant settings as collection variables, the contract samples as defaults, and no secret', () => {
    expect(collection.variables.toObject()).toEqual({
      host: 'platform.kore.ai',
      baseUrl: 'https://{{host}}',
      jwt: '',
      clientId: '',
      clientSecret: '',
      jwtSubject: '',
      // The defaults are the contract's own examples, whatever they are.
      streamId: bundle.components.parameters.StreamId.example,
      accountId: bundle.components.parameters.AccountId.example,
      caseId: bundle.components.schemas.CaseId.examples[0],
      caseRefId: bundle.components.schemas.CaseRefId.examples[0],
      taskTemplateId: bundle.components.schemas.TaskTemplateId.examples[0],
      userId: bundle.components.schemas.UserId.examples[0],
    });
  });

  it('has one request per request example of the contract, and the two refused requests', () => {
    const examples = Object.keys(bundle.paths['/caseManagement/api/public/analytics/{streamId}/createTask'].post.requestBody.content['application/json'].examples);
    expect(items.map((i) => i.name)).toEqual([
      'Create a task',
      'Create a task: A user identified only by email',
      'Create a task: A user identified only by phone',
      'Create a task: A user identified only by _id',
      'Create a task: A task with a description',
      'Create a task: refused without a token (401)',
      'Create a task: refused without caseRefId (400)',
    ]);
    expect(items.length).toBe(examples.length + 2);
  });

  it('sends every request as POST to the createTask path, streamId from its variable', () => {
    for (const { request } of items) {
      expect(request.method).toBe('POST');
      expect(request.url.toString()).toBe('{{baseUrl}}/caseManagement/api/public/analytics/{{streamId}}/createTask');
    }
    expect(resolve(byName('Create a task').request.url.toString(), { host: 'de-platform.kore.ai' })).toBe(
      `https://de-platform.kore.ai/caseManagement/api/public/analytics/${bundle.components.parameters.StreamId.example}/createTask`,
    );
  });

  it('sends the JWT in the auth header (API key, no Bearer), except the request that must have none', () => {
    expect(collection.auth?.parameters().toObject()).toMatchObject({ key: 'auth', value: '{{jwt}}', in: 'header' });
    for (const item of items) {
      expect(item.getAuth()?.type).toBe(item.name.includes('without a token') ? 'noauth' : 'apikey');
      expect(item.request.headers.toObject()).toEqual({ accountid: '{{accountId}}', 'content-type': 'application/json', accept: 'application/json' });
    }
  });

  it('takes the ids of every body from variables, and is the contract seed sample with the defaults filled in', () => {
    for (const { request } of items) {
      const body = JSON.parse(request.body!.raw!);
      expect(body.caseId).toBe('{{caseId}}');
      expect(body.taskTmp).toBe('{{taskTemplateId}}');
      if (body.userInfo._id) expect(body.userInfo._id).toBe('{{userId}}');
    }
    // The contract's seed example is the page's sample (test/contract-spec proves it).
    expect(JSON.parse(resolve(byName('Create a task').request.body!.raw!))).toEqual(bundle.components.examples.CreateTaskSeedSample.value);
    expect(JSON.parse(byName('Create a task: refused without caseRefId (400)').request.body!.raw!)).not.toHaveProperty('caseRefId');
  });

  it('mints the token in a collection pre-request script, from clientId/clientSecret, without logging', () => {
    const source = scriptOf(collection, 'prerequest');
    expect(source).toContain("CryptoJS.HmacSHA256(unsigned, clientSecret)");
    expect(source).toContain('appId: clientId');
    expect(raw).not.toMatch(/console\./);
  });

  it('gives every request tests of its status and body schema, from the contract', () => {
    const expected: Record<string, [number, string]> = { 'refused without a token': [401, 'ErrorEnvelope'], 'refused without caseRefId': [400, 'ErrorEnvelope'] };
    for (const item of items) {
      const [status, schema] = Object.entries(expected).find(([k]) => item.name.includes(k))?.[1] ?? [200, 'Task'];
      const source = scriptOf(item, 'test');
      expect(source).toContain(`"status":${status},"schemaName":"${schema}"`);
      expect(source).toContain("pm.test('status is ' + expected.status");
      expect(source).toContain("require('ajv')");
    }
  });

  it('keeps a saved example response for every documented status, with no <API Key> placeholder', () => {
    const statuses = byName('Create a task').responses.map((r) => r.code).sort();
    const documented = Object.keys(bundle.paths['/caseManagement/api/public/analytics/{streamId}/createTask'].post.responses).map(Number);
    expect(documented.length).toBeGreaterThan(1);
    expect(statuses).toEqual(documented.sort());
    expect(raw).not.toContain('<API Key>');
  });
});
