/**
 * `npm run postman`'s collection, imported with the Postman SDK (postman-collection, what Postman and newman load)
 * and checked field by field. That it passes and fails where it should is newman.test.ts's part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sdk, { type Item } from 'postman-collection';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, type Json } from '../helpers/contract.js';
import { NO_UNSHARE, OFFLINE, runScriptOffline } from '../docs/offline.js';
import { scratchDir } from '../helpers/run-scratch.js';

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

const scriptOf = (item: Item | sdk.Collection, listen: string) =>
  item.events
    .all()
    .find((e) => e.listen == listen)
    ?.script.toSource() ?? '';

beforeAll(async () => {
  // Written to a temporary directory, to leave dist/ as the user built it.
  const dir = scratchDir('postman-');
  await runScriptOffline('scripts/postman.ts', ['--out-dir', dir], ROOT);
  raw = readFileSync(join(dir, 'collection.json'), 'utf8');
  collection = new sdk.Collection(JSON.parse(raw));
  collection.forEachItem((item) => items.push(item));
}, 60_000);

const PATH = '/caseManagement/api/public/analytics/';
/** The operation each request calls, from the contract: its path (after `{streamId}/`) by the request's name. */
const operations = Object.entries<Json>(bundle.paths).map(([path, item]) => ({
  id: item.post.operationId as string,
  summary: item.post.summary as string,
  path,
}));
const operationOf = (name: string) => operations.find((o) => name == o.summary || name.startsWith(`${o.summary}:`))!;
const bodyOf = (item: Item) => JSON.parse(item.request.body!.raw!);

it('npm run postman builds with no network (in a network namespace of its own)', (ctx) => {
  if (!OFFLINE) return ctx.skip(NO_UNSHARE);
  expect(raw.length).toBeGreaterThan(0); // built there, in beforeAll
});

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
      caseTemplateId: bundle.components.examples.CreateCaseSample.value.caseTmp,
      userId: bundle.components.schemas.UserId.examples[0],
      taskId: bundle.components.schemas.TaskId.examples[0],
      caseName: bundle.components.examples.CreateCaseSample.value.name,
      taskName: bundle.components.examples.CreateTaskSeedSample.value.name,
      statefulServer: 'true',
    });
    // …and each is really there: an example the lookups above missed would make both sides undefined.
    for (const key of [
      'streamId',
      'accountId',
      'caseId',
      'caseRefId',
      'taskTemplateId',
      'caseTemplateId',
      'userId',
      'taskId',
      'caseName',
      'taskName',
    ])
      expect(collection.variables.toObject()[key], key).toMatch(/\S/);
  });

  it('runs the six operations in chain order: the case first, then its tasks; one request per createTask request example, and three refused requests', () => {
    const examples = Object.keys(bundle.paths[`${PATH}{streamId}/createTask`].post.requestBody.content['application/json'].examples);
    expect(items.map((i) => i.name)).toEqual([
      'Create a case',
      'List cases',
      'Update a case',
      'Create a task',
      'Create a task: A user identified only by email',
      'Create a task: A user identified only by phone',
      'Create a task: A user identified only by _id',
      'Create a task: A task with a description',
      'Create a task: refused without a token (401)',
      'Create a task: refused without caseRefId (400)',
      'List tasks',
      'List tasks: refused without accountId (400)',
      'Update a task',
    ]);
    expect(items.filter((i) => operationOf(i.name).id == 'createTask').length).toBe(examples.length + 2);
    expect(new Set(items.map((i) => operationOf(i.name).id))).toEqual(new Set(operations.map((o) => o.id)));
    expect(collection.items.all().map((folder) => folder.name)).toEqual(['Cases', 'Tasks']);
  });

  it("sends every request as POST to its operation's path, streamId, caseId and taskId from variables", () => {
    for (const { name, request } of items) {
      expect(request.method).toBe('POST');
      expect(request.url.toString(), name).toBe(`{{baseUrl}}${operationOf(name).path.replace(/\{(\w+)\}/g, '{{$1}}')}`);
      for (const v of request.url.variables.all()) expect(v.value, `${name} :${v.key}`).toBe(`{{${v.key}}}`);
    }
    expect(resolve(byName('Create a task').request.url.toString(), { host: 'de-platform.kore.ai' })).toBe(
      `https://de-platform.kore.ai${PATH}${bundle.components.parameters.StreamId.example}/createTask`,
    );
  });

  it('sends the JWT in the auth header (API key, no Bearer) and accountId, except the requests that must have none', () => {
    expect(collection.auth?.parameters().toObject()).toMatchObject({ key: 'auth', value: '{{jwt}}', in: 'header' });
    for (const item of items) {
      expect(item.getAuth()?.type).toBe(item.name.includes('without a token') ? 'noauth' : 'apikey');
      const headers = { 'content-type': 'application/json', accept: 'application/json' };
      expect(item.request.headers.toObject(), item.name).toEqual(
        item.name.includes('without accountId') ? headers : { accountid: '{{accountId}}', ...headers },
      );
    }
  });

  it('takes the ids of every body from variables; createTask and createCase send the contract samples with the defaults filled in', () => {
    for (const item of items.filter((i) => operationOf(i.name).id == 'createTask')) {
      const body = bodyOf(item);
      expect(body.caseId).toBe('{{caseId}}');
      expect(body.taskTmp).toBe('{{taskTemplateId}}');
      if (body.userInfo._id) expect(body.userInfo._id).toBe('{{userId}}');
    }
    expect(bodyOf(byName('Create a case'))).toMatchObject({ caseTmp: '{{caseTemplateId}}', userInfo: { _id: '{{userId}}' } });
    // The contract's examples are the pages' samples (test/contract-spec proves it).
    expect(JSON.parse(resolve(byName('Create a task').request.body!.raw!))).toEqual(bundle.components.examples.CreateTaskSeedSample.value);
    const caseSample = bundle.components.examples.CreateCaseSample.value;
    // createCase's user is the variable's, shared with createTask
    expect(JSON.parse(resolve(byName('Create a case').request.body!.raw!))).toEqual({
      ...caseSample,
      userInfo: { ...caseSample.userInfo, _id: bundle.components.schemas.UserId.examples[0] },
    });
    expect(bodyOf(byName('Update a task'))).toEqual(bundle.components.examples.UpdateTaskSample.value);
    expect(bodyOf(byName('List cases'))).toEqual({ searchText: '{{caseName}}' });
    expect(bodyOf(byName('List tasks'))).toMatchObject({ searchText: '{{taskName}}' });
    expect(bodyOf(byName('Create a task: refused without caseRefId (400)'))).not.toHaveProperty('caseRefId');
  });

  it('chains: createCase sets caseId, caseRefId and caseName from its answer, the first createTask taskId and taskName', () => {
    const saves = (name: string) => [...scriptOf(byName(name), 'test').matchAll(/save\("(\w+)", body\.(\w+)\)/g)].map((m) => `${m[1]}←${m[2]}`);
    expect(saves('Create a case')).toEqual(['caseId←_id', 'caseRefId←refId', 'caseName←name']);
    expect(saves('Create a task')).toEqual(['taskId←_id', 'taskName←name']);
    for (const item of items.filter((i) => !['Create a case', 'Create a task'].includes(i.name))) expect(saves(item.name), item.name).toEqual([]);
    // a check of the chain is skipped, never passed, on a server that keeps nothing
    expect(scriptOf(byName('List tasks'), 'test')).toContain('(stateful ? pm.test : pm.test.skip)("lists the task createTask made"');
  });

  it('mints the token in a collection pre-request script, from clientId/clientSecret, without logging', () => {
    const source = scriptOf(collection, 'prerequest');
    expect(source).toContain('CryptoJS.HmacSHA256(unsigned, clientSecret)');
    expect(source).toContain('appId: clientId');
    expect(raw).not.toMatch(/console\./);
  });

  it('gives every request tests of its status and body schema, from the contract', () => {
    const ok: Record<string, string> = {
      createCase: 'Case',
      getCases: 'CasePage',
      updateCase: 'Case',
      createTask: 'Task',
      getTasks: 'TaskPage',
      updateTask: 'TaskRecord',
    };
    for (const item of items) {
      const refused = /\((401|400)\)$/.exec(item.name)?.[1];
      const [status, schema] = refused ? [Number(refused), 'ErrorEnvelope'] : [200, ok[operationOf(item.name).id]];
      const source = scriptOf(item, 'test');
      expect(source).toContain(`"status":${status},"schemaName":"${schema}"`);
      expect(source).toContain("pm.test('status is ' + expected.status");
      expect(source).toContain("require('ajv')");
    }
  });

  it('keeps a saved example response for every documented status of each operation, with no <API Key> placeholder', () => {
    for (const { summary, path } of operations) {
      const statuses = byName(summary)
        .responses.map((r) => r.code)
        .sort();
      const documented = Object.keys(bundle.paths[path].post.responses).map(Number);
      expect(documented.length).toBeGreaterThan(1);
      expect(statuses, summary).toEqual(documented.sort());
    }
    expect(raw).not.toContain('<API Key>');
  });
});
