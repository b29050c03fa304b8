/**
 * Severity from provenance on hand-made specs: the markers as the convention places them (docs/contract-decisions.md)
 * and the defaults where none is written. Also ids are opaque (KORE_* variables of other shapes are accepted) and
 * the generated bundle is judged the same way.
 */
import { describe, expect, it } from 'vitest';
import { provenanceReader, type ProvenanceReader } from './provenance.js';
import { severity } from './severity.js';
import { idShapeDifferences } from './id-shapes.js';
import { bundle, plausibleId, specOf } from './spec.js';

const { provenance } = specOf('createTask');
import { malformedLiveVariables } from './targets/live.js';

const bodySeverity = (p: ProvenanceReader, status: number, keyword: string, path: string) => severity({ about: 'body', status, keyword, path }, p);
const path = '/tasks';
const task = {
  type: 'object',
  required: ['_id', 'status', 'createdAt'],
  properties: {
    _id: { $ref: '#/components/schemas/TaskId', 'x-provenance': 'documented' },
    status: { type: 'object', required: ['name'], properties: { name: { type: 'string', enum: ['open'], 'x-provenance': 'documented' } } },
    createdAt: { type: 'string', format: 'date-time' },
    internal: { type: 'object', 'x-provenance': 'inferred', properties: { rev: { type: 'integer' } } },
  },
};
const doc = (marked: boolean) => ({
  paths: {
    [path]: {
      post: {
        responses: {
          '200': {
            ...(marked ? { 'x-provenance': 'inferred' } : {}),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Task', ...(marked ? { 'x-provenance': 'documented' } : {}) } } },
          },
          '400': { $ref: '#/components/responses/BadRequest' },
          '429': {
            description: 'limited',
            headers: { 'Retry-After': { schema: { type: 'integer' } }, 'X-Limit': { 'x-provenance': 'documented', schema: { type: 'integer' } } },
          },
        },
      },
    },
  },
  components: {
    responses: {
      BadRequest: {
        ...(marked ? { 'x-provenance': 'inferred' } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
      },
    },
    schemas: {
      Task: task,
      TaskId: { type: 'string', pattern: '^ti-[A-Za-z0-9-]+$', 'x-provenance': 'inferred' },
      ErrorEnvelope: { type: 'object', required: ['errors'], properties: { errors: { type: 'array' } } },
    },
  },
});

describe.each([
  ['with the markers the convention places', true],
  ['with no marker at all (the defaults)', false],
])('provenance %s', (_name, marked) => {
  const p = provenanceReader(doc(marked), path);
  it('a documented field missing or of another type is breaking, at any depth and through $ref', () => {
    expect(bodySeverity(p, 200, 'required', '/_id')).toBe('breaking');
    expect(bodySeverity(p, 200, 'type', '/_id')).toBe('breaking');
    expect(bodySeverity(p, 200, 'required', '/status/name')).toBe('breaking');
  });
  it('a value constraint is inferred unless its own node is marked documented', () => {
    expect(bodySeverity(p, 200, 'pattern', '/_id')).toBe('warning');
    expect(bodySeverity(p, 200, 'format', '/createdAt')).toBe('warning');
    expect(bodySeverity(p, 200, 'enum', '/status/name')).toBe('breaking');
  });
  it('everything under an inferred node is inferred', () => {
    expect(bodySeverity(p, 200, 'type', '/internal/rev')).toBe('warning');
  });
  it('error bodies are inferred; the statuses themselves too', () => {
    expect(bodySeverity(p, 400, 'required', '/errors')).toBe('warning');
    expect(bodySeverity(p, 400, 'type', '')).toBe('warning');
    expect(p.status(200)).toBe('inferred');
  });
  it('response headers are inferred unless marked documented', () => {
    expect(severity({ about: 'header', status: 429, name: 'retry-after' }, p)).toBe('warning');
    expect(severity({ about: 'header', status: 429, name: 'X-Limit' }, p)).toBe('breaking');
  });
  it('an unlisted 2xx, 4xx or 5xx is a warning; a 3xx or 1xx breaking', () => {
    expect([201, 422, 502, 302, 101].map((status) => severity({ about: 'unlisted-status', status }))).toEqual([
      'warning',
      'warning',
      'warning',
      'breaking',
      'breaking',
    ]);
  });
});

describe('an explicit marker wins over the defaults', () => {
  it('an error response marked documented makes its body breaking', () => {
    const d = doc(false);
    (d.components.responses.BadRequest as Record<string, unknown>)['x-provenance'] = 'documented';
    expect(bodySeverity(provenanceReader(d, path), 400, 'required', '/errors')).toBe('breaking');
  });
  it('a 200 body schema left unmarked under an inferred 200 is inferred (inheritance)', () => {
    const d = doc(true);
    delete (d.paths[path].post.responses['200'].content['application/json'].schema as Record<string, unknown>)['x-provenance'];
    expect(bodySeverity(provenanceReader(d, path), 200, 'type', '/createdAt')).toBe('warning');
  });
});

describe('the generated bundle, read the same way', () => {
  it('the Task keeps its documented fields breaking and its value constraints warnings', () => {
    expect(bodySeverity(provenance, 200, 'required', '/refId')).toBe('breaking');
    expect(bodySeverity(provenance, 200, 'type', '/priority/score')).toBe('breaking');
    expect(bodySeverity(provenance, 200, 'format', '/createdAt')).toBe('warning');
    expect(bodySeverity(provenance, 200, 'pattern', '/_id')).toBe('warning');
    expect(bodySeverity(provenance, 401, 'required', '/errors')).toBe('warning');
  });
});

describe('ids are opaque', () => {
  it.each([
    'ti-1234567-aaaa-bbbb-cccc-1234567890ab',
    'ti-12345678-aaaa-bbbb-cccc-1234567890ab',
    'ti-123456-aaaa-bbbb-cccc-1234567890ab',
    'ti-31d9184-d64d-42d9-8c75-5edba531xxxx',
  ])('a task id %s is plausible (6, 7 or 8 hex digits, masked or not)', (id) => expect(plausibleId('TaskId', id)).toBe(true));
  it('the prefix and the character set still count', () => {
    expect(plausibleId('TaskId', 'ci-12345678-aaaa')).toBe(false);
    expect(plausibleId('CaseId', 'ci-1234567 8')).toBe(false);
    expect(plausibleId('AccountId', '6639f7bd58c97ffac03b1234')).toBe(true);
    expect(plausibleId('AccountId', '6639f7bd58c97ffac03b12345678')).toBe(true);
  });
  it.each([6, 7, 8])('KORE_* ids with %i hex digits in the first group and no mask are accepted', (digits) => {
    const hex = (n: number) => 'a1b2c3d4e5f6a7b8c9d0e1f2'.slice(0, n);
    const uuid = `${hex(digits)}-aaaa-bbbb-cccc-${hex(12)}`;
    const env = {
      KORE_BASE_URL: 'https://platform.kore.ai',
      KORE_STREAM_ID: `st-${uuid}`,
      KORE_CASE_ID: `ci-${uuid}`,
      KORE_CASE_REF_ID: 'CS000131',
      KORE_TASK_TEMPLATE_ID: `ttm-${uuid}`,
      KORE_USER_ID: `u-${uuid}`,
      KORE_ACCOUNT_ID: hex(24),
      KORE_JWT: 'x',
    };
    expect(malformedLiveVariables(env)).toEqual([]);
  });
});

describe('ids shaped unlike the samples', () => {
  const sample = bundle.components.examples.TaskSeedSample.value;
  const task = bundle.components.schemas.Task;
  it('the sample itself, and the same shape unmasked, have no difference', () => {
    expect(idShapeDifferences(sample, task)).toEqual([]);
    expect(idShapeDifferences({ ...sample, _id: sample._id.replace(/x/g, 'a') }, task)).toEqual([]);
  });
  it('a whole UUID after the prefix (8 hex digits in the first group) is no difference: prefix and characters hold', () => {
    const uuid = 'ti-1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    expect(idShapeDifferences({ ...sample, _id: uuid, caseId: 'ci-1b4e28ba-2fa1-11d2-883f-0016d3cca427' }, task)).toEqual([]);
  });
  it('an id in characters no sample uses is named, with its id field and a sample', () => {
    const other = 'ti-Zq9_';
    expect(idShapeDifferences({ ...sample, _id: 'ti-ghijklmnop' }, task)).toEqual([
      { path: '/_id', value: 'ti-ghijklmnop', sample: expect.stringMatching(/^ti-/), idField: 'TaskId' },
    ]);
    expect(idShapeDifferences({ ...sample, _id: other }, task)).toHaveLength(1);
  });
});
