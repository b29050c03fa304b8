/**
 * npm run postman: the contract as a Postman collection that checks what it gets back, and two environments.
 *   dist/postman/collection.json                  converted by openapi-to-postmanv2, then: one request per request
 *                                                 example of the contract and two refused requests (no token → 401,
 *                                                 a missing field → 400), each with tests taken from the contract
 *                                                 (status, JSON, body against the response schema); ids come from
 *                                                 variables; the collection mints the JWT when no `jwt` is set.
 *   dist/postman/mock.postman_environment.json    the Prism mock (`npm start`, 127.0.0.1:4010)
 *   dist/postman/sandbox.postman_environment.json the reference sandbox (`npm run sandbox`, 127.0.0.1:4020): its
 *                                                 seeded tenant's ids and dev app
 *   --out-dir DIR   write the three files elsewhere
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Converter from 'openapi-to-postmanv2';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, SEED, defaultTenant, seedInfoOf } from '../sandbox/seed.js';
import { FORMATS_AJV6_IGNORES, selfContainedSchema } from './lib/postman-schema.js';
import { MINT_JWT, responseTests, scriptEvent, type Expectation } from './lib/postman-scripts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OPERATION = { path: '/caseManagement/api/public/analytics/{streamId}/createTask', method: 'post' } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

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

/** A `#/components/<kind>/<name>` reference, followed once; anything else is returned as is. */
function deref(contract: Json, node: Json): Json {
  const ref: unknown = node?.$ref;
  if (typeof ref != 'string') return node;
  return ref.replace(/^#\//, '').split('/').reduce((at: Json, key) => at?.[key], contract);
}

/** Body fields whose ids differ per tenant: sent from a variable, whose default is the contract's (masked) example. */
const ID_FIELDS = [
  { path: ['caseId'], variable: 'caseId', schema: 'CaseId' },
  { path: ['caseRefId'], variable: 'caseRefId', schema: 'CaseRefId' },
  { path: ['taskTmp'], variable: 'taskTemplateId', schema: 'TaskTemplateId' },
  { path: ['userInfo', '_id'], variable: 'userId', schema: 'UserId' },
] as const;

function withIdVariables(body: Json): Json {
  const copy = structuredClone(body);
  for (const { path, variable } of ID_FIELDS) {
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
  return [
    { key: 'host', value: host.default, type: 'string', description: host.description },
    { key: 'baseUrl', value: 'https://{{host}}', type: 'string', description: 'Origin of every request; point it at a mock or sandbox (e.g. http://127.0.0.1:4010) to try without a tenant.' },
    secret('jwt', 'A ready HS256 JWT, sent as the `auth` header with no Bearer prefix. Empty: one is minted per request from clientId and clientSecret.'),
    { key: 'clientId', value: '', type: 'string', description: "Your app's client id: the token's `appId` claim (and its `sub`, unless jwtSubject is set)." },
    secret('clientSecret', "Your app's client secret: signs the minted tokens (HS256). Never logged by the collection."),
    { key: 'jwtSubject', value: '', type: 'string', description: 'The minted token\'s `sub`; empty: the client id.' },
    { key: 'streamId', value: param('StreamId').example, type: 'string', description: param('StreamId').description },
    { key: 'accountId', value: param('AccountId').example, type: 'string', description: param('AccountId').description },
    ...ID_FIELDS.map(({ variable, schema }) => {
      const s = contract.components.schemas[schema];
      return { key: variable, value: s.examples[0], type: 'string', description: s.description };
    }),
  ];
}

/** Points a request at the variables instead of the literal examples the converter filled in. */
function useVariables(request: Json, body: Json): void {
  for (const v of request.url?.variable ?? []) {
    if (v.key == 'streamId') v.value = '{{streamId}}';
  }
  request.url.variable = (request.url.variable ?? []).filter((v: Json) => v.key != 'host');
  for (const h of request.header ?? []) {
    if (String(h.key).toLowerCase() == 'accountid') h.value = '{{accountId}}';
  }
  if (request.body?.mode == 'raw') request.body.raw = JSON.stringify(withIdVariables(body), null, 2);
  delete request.auth; // inherit the collection's auth
}

/** What the contract promises for one status of the operation, as a test expectation. */
function expectation(contract: Json, status: number, extra: Pick<Expectation, 'code' | 'names'> = {}): Expectation {
  const operation = contract.paths[OPERATION.path][OPERATION.method];
  const response = deref(contract, operation.responses[String(status)]);
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`createTask documents no JSON body for ${status}`);
  const schemaName = String(schema.$ref ?? 'response').split('/').at(-1)!;
  return { status, schemaName, schema: selfContainedSchema(contract, schema), unknownFormats: FORMATS_AJV6_IGNORES, ...extra };
}

interface RequestSpec {
  name: string;
  description: string;
  body: Json;
  noAuth?: boolean;
  expect: Expectation;
}

/** Every request the collection sends: each request example of the contract, then the refused ones. */
function requestSpecs(contract: Json): RequestSpec[] {
  const operation = contract.paths[OPERATION.path][OPERATION.method];
  const examples = Object.values(operation.requestBody.content['application/json'].examples).map((e) => deref(contract, e));
  const seed = examples[0].value;
  const { caseRefId: _, ...withoutCaseRefId } = seed;
  const unauthorizedCode = deref(contract, Object.values(deref(contract, operation.responses['401']).content['application/json'].examples)[0]).value.errors[0].code;
  return [
    ...examples.map((example, i) => ({
      name: i == 0 ? operation.summary : `${operation.summary}: ${example.summary}`,
      description: example.description,
      body: example.value,
      expect: expectation(contract, 200),
    })),
    {
      name: `${operation.summary}: refused without a token (401)`,
      description: 'The seed sample with no `auth` header: 401 in the error envelope, platform code 4002.',
      body: seed,
      noAuth: true,
      expect: expectation(contract, 401, { code: unauthorizedCode }),
    },
    {
      name: `${operation.summary}: refused without caseRefId (400)`,
      description: 'The seed sample without the required `caseRefId`: 400 in the error envelope, a message naming the field.',
      body: withoutCaseRefId,
      expect: expectation(contract, 400, { names: 'caseRefId' }),
    },
  ];
}

/** Finds the converter's item for the operation (inside its tag folder) and the list that holds it. */
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
  const specs = requestSpecs(contract);
  const { folder, item: converted } = operationItem(collection, specs[0]!.name);
  folder.splice(folder.indexOf(converted), 1);
  for (const [i, spec] of specs.entries()) {
    // The first keeps the converter's saved example responses; the others are copies of its request.
    const item = i == 0 ? converted : { name: spec.name, request: structuredClone(converted.request), response: [] };
    item.request.name = spec.name;
    item.request.description = { content: spec.description, type: 'text/plain' };
    useVariables(item.request, spec.body);
    for (const saved of item.response ?? []) useVariables(saved.originalRequest, spec.body);
    if (spec.noAuth) item.request.auth = { type: 'noauth' };
    item.event = [scriptEvent('test', responseTests(spec.expect))];
    folder.push(item);
  }
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
export function mockEnvironment(): Json {
  return environment('3f0c8a52-6a0e-4d55-9d61-0a4b3f8e6c01', 'kore-create-task: Prism mock', {
    baseUrl: 'http://127.0.0.1:4010', // npm start
    jwt: 'any-token-the-mock-does-not-verify',
  });
}

/** The seeded tenant of `npm run sandbox` and its dev app, whose fixed secret is a local development value. */
export function sandboxEnvironment(): Json {
  const seed = seedInfoOf(defaultTenant(DEV_CLIENT_ID, DEV_CLIENT_SECRET));
  return environment(
    '8d2e4b71-1c9f-4e3a-b6d5-2f7a9c0e4b12',
    'kore-create-task: reference sandbox',
    {
      baseUrl: 'http://127.0.0.1:4020', // npm run sandbox
      streamId: seed.streamId,
      accountId: seed.accountId,
      caseId: seed.caseId,
      caseRefId: seed.caseRefId,
      taskTemplateId: seed.taskTemplateId,
      userId: SEED.contactUserId, // the sample's user, "dummy"
      clientId: seed.clientId,
      clientSecret: seed.clientSecret,
      jwt: '', // empty: minted per request
    },
    ['clientSecret', 'jwt'],
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
  const dir = resolve(values['out-dir'] ?? join(ROOT, 'dist', 'postman'));
  const contract = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
  const files = {
    'collection.json': await buildCollection(contract),
    'mock.postman_environment.json': mockEnvironment(),
    'sandbox.postman_environment.json': sandboxEnvironment(),
  };
  mkdirSync(dir, { recursive: true });
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${Object.keys(files).join(', ')} to ${dir}`);
  console.log(`run: npx newman run ${join(dir, 'collection.json')} -e ${join(dir, 'sandbox.postman_environment.json')}`);
}

if (import.meta.url == pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`postman: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
