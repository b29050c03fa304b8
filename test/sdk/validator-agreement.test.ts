/**
 * The SDK's small validator (src/schema-check.ts, compiled from data extracted from generated/openapi.json) must judge
 * bodies exactly as a full JSON Schema validator judges them against the contract: Ajv 2020 + ajv-formats over
 * the bundled generated/openapi.json. fast-check explores valid bodies, near misses and garbage.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json';
import { compile, formats } from '../../src/schema-check.js';
import { extractSchema } from '../../src/schemas/extract.js';
import requestSchemas from '../../src/schemas/request.js';
import responseLoaders from '../../src/schemas/response.js';

// each operation's answer schema, as its loader gives it (in the build, one chunk per operation)
const responseSchemas = Object.fromEntries(
  await Promise.all(Object.entries(responseLoaders).map(async ([op, load]) => [op, (await load()).default] as const)),
);

const requestSchema = requestSchemas.createTask!;
const checkRequest = compile(requestSchema);
const checkTask = compile(responseSchemas.createTask!);
import { validatorFor as ajv } from '../helpers/contract.js';
import { sampleBody, sampleTask } from './helpers.js';

const schemas = spec.components.schemas;
const pattern = (name: keyof typeof schemas) => new RegExp((schemas[name] as { pattern: string }).pattern);

/** A value for a field: a contract-conforming one (from the pattern), a near miss, or something else entirely. */
const fieldValue = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 30, arbitrary: valid },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'xxxx', 'ci-', 'CS', 'u-FD371C0A-3168-5A02-83DD-F4BA5597XXXX', 'a@b', 'a@b.c') },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 })),
    },
  );

const matching = (name: keyof typeof schemas) => fc.stringMatching(pattern(name));
const email = fc.oneof(fc.emailAddress(), fc.constantFrom('dummy@mailinator.com', 'a.b@c-d.io', 'x@localhost', 'no-at-sign', 'two@@signs.com'));
const nonEmpty = fc.string({ minLength: 1, maxLength: 20 });

const userInfo = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      { _id: fieldValue(matching('UserId')), name: fieldValue(nonEmpty), emailId: fieldValue(email), phoneNumber: fieldValue(nonEmpty) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

const fields = {
  caseId: fieldValue(matching('CaseId')),
  caseRefId: fieldValue(matching('CaseRefId')),
  taskTmp: fieldValue(matching('TaskTemplateId')),
  // lengths at the contract's limits, counted in code points (an emoji is 2 UTF-16 units, 1 character)
  name: fieldValue(fc.oneof(nonEmpty, fc.constantFrom('n'.repeat(1024), 'n'.repeat(1025), '😀'.repeat(1024), '😀'.repeat(1025)))),
  desc: fieldValue(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('d'.repeat(10_000), 'd'.repeat(10_001), '😀'.repeat(10_000)))),
  source: fieldValue(nonEmpty),
  userInfo,
  extra: fc.anything({ maxDepth: 1 }),
};
const required = ['caseId', 'caseRefId', 'taskTmp', 'source', 'userInfo'] as const;

const body = fc.oneof(
  { weight: 15, arbitrary: fc.record(fields, { requiredKeys: [...required] }) }, // mostly complete bodies
  { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) }, // fields missing at random
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) }, // not even an object, often
);

describe('the SDK validator agrees with Ajv over the contract', () => {
  it('on CreateTaskRequest bodies: the same verdict for every generated body', () => {
    const validate = ajv('CreateTaskRequest');
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(body, (b) => {
        const ours = checkRequest(b).length == 0;
        expect(ours).toBe(validate(b));
        ours ? valid++ : invalid++;
      }),
      { numRuns: 3000 },
    );
    // both verdicts must be well represented, or the agreement would prove little
    expect(valid).toBeGreaterThan(150);
    expect(invalid).toBeGreaterThan(150);
  });

  it("on the contract's own examples", () => {
    for (const [name, example] of Object.entries(spec.components.examples)) {
      if (!name.startsWith('CreateTask')) continue;
      expect(checkRequest(example.value), name).toEqual([]);
      expect(ajv('CreateTaskRequest')(example.value), name).toBe(true);
    }
    expect(checkRequest(sampleBody)).toEqual([]);
  });

  it('on Task responses: the sample and single-field mutations of it', () => {
    const validate = ajv('Task');
    expect(checkTask(sampleTask)).toEqual([]);
    const keys = Object.keys(sampleTask);
    const mutation = fc.record({
      key: fc.constantFrom(...keys),
      how: fc.constantFrom('delete', 'replace'),
      value: fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom('', 'TS1', '2025-06-04T10:18:00.725Z', 'TASK', 1.5, [], {})),
    });
    fc.assert(
      fc.property(mutation, ({ key, how, value }) => {
        const task: Record<string, unknown> = structuredClone(sampleTask) as never;
        if (how == 'delete') delete task[key];
        else task[key] = value;
        expect(checkTask(task).length == 0).toBe(validate(task));
      }),
      { numRuns: 1000 },
    );
  });
});

/** A JSON body of the contract: its schema by $ref and its examples by $ref. */
interface ContractMedia {
  schema: { $ref: string };
  examples?: Record<string, { $ref: string }>;
}
interface ContractOperation {
  operationId?: string;
  requestBody: { content: { 'application/json': ContractMedia } };
  responses: { '200': { content: { 'application/json': ContractMedia } } };
}

const lastSegment = (ref: string) => ref.split('/').pop()!;
const exampleValues = spec.components.examples as Record<string, { value: unknown }>;

/** The family's operations: each one's request and success schema names and its examples, as the contract gives them. */
const familyOperations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item as Record<string, unknown>)
    .filter((op): op is ContractOperation => (op as ContractOperation)?.operationId !== undefined)
    .map((op) => {
      const request = op.requestBody.content['application/json'];
      const response = op.responses['200'].content['application/json'];
      const name = (m: ContractMedia) => lastSegment(m.schema.$ref);
      const examples = (m: ContractMedia) => Object.values(m.examples ?? {}).map((e) => exampleValues[lastSegment(e.$ref)]!.value);
      return {
        id: op.operationId as string,
        request: name(request),
        response: name(response),
        requestExamples: examples(request),
        responseExamples: examples(response),
      };
    }),
);

describe('the SDK validator agrees with Ajv on every operation of the family', () => {
  it('covers the six operations, each with its examples', () => {
    expect(familyOperations.map((o) => o.id).sort()).toEqual(['createCase', 'createTask', 'getCases', 'getTasks', 'updateCase', 'updateTask']);
    for (const o of familyOperations) expect([o.id, o.requestExamples.length > 0, o.responseExamples.length > 0]).toEqual([o.id, true, true]);
  });

  it.each(familyOperations.map((o) => [o.id, o] as const))('%s: its examples pass, and single-field mutations get the same verdict', (_, o) => {
    for (const [which, name, values] of [
      ['request', o.request, o.requestExamples],
      ['response', o.response, o.responseExamples],
    ] as const) {
      const ours = compile((which == 'request' ? requestSchemas : responseSchemas)[o.id]!);
      const validate = ajv(name);
      for (const value of values) {
        expect(ours(value), `${o.id} ${which} example`).toEqual([]);
        expect(validate(value)).toBe(true);
      }
      const example = values[0] as Record<string, unknown>;
      const mutation = fc.record({
        key: fc.constantFrom(...Object.keys(example), 'skip', 'sortBy', 'startDate', 'hasMore', 'results'),
        value: fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.constantFrom(undefined, '', 'x', -1, 1.5, 0, [], {}, ['x'], { a: 'desc' }, '2025-05-26T18:30:00.000Z', 'yesterday'),
        ),
      });
      let invalid = 0;
      fc.assert(
        fc.property(mutation, ({ key, value }) => {
          const mutated = { ...structuredClone(example), [key]: value };
          if (value === undefined) delete mutated[key];
          const passes = ours(mutated).length == 0;
          expect(passes, `${o.id} ${which} with ${key}: ${JSON.stringify(value)}`).toBe(validate(mutated));
          if (!passes) invalid++;
        }),
        { numRuns: 300 },
      );
      expect(invalid, `${o.id} ${which}: some mutations must break the contract`).toBeGreaterThan(10);
    }
  });
});

describe('the extracted schema data', () => {
  it('inlines $refs and keeps only what the validator interprets', () => {
    expect(JSON.stringify(requestSchema)).not.toContain('$ref');
    expect(JSON.stringify(requestSchema)).not.toContain('description');
  });

  it('refuses a keyword the validator does not interpret, so no rule is silently skipped', () => {
    const spec = { components: { schemas: { A: { type: 'object', properties: { b: { type: 'string', multipleOf: 2 } } } } } };
    expect(() => extractSchema(spec, 'A', formats)).toThrow(/keyword "multipleOf" at #\/components\/schemas\/A\/properties\/b/);
    const unknownFormat = { components: { schemas: { A: { type: 'string', format: 'uuid' } } } };
    expect(() => extractSchema(unknownFormat, 'A', formats)).toThrow(/format "uuid" at #\/components\/schemas\/A has no checker/);
    const withDate = { components: { schemas: { A: { type: 'string', format: 'date-time' } } } };
    expect(() => extractSchema(withDate, 'A', { email: () => true })).toThrow(/format "date-time" .* has no checker/);
    expect(extractSchema(withDate, 'A', formats)).toEqual({ type: 'string', format: 'date-time' });
  });

  it('leaves out items and additionalProperties that allow anything, as their absence does', () => {
    const open = { type: 'object', additionalProperties: true, properties: { a: { type: 'array', items: { description: 'any' } } } };
    expect(extractSchema({ components: { schemas: { A: open } } }, 'A', formats)).toEqual({ type: 'object', properties: { a: { type: 'array' } } });
    const closed = { type: 'object', additionalProperties: false, properties: { a: { type: 'array', items: { type: 'string' } } } };
    expect(extractSchema({ components: { schemas: { A: closed } } }, 'A', formats)).toEqual(closed);
    expect(JSON.stringify(requestSchemas)).not.toMatch(/"items":\{\}|"additionalProperties":true/);
  });

  it('refuses what the validator dropped because the contract never uses it: maximum, int32, int64 off an integer, a list of types or a type JSON Schema lacks', () => {
    const schema = (a: object) => ({ components: { schemas: { A: a } } });
    expect(() => extractSchema(schema({ type: 'integer', maximum: 9 }), 'A', formats)).toThrow(/keyword "maximum" at #\/components\/schemas\/A /);
    expect(() => extractSchema(schema({ type: 'integer', format: 'int32' }), 'A', formats)).toThrow(/format "int32" .* has no checker/);
    expect(() => extractSchema(schema({ type: 'number', format: 'int64' }), 'A', formats)).toThrow(/format "int64" .* has no checker/);
    expect(extractSchema(schema({ type: 'integer', format: 'int64', minimum: 0 }), 'A', formats)).toEqual({ type: 'integer', minimum: 0 });
    expect(() => extractSchema(schema({ type: 'date' }), 'A', formats)).toThrow(
      /type "date" at #\/components\/schemas\/A is not one JSON Schema type/,
    );
    expect(() => extractSchema(schema({ type: ['string', 'null'] }), 'A', formats)).toThrow(
      /type \["string","null"\] .* is not one JSON Schema type/,
    );
    expect(() => extractSchema(schema({ type: 'constructor' }), 'A', formats)).toThrow(/type "constructor"/);
  });
});

describe('the compiled validator on schemas the contract may grow into', () => {
  const ajv2020 = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv2020);
  const cases: [string, object, unknown[]][] = [
    // a name that Object.prototype also carries is an undeclared property like any other
    [
      'closed object',
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      [{ a: 'x' }, { constructor: 1 }, { toString: 'x' }, { a: 1 }],
    ],
    ['declared prototype names', { type: 'object', properties: { constructor: { type: 'string' } } }, [{ constructor: 'x' }, { constructor: 1 }]],
    // enum and const compare values, not their JSON (NaN and Infinity are JSON null)
    ['enum of primitives', { enum: [null, 'a', 1] }, [null, NaN, Infinity, 'a', 1, 1.0, '1', [null], { a: 1 }]],
    ['const null', { const: null }, [null, NaN, 0]],
    ['enum of objects', { enum: [{ a: 1 }, [1, 2]] }, [{ a: 1 }, [1, 2], [2, 1], { a: 2 }, 'x']],
    ['typed values of arrays', { type: 'array', items: { type: 'integer', minimum: 0 } }, [[], [0, 1], [1.5], [-1], ['x'], {}]],
  ];
  it.each(cases)('%s: the same verdict as Ajv for each value', (_, schema, values) => {
    const ours = compile(schema);
    const theirs = ajv2020.compile(schema);
    for (const value of values) expect(ours(value).length == 0, JSON.stringify(value)).toBe(theirs(value));
  });

  it('names the path of each problem, nested in objects and arrays', () => {
    const schema = {
      type: 'object',
      properties: { list: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
    };
    expect(compile(schema)({ list: [{ id: 'a' }, { id: 2 }, {}] })).toEqual([
      { path: 'list[1].id', message: 'must be a string' },
      { path: 'list[2].id', message: 'is required' },
    ]);
    expect(compile({ type: 'array', items: { type: 'string' } })([1])).toEqual([{ path: '[0]', message: 'must be a string' }]);
  });
});
