/**
 * npm run postman: the contract as a Postman collection whose requests check their answers against it, and mock and
 * sandbox environments, in dist/postman/ (docs/postman.md says what each holds; `--out-dir`, `--sandbox-port`, `--mock-port`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Converter from 'openapi-to-postmanv2';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, SEED, defaultTenant, seedInfoOf } from '../sandbox/tenant/seed.js';
import { deref, operations, type Json } from './lib/openapi-document.js';
import { FORMATS_AJV6_IGNORES, selfContainedSchema } from './lib/postman-schema.js';
import { MINT_JWT, responseTests, scriptEvent, type Chain, type Expectation } from './lib/postman-scripts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function convert(contract: string): Promise<Json> {
  const options = {
    folderStrategy: 'Tags',
    requestParametersResolution: 'Example', // the contract's examples (the seed sample first), not made-up values
    exampleParametersResolution: 'Example',
    includeAuthInfoInExample: false, // the collection's auth applies; no `<API Key>` placeholder in saved examples
  } as const;
  return new Promise((resolve, reject) =>
    Converter.convert({ type: 'string', data: contract }, options, (error, result) => {
      if (error || !result?.result) reject(new Error(`openapi-to-postmanv2: ${error?.message ?? result?.reason}`));
      else resolve(result.output?.[0]?.data);
    }),
  );
}

/**
 * Ids that differ per tenant, sent from a variable whose default is the contract's example: body fields (by path)
 * and path parameters. createCase and createTask overwrite caseId/caseRefId and taskId with what they created.
 */
const ID_FIELDS = [
  { path: ['caseId'], variable: 'caseId', schema: 'CaseId' },
  { path: ['caseRefId'], variable: 'caseRefId', schema: 'CaseRefId' },
  { path: ['taskTmp'], variable: 'taskTemplateId', schema: 'TaskTemplateId' },
  // its schema's only example is masked (`xxxx`): the default is the createCase sample's, filled in
  { path: ['caseTmp'], variable: 'caseTemplateId', schema: 'CaseTemplateId', sample: 'CreateCaseSample' },
  { path: ['userInfo', '_id'], variable: 'userId', schema: 'UserId' },
  { path: [], variable: 'taskId', schema: 'TaskId' }, // updateTask's path parameter only
] as const satisfies readonly { path: readonly string[]; variable: string; schema: string; sample?: string }[];

function withIdVariables(body: Json): Json {
  const copy = structuredClone(body);
  for (const { path, variable } of ID_FIELDS) {
    if (!path.length) continue;
    const parent = path.slice(0, -1).reduce((at: Json, key) => at?.[key], copy);
    const key = path.at(-1)!;
    if (parent && key in parent) parent[key] = `{{${variable}}}`;
  }
  return copy;
}

/** Collection variables: one place to set the tenant; the contract's samples are the defaults. */
function variables(contract: Json): Json[] {
  const param = (name: string) => contract.components.parameters[name];
  const host = contract.servers[0].variables.host;
  const secret = (key: string, description: string) => ({ key, value: '', type: 'secret', description });
  const example = (name: string) => contract.components.examples[name].value;
  return [
    { key: 'host', value: host.default, type: 'string', description: host.description },
    {
      key: 'baseUrl',
      value: 'https://{{host}}',
      type: 'string',
      description: 'Origin of every request; point it at a mock or sandbox (e.g. http://127.0.0.1:4010) to try without a tenant.',
    },
    secret(
      'jwt',
      'A ready HS256 JWT, sent as the `auth` header with no Bearer prefix. Empty: one is minted per request from clientId and clientSecret.',
    ),
    {
      key: 'clientId',
      value: '',
      type: 'string',
      description: "Your app's client id: the token's `appId` claim (and its `sub`, unless jwtSubject is set).",
    },
    secret('clientSecret', "Your app's client secret: signs the minted tokens (HS256). Never logged by the collection."),
    { key: 'jwtSubject', value: '', type: 'string', description: "The minted token's `sub`; empty: the client id." },
    { key: 'streamId', value: param('StreamId').example, type: 'string', description: param('StreamId').description },
    { key: 'accountId', value: param('AccountId').example, type: 'string', description: param('AccountId').description },
    ...ID_FIELDS.map((field) => {
      const s = contract.components.schemas[field.schema];
      const value = 'sample' in field ? field.path.reduce((at: Json, key) => at?.[key], example(field.sample)) : s.examples[0];
      return { key: field.variable, value, type: 'string', description: s.description };
    }),
    {
      key: 'caseName',
      value: example('CreateCaseSample').name,
      type: 'string',
      description: 'The name of the case createCase made (set by it); getCases searches for it.',
    },
    {
      key: 'taskName',
      value: example('CreateTaskSeedSample').name,
      type: 'string',
      description: 'The name of the task createTask made (set by it); getTasks searches for it.',
    },
    {
      key: 'statefulServer',
      value: 'true',
      type: 'string',
      description:
        "'false' for a server that keeps nothing (the Prism mock answers its examples): the checks that what was created is found and updated are then skipped, not passed.",
    },
  ];
}

/** Points a request at the variables instead of the literal examples the converter filled in. */
function useVariables(request: Json, body: Json, withoutAccountId = false): void {
  for (const v of request.url?.variable ?? []) {
    if (['streamId', 'caseId', 'taskId'].includes(v.key)) v.value = `{{${v.key}}}`;
  }
  request.url.variable = (request.url.variable ?? []).filter((v: Json) => v.key != 'host');
  for (const h of request.header ?? []) {
    if (String(h.key).toLowerCase() == 'accountid') h.value = '{{accountId}}';
  }
  if (withoutAccountId) request.header = request.header.filter((h: Json) => String(h.key).toLowerCase() != 'accountid');
  if (request.body?.mode == 'raw') request.body.raw = JSON.stringify(withIdVariables(body), null, 2);
  delete request.auth; // inherit the collection's auth
}

/** What the contract promises for one status of an operation, as a test expectation. */
function expectation(contract: Json, operation: Json, status: number, extra: Pick<Expectation, 'code' | 'names'> = {}): Expectation {
  const response = deref(contract, operation.responses[String(status)]);
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation.operationId} documents no JSON body for ${status}`);
  const schemaName = String(schema.$ref ?? 'response')
    .split('/')
    .at(-1)!;
  return { status, schemaName, schema: selfContainedSchema(contract, schema), unknownFormats: FORMATS_AJV6_IGNORES, ...extra };
}

interface RequestSpec {
  operationId: string;
  name: string;
  description: string;
  body: Json;
  noAuth?: boolean;
  noAccountId?: boolean;
  expect: Expectation;
  chain?: Chain;
}

/** The contract's operations by id. */
function operationsById(contract: Json): Record<string, Json> {
  return Object.fromEntries(operations(contract).map((o) => [o.operationId, o.operation]));
}

/** What the request builders below share: the operations by id, the contract's named examples, a 200 spec. */
interface SpecContext {
  contract: Json;
  ops: Record<string, Json>;
  example: (name: string) => Json;
  ok: (id: string, body: Json, chain: Chain, description: string) => RequestSpec;
}

/** createCase, then getCases and updateCase on the case it made (its ids and name become variables). */
function caseRequests({ example, ok }: SpecContext): RequestSpec[] {
  const updatedCaseName = `${example('CreateCaseSample').name}, updated`;
  return [
    ok(
      'createCase',
      example('CreateCaseSample'),
      {
        saves: { caseId: '_id', caseRefId: 'refId', caseName: 'name' },
        checks: [{ name: 'the case has the name sent', expr: 'body.name === JSON.parse(pm.request.body.raw).name' }],
      },
      "The page's sample request, for the case template and user of the variables. Its answer's `_id`, `refId` and `name` become the variables caseId, caseRefId and caseName, which the requests after it use.",
    ),
    ok(
      'getCases',
      { searchText: '{{caseName}}' },
      {
        checks: [{ name: 'lists the case createCase made', expr: "body.results.some((c) => c._id === pm.variables.get('caseId'))" }],
      },
      'Searches for the case createCase made, by its name.',
    ),
    ok(
      'updateCase',
      { name: updatedCaseName },
      {
        checks: [
          {
            name: 'renamed the case createCase made',
            expr: `body._id === pm.variables.get('caseId') && body.name === ${JSON.stringify(updatedCaseName)}`,
          },
        ],
      },
      'Renames the case createCase made (caseId from its answer): a partial update.',
    ),
  ];
}

/** createTask once per request example of the contract (the first in the case made above), then two refusals. */
function createTaskRequests({ contract, ops, ok }: SpecContext): RequestSpec[] {
  const createTask = ops.createTask;
  const examples = Object.values(createTask.requestBody.content['application/json'].examples).map((e) => deref(contract, e));
  const seed = examples[0].value;
  const { caseRefId: _, ...withoutCaseRefId } = seed;
  const unauthorizedCode = deref(contract, Object.values(deref(contract, createTask.responses['401']).content['application/json'].examples)[0]).value
    .errors[0].code;
  return [
    ...examples.map((e, i): RequestSpec => ({
      ...ok(
        'createTask',
        e.value,
        i == 0
          ? {
              saves: { taskId: '_id', taskName: 'name' },
              checks: [
                {
                  name: 'the task is in the case createCase made',
                  expr: "body.caseId === pm.variables.get('caseId') && body.caseRefId === pm.variables.get('caseRefId')",
                },
              ],
            }
          : { checks: [] },
        e.description,
      ),
      name: i == 0 ? createTask.summary : `${createTask.summary}: ${e.summary}`,
    })),
    {
      operationId: 'createTask',
      name: `${createTask.summary}: refused without a token (401)`,
      description: 'The seed sample with no `auth` header: 401 in the error envelope, platform code 4002.',
      body: seed,
      noAuth: true,
      expect: expectation(contract, createTask, 401, { code: unauthorizedCode }),
    },
    {
      operationId: 'createTask',
      name: `${createTask.summary}: refused without caseRefId (400)`,
      description: 'The seed sample without the required `caseRefId`: 400 in the error envelope, a message naming the field.',
      body: withoutCaseRefId,
      expect: expectation(contract, createTask, 400, { names: 'caseRefId' }),
    },
  ];
}

/** getTasks finds the task made above, refuses a call without accountId; updateTask renames the task. */
function taskRequests({ contract, ops, example, ok }: SpecContext): RequestSpec[] {
  return [
    ok(
      'getTasks',
      { searchText: '{{taskName}}', skip: 0, limit: 50, sortBy: { createdAt: 'desc' } },
      {
        checks: [{ name: 'lists the task createTask made', expr: "body.results.some((t) => t._id === pm.variables.get('taskId'))" }],
      },
      'Searches for the task createTask made, by its name, newest first.',
    ),
    {
      operationId: 'getTasks',
      name: `${ops.getTasks.summary}: refused without accountId (400)`,
      description: 'getTasks requires the `accountId` header: 400 in the error envelope, a message naming it.',
      body: {},
      noAccountId: true,
      expect: expectation(contract, ops.getTasks, 400, { names: 'accountId' }),
    },
    ok(
      'updateTask',
      example('UpdateTaskSample'),
      {
        checks: [
          {
            name: 'renamed the task createTask made',
            expr: `body._id === pm.variables.get('taskId') && body.name === ${JSON.stringify(example('UpdateTaskSample').name)}`,
          },
        ],
      },
      "The page's sample request, for the task createTask made (taskId from its answer).",
    ),
  ];
}

/** Every request the collection sends, in the order a run sends them: the case first, its ids go into the tasks. */
function requestSpecs(contract: Json): RequestSpec[] {
  const ops = operationsById(contract);
  const ctx: SpecContext = {
    contract,
    ops,
    example: (name) => contract.components.examples[name].value,
    ok: (id, body, chain, description) => ({
      operationId: id,
      name: ops[id].summary,
      description,
      body,
      chain,
      expect: expectation(contract, ops[id], 200),
    }),
  };
  return [...caseRequests(ctx), ...createTaskRequests(ctx), ...taskRequests(ctx)];
}

/** Finds the converter's item for an operation (inside its tag folder) and the list that holds it. */
function operationItem(collection: Json, name: string): { folder: Json[]; item: Json } {
  for (const folder of [collection.item, ...collection.item.map((i: Json) => i.item ?? [])]) {
    const item = folder.find((i: Json) => i.request && i.name == name);
    if (item) return { folder, item };
  }
  throw new Error(`openapi-to-postmanv2 made no request named "${name}"`);
}

export async function buildCollection(contract: Json): Promise<Json> {
  const collection = await convert(JSON.stringify(contract));
  collection.variable = variables(contract);
  collection.auth = {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'auth', type: 'string' },
      { key: 'value', value: '{{jwt}}', type: 'string' },
      { key: 'in', value: 'header', type: 'string' },
    ],
  };
  collection.event = [scriptEvent('prerequest', MINT_JWT)];
  const ops = operationsById(contract);
  // The converter's item of each operation, taken out of its folder; the specs put copies back, in run order.
  const converted = Object.fromEntries(
    Object.values(ops).map((op) => {
      const { folder, item } = operationItem(collection, op.summary);
      folder.splice(folder.indexOf(item), 1);
      return [op.operationId, { folder, item, used: false }];
    }),
  );
  for (const spec of requestSpecs(contract)) {
    const source = converted[spec.operationId]!;
    // The first of an operation keeps the converter's saved example responses; the others are copies of its request.
    const item = source.used ? { name: spec.name, request: structuredClone(source.item.request), response: [] } : source.item;
    source.used = true;
    item.request.name = spec.name;
    item.request.description = { content: spec.description, type: 'text/plain' };
    useVariables(item.request, spec.body, spec.noAccountId);
    for (const saved of item.response ?? []) useVariables(saved.originalRequest, spec.body);
    if (spec.noAuth) item.request.auth = { type: 'noauth' };
    item.event = [scriptEvent('test', responseTests(spec.expect, spec.chain))];
    source.folder.push(item);
  }
  // The cases come first: the tasks go into the case the run creates.
  const cases = collection.item.find((f: Json) => f.name == 'Cases');
  collection.item = [cases, ...collection.item.filter((f: Json) => f !== cases)];
  return collection;
}

/** A Postman environment file; `secret` values are masked in Postman's UI. */
function environment(id: string, name: string, values: Record<string, string>, secrets: string[] = []): Json {
  return {
    id,
    name,
    values: Object.entries(values).map(([key, value]) => ({ key, value, type: secrets.includes(key) ? 'secret' : 'default', enabled: true })),
    _postman_variable_scope: 'environment',
  };
}

/** The mock verifies no signature: any non-empty token will do. The contract's samples are the ids it expects. */
export function mockEnvironment(port = 4010): Json {
  return environment('3f0c8a52-6a0e-4d55-9d61-0a4b3f8e6c01', 'kore-case-management: Prism mock', {
    baseUrl: `http://127.0.0.1:${port}`, // npm start
    jwt: 'any-token-the-mock-does-not-verify',
    statefulServer: 'false', // it answers its examples: what a request created is not found by the next
  });
}

/** The seeded tenant of `npm run sandbox` and its dev app, whose fixed secret is a local development value. */
export function sandboxEnvironment(port = 4020): Json {
  const seed = seedInfoOf(defaultTenant(DEV_CLIENT_ID, DEV_CLIENT_SECRET));
  return environment(
    '8d2e4b71-1c9f-4e3a-b6d5-2f7a9c0e4b12',
    'kore-case-management: reference sandbox',
    {
      baseUrl: `http://127.0.0.1:${port}`, // npm run sandbox
      streamId: seed.streamId,
      accountId: seed.accountId,
      caseId: seed.caseId,
      caseRefId: seed.caseRefId,
      caseTemplateId: seed.caseTemplateId,
      taskTemplateId: seed.taskTemplateId,
      userId: SEED.contactUserId, // the sample's user, "dummy"
      clientId: seed.clientId,
      clientSecret: seed.clientSecret,
      jwt: '', // empty: minted per request
    },
    ['clientSecret', 'jwt'],
  );
}

/** A port flag's value: a whole number from 1 to 65535, else an error naming the flag. */
function portOf(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new Error(`--${flag} must be a port from 1 to 65535, got "${text}"`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, 'sandbox-port': { type: 'string' }, 'mock-port': { type: 'string' } } });
  const dir = resolve(values['out-dir'] ?? join(ROOT, 'dist', 'postman'));
  const sandboxPort = portOf('sandbox-port', values['sandbox-port'], 4020);
  const mockPort = portOf('mock-port', values['mock-port'], 4010);
  const contract = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
  const files = {
    'collection.json': await buildCollection(contract),
    'mock.postman_environment.json': mockEnvironment(mockPort),
    'sandbox.postman_environment.json': sandboxEnvironment(sandboxPort),
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${dir}`);
  console.log(`run: npx newman run ${join(dir, 'collection.json')} -e ${join(dir, 'sandbox.postman_environment.json')}`);
}

if (import.meta.url == pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    console.error(`postman: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
