// The case-management family in the contract: every documented sample of the six pages (test/fixtures/family/)
// validates against its operation's request or 200 schema, every field of a sample response is declared, the
// contract's examples are those samples, named invalid requests are refused, and the Prism mock serves the family.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundle, deref, validatorAt, type Json } from '../../contract-tests/spec.js';
import { useMock } from '../helpers/run-mock.js';
import { CasesApi, TasksApi } from '../../generated/openapi-generator-client/index.js';

const FIXTURES = new URL('../fixtures/family/', import.meta.url);
const fixtureText = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');
const fixture = (file: string): Json => JSON.parse(fixtureText(file));

const BASE = '/caseManagement/api/public/analytics/{streamId}/';
const pointer = (path: string) => `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/post`;

interface Family {
  operationId: string;
  path: string;
  tag: 'Cases' | 'Tasks';
  accountIdRequired: boolean;
  pathParameter?: string;
  /** response fixture -> the contract example that must equal it */
  responses: Record<string, string>;
  request: { fixture: string; example: string };
}

const FAMILY: Family[] = [
  {
    operationId: 'createCase',
    path: 'createCase',
    tag: 'Cases',
    accountIdRequired: false,
    request: { fixture: 'createCase.request.json', example: 'CreateCaseSample' },
    responses: { 'createCase.response.json': 'CaseCreatedSample' },
  },
  {
    operationId: 'getCases',
    path: 'getCases',
    tag: 'Cases',
    accountIdRequired: true,
    request: { fixture: 'getCases.request.json', example: 'GetCasesSample' },
    responses: { 'getCases.response.json': 'CasePageSample' },
  },
  {
    operationId: 'updateCase',
    path: 'updateCase/{caseId}',
    tag: 'Cases',
    accountIdRequired: true,
    pathParameter: 'caseId',
    request: { fixture: 'updateCase.request.json', example: 'UpdateCaseSample' },
    responses: {
      'updateCase.response.json': 'CaseUpdatedSample',
      'variants/updateCase.response.legacy-full.json': 'CaseUpdatedLegacyFull',
    },
  },
  {
    operationId: 'createTask',
    path: 'createTask',
    tag: 'Tasks',
    accountIdRequired: false,
    request: { fixture: 'createTask.request.json', example: 'CreateTaskSeedSample' },
    responses: { 'createTask.response.json': 'TaskSeedSample' },
  },
  {
    operationId: 'getTasks',
    path: 'getTasks',
    tag: 'Tasks',
    accountIdRequired: true,
    request: { fixture: 'getTasks.request.json', example: 'GetTasksSample' },
    responses: {
      'getTasks.response.json': 'TaskPageSample',
      'variants/getTasks.response.legacy-full.json': 'TaskPageLegacyFull',
    },
  },
  {
    operationId: 'updateTask',
    path: 'updateTask/{taskId}',
    tag: 'Tasks',
    accountIdRequired: true,
    pathParameter: 'taskId',
    request: { fixture: 'updateTask.request.json', example: 'UpdateTaskSample' },
    responses: {
      'updateTask.response.json': 'TaskUpdatedSample',
      'variants/updateTask.response.legacy-full.json': 'TaskUpdatedLegacyFull',
    },
  },
];

// createTask's operation and examples predate the family (its examples are an older revision of its page's samples,
// its response provenance is the contract's own): the checks of what this slice adds cover the other five.
const ADDED = FAMILY.filter((f) => f.operationId !== 'createTask');

const operationOf = (f: Family): Json => bundle.paths[BASE + f.path].post;
const requestValidator = (f: Family) => validatorAt(`${pointer(BASE + f.path)}/requestBody/content/application~1json/schema`);
const responseValidator = (f: Family) => validatorAt(`${pointer(BASE + f.path)}/responses/200/content/application~1json/schema`);
const errorsOf = (validate: { errors?: Json }) => JSON.stringify(validate.errors);

/** Every schema a value must satisfy at once or may satisfy (allOf, anyOf, oneOf), `$ref`s followed. */
function candidates(schemas: Json[]): Json[] {
  const out: Json[] = [];
  const visit = (s: Json) => {
    s = deref(s);
    if (!s || out.includes(s)) return;
    out.push(s);
    for (const key of ['allOf', 'anyOf', 'oneOf']) for (const sub of s[key] ?? []) visit(sub);
  };
  schemas.forEach(visit);
  return out;
}

/** The paths of `value` whose keys no schema along the way declares. */
function undeclaredKeys(value: Json, schemas: Json[], path = ''): string[] {
  const all = candidates(schemas);
  if (Array.isArray(value)) {
    const items = all.map((s) => s.items).filter(Boolean);
    return value.flatMap((item, i) => undeclaredKeys(item, items, `${path}/${i}`));
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const declared = all.map((s) => s.properties?.[key]).filter(Boolean);
    return declared.length === 0 ? [`${path}/${key}`] : undeclaredKeys(child, declared, `${path}/${key}`);
  });
}

// The older getTasks page mis-masks one user id (13 characters in its last group). Opaque ids (prefix and character
// set only) accept it; an id pattern that counts digits refuses it there and nowhere else.
const MISMASKED_USER_ID = 'u-320fa237-51be-5c46-a046-14e97c770xxxx';
const userIdAcceptsMisMask = new RegExp(deref(bundle.components.schemas.UserId).pattern).test(MISMASKED_USER_ID);

describe('the family in the contract', () => {
  it.each(FAMILY)('$operationId: POST $path, its tag, auth, accountId header and error responses', (f) => {
    const operation = operationOf(f);
    expect(operation.operationId).toBe(f.operationId);
    expect(operation.tags).toEqual([f.tag]);
    expect(operation.security).toEqual([{ jwtAuth: [] }]);
    const parameters = [...(bundle.paths[BASE + f.path].parameters ?? []), ...(operation.parameters ?? [])].map(deref);
    const accountId = parameters.find((p: Json) => p.in === 'header' && p.name === 'accountId');
    expect(accountId?.required).toBe(f.accountIdRequired);
    const inPath = parameters.filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
    expect(inPath).toEqual(['streamId', ...(f.pathParameter ? [f.pathParameter] : [])]);
    for (const status of ['400', '401', '403', '404', '413', '415', '429', '500', '503']) {
      expect(operation.responses[status]?.$ref, status).toMatch(/^#\/components\/responses\//);
    }
  });

  it.each(ADDED)('$operationId: the 200 is inferred, its body schema documented', (f) => {
    const ok = operationOf(f).responses['200'];
    expect(ok['x-provenance']).toBe('inferred');
    expect(deref(ok.content['application/json'].schema)['x-provenance']).toBe('documented');
  });

  it('links each create to what follows it, by ids taken from its answer', () => {
    const links = (f: string) => operationOf(FAMILY.find((x) => x.operationId === f)!).responses['200'].links;
    expect(links('createCase').createTask.requestBody).toContain('{$response.body#/_id}');
    expect(links('createCase').createTask.requestBody).toContain('{$response.body#/refId}');
    expect(links('createCase').updateCase.parameters.caseId).toBe('$response.body#/_id');
    expect(links('createTask').updateTask.parameters.taskId).toBe('$response.body#/_id');
    expect(Object.keys(links('createTask'))).toEqual(['updateTask', 'getTasks']);
    const ids = new Set(FAMILY.map((f) => f.operationId));
    for (const f of FAMILY) {
      for (const [name, link] of Object.entries<Json>(links(f.operationId) ?? {})) {
        expect(ids.has(link.operationId), `${f.operationId} -> ${name}`).toBe(true);
      }
    }
  });
});

describe("openapi-generator's client", () => {
  it('has a method for each of the six operations, by tag', () => {
    const methods = (api: object) => Object.getOwnPropertyNames(api).filter((m) => !m.endsWith('Raw') && m !== 'constructor');
    expect(methods(CasesApi.prototype).sort()).toEqual(['createCase', 'getCases', 'updateCase']);
    expect(methods(TasksApi.prototype).sort()).toEqual(['createTask', 'getTasks', 'updateTask']);
  });
});

describe('every documented request sample validates against its operation', () => {
  it.each(FAMILY)('$operationId: $request.fixture', (f) => {
    const validate = requestValidator(f);
    expect(validate(fixture(f.request.fixture)), errorsOf(validate)).toBe(true);
  });
});

describe('every documented response sample, current and older, validates against the 200 schema', () => {
  const cases = FAMILY.flatMap((f) => Object.keys(f.responses).map((file) => ({ ...f, file })));

  it.each(cases)('$operationId: $file', ({ file, ...f }) => {
    const validate = responseValidator(f);
    const ok = validate(fixture(file));
    if (fixtureText(file).includes(MISMASKED_USER_ID) && !userIdAcceptsMisMask) {
      expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/results/0/createdBy/_id pattern']);
    } else {
      expect(ok, errorsOf(validate)).toBe(true);
    }
  });

  it.each(cases)('$operationId: every key of $file is declared', ({ file, ...f }) => {
    const body = fixture(file);
    const schema = operationOf(f).responses['200'].content['application/json'].schema;
    // A case carries one top-level key per custom field, named after it: no schema can name those in advance.
    const customFields = new Set((body.fields ?? []).filter((x: Json) => x.type === 'custom').map((x: Json) => `/${x.displayName}`));
    expect(undeclaredKeys(body, [schema]).filter((k) => !customFields.has(k))).toEqual([]);
  });

  it("updateTask's page text is not JSON; the fixture tests use is it without the `...` line", () => {
    const page = fixtureText('updateTask.response.page.txt');
    expect(() => JSON.parse(page)).toThrow(SyntaxError);
    const withoutEllipsis = page
      .split('\n')
      .filter((line) => line.trim() !== '...')
      .join('\n');
    expect(withoutEllipsis).toBe(fixtureText('updateTask.response.json'));
  });
});

/**
 * How an example differs from the page's sample beyond the page's masking: an id or number whose last four
 * characters the page shows as `xxxx` (the example has four hexadecimal digits there) and the `{{accountId}}`
 * placeholder (the example has an account id). Anything else is listed.
 */
function unmaskedDifferences(example: Json, sample: Json, path = '$'): string[] {
  if (typeof sample === 'string' && typeof example === 'string') {
    if (sample === example) return [];
    const filled = sample.endsWith('xxxx') && example.length === sample.length && example.startsWith(sample.slice(0, -4));
    if (filled && /[0-9a-f]{4}$/.test(example)) return [];
    if (sample === '{{accountId}}' && validatorAt('/components/schemas/AccountId')(example)) return [];
    return [`${path}: ${JSON.stringify(example)} is not the page's ${JSON.stringify(sample)}`];
  }
  if (sample && example && typeof sample === 'object' && typeof example === 'object') {
    const keys = new Set([...Object.keys(sample), ...Object.keys(example)]);
    return [...keys].flatMap((key) => unmaskedDifferences(example[key], sample[key], `${path}.${key}`));
  }
  return Object.is(sample, example) ? [] : [`${path}: ${JSON.stringify(example)} is not the page's ${JSON.stringify(sample)}`];
}

describe("the contract's examples are the documented samples, their masks filled in", () => {
  const examples = bundle.components.examples;
  it.each(ADDED)('$operationId', (f) => {
    expect(unmaskedDifferences(examples[f.request.example].value, fixture(f.request.fixture))).toEqual([]);
    for (const [file, example] of Object.entries(f.responses)) {
      const differences = unmaskedDifferences(examples[example].value, fixture(file));
      // The one difference beyond masks: the mis-masked id is given the shape of its neighbours.
      const expected = fixtureText(file).includes(MISMASKED_USER_ID) ? ['$.results.0.createdBy._id'] : [];
      expect(
        differences.map((d) => d.split(':')[0]),
        example,
      ).toEqual(expected);
    }
  });

  it('no example of the family shows a mask or a placeholder (the docs and the mock serve them)', () => {
    const names = ADDED.flatMap((f) => [f.request.example, ...Object.values(f.responses)]);
    expect(JSON.stringify(names.map((name) => examples[name].value))).not.toMatch(/xxxx|\{\{/);
  });

  it('would notice an example that differs from the page beyond its masks', () => {
    const sample = fixture('createCase.request.json');
    expect(unmaskedDifferences({ ...sample, source: 'email' }, sample)).toEqual(['$.source: "email" is not the page\'s "rtm"']);
    expect(unmaskedDifferences({ ...sample, caseTmp: sample.caseTmp.replace('xxxx', 'zzzz') }, sample)).toHaveLength(1);
  });
});

describe('named requests', () => {
  const sampleOf = (op: string): Json => fixture(FAMILY.find((f) => f.operationId === op)!.request.fixture);
  const verdict = (op: string, body: Json) => requestValidator(FAMILY.find((f) => f.operationId === op)!)(body);
  const without = (body: Json, key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
  const createCase = sampleOf('createCase');

  const valid: [string, string, Json][] = [
    ['createCase', 'customer by top-level emailId only', { ...without(without(createCase, 'phoneNumber'), 'userInfo'), userInfo: { name: 'John' } }],
    ['createCase', 'customer by top-level phoneNumber only', { ...without(createCase, 'emailId'), userInfo: {} }],
    ['createCase', 'customer by userInfo._id only', without(without(createCase, 'emailId'), 'phoneNumber')],
    ['getCases', 'no filter', {}],
    ['getCases', 'sortBy as the table types it (a field name)', { sortBy: 'createdDate', mycase: true }],
    ['getTasks', 'the table’s mycase instead of the sample’s mytask', { mycase: true, skip: 50, limit: 50 }],
    ['updateCase', 'one field', { name: 'case two' }],
    ['updateTask', 'nothing to change', {}],
  ];
  it.each(valid)('%s accepts: %s', (op, _name, body) => {
    expect(verdict(op, body)).toBe(true);
  });

  const invalid: [string, string, Json][] = [
    ...['caseTmp', 'name', 'desc', 'userInfo', 'source', 'dueDate'].map(
      (field) => ['createCase', `missing ${field}`, without(createCase, field)] as [string, string, Json],
    ),
    [
      'createCase',
      'no customer identifier (no userInfo._id, emailId or phoneNumber)',
      { ...without(without(createCase, 'emailId'), 'phoneNumber'), userInfo: { name: 'John' } },
    ],
    ['createCase', 'dueDate in epoch ms (createCase takes an ISO string)', { ...createCase, dueDate: 1748491380000 }],
    [
      'createCase',
      'emailId inside userInfo only (top-level here)',
      { ...without(without(createCase, 'emailId'), 'phoneNumber'), userInfo: { name: 'John', emailId: 'john.doe@example.com' } },
    ],
    ['createCase', 'userInfo a string', { ...createCase, userInfo: 'John' }],
    ['getCases', 'mycase a string', { mycase: 'true' }],
    ['getCases', 'priority a string, not an array', { priority: 'Medium' }],
    ['getCases', 'startDate not a date', { startDate: 'yesterday' }],
    ['getCases', 'sortBy a number', { sortBy: 1 }],
    ['updateCase', 'dueDate an ISO string (updateCase takes ms)', { dueDate: '2026-09-04T14:15:00.000Z' }],
    ['updateCase', 'name a number', { name: 42 }],
    ['updateCase', 'status a string, not an object', { status: 'Open' }],
    ['updateCase', 'isActive a string', { isActive: 'yes' }],
    ['getTasks', 'skip a string', { ...sampleOf('getTasks'), skip: '0' }],
    ['getTasks', 'mytask a string', { ...sampleOf('getTasks'), mytask: 'false' }],
    ['getTasks', 'status a string, not an array', { ...sampleOf('getTasks'), status: 'In-Progress' }],
    ['getTasks', 'sortBy an array', { ...sampleOf('getTasks'), sortBy: ['dueDate'] }],
    ['updateTask', 'name a number', { name: 42 }],
    ['updateTask', 'userInfo a string', { userInfo: 'John' }],
    ['updateTask', 'timestampValue an ISO string', { timestampValue: '2025-06-04T10:18:00.725Z' }],
  ];
  it.each(invalid)('%s refuses: %s', (op, _name, body) => {
    expect(verdict(op, body)).toBe(false);
  });
});

describe('the Prism mock serves the family', () => {
  const mockUrl = useMock();
  const call = (path: string, body: Json, headers: Record<string, string> = {}) =>
    fetch(`${mockUrl()}${BASE.replace('{streamId}', 'st-084d3c5e-376a-559f-9987-a012bb2b61c7')}${path}`, {
      method: 'POST',
      // A header given as '' is not sent at all.
      headers: Object.fromEntries(
        Object.entries({ 'content-type': 'application/json', auth: 'any.jwt.token', ...headers }).filter(([, v]) => v !== ''),
      ),
      body: JSON.stringify(body),
    });

  it('getTasks with a token and an accountId answers 200 with the page’s example', async () => {
    const response = await call('getTasks', fixture('getTasks.request.json'), { accountId: '6639f7bd58c97ffac03b7e21' });
    expect(response.status).toBe(200);
    expect(unmaskedDifferences(await response.json(), fixture('getTasks.response.json'))).toEqual([]);
  });

  it('getTasks without its required accountId header is refused', async () => {
    const response = await call('getTasks', {});
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it.each(FAMILY)('$operationId without a token is refused with 401', async (f) => {
    const path = f.path.replace('{caseId}', 'ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4a61c7').replace('{taskId}', 'ti-73acd32-0123-4114-9891-00a950aa8c15');
    const response = await call(path, fixture(f.request.fixture), { auth: '', accountId: '6639f7bd58c97ffac03b7e21' });
    expect(response.status).toBe(401);
  });

  it('updateCase and createCase answer their examples', async () => {
    const update = await call('updateCase/ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4a61c7', { name: 'case two' }, { accountId: '6639f7bd58c97ffac03b7e21' });
    expect(update.status).toBe(200);
    expect(unmaskedDifferences(await update.json(), fixture('updateCase.response.json'))).toEqual([]);
    const create = await call('createCase', fixture('createCase.request.json'));
    expect(create.status).toBe(200);
    expect(unmaskedDifferences(await create.json(), fixture('createCase.response.json'))).toEqual([]);
  });
});
