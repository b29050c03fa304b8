// The contract says what the seed page says: its samples are the contract's named examples (their masked id digits
// filled in), and the page's own samples, masks and placeholder included, validate against the schemas too
// (JSON Schema 2020-12, formats on).
import { describe, expect, it } from 'vitest';
import { seedSampleRequest, seedSampleResponse } from '../helpers/seed.js';
import { bundle, deref, validatorFor as validator, type Json } from '../helpers/contract.js';

const examples = bundle.components.examples;

/**
 * Differences between an example and the page's sample that are only the page's masking: an id whose last four
 * digits the page shows as `xxxx` (the example has four hexadecimal digits there) and the `{{accountId}}`
 * placeholder (the example has an account id). Anything else is listed.
 */
function unmaskedDifferences(example: Json, sample: Json, path = '$'): string[] {
  if (typeof sample == 'string' && typeof example == 'string') {
    if (sample == example) return [];
    if (sample.endsWith('xxxx') && example.length == sample.length && example.startsWith(sample.slice(0, -4)) && /[0-9a-f]{4}$/.test(example))
      return [];
    if (sample == '{{accountId}}' && validator('AccountId')(example)) return [];
    return [`${path}: ${JSON.stringify(example)} is not the page's ${JSON.stringify(sample)}`];
  }
  if (sample && example && typeof sample == 'object' && typeof example == 'object') {
    const keys = new Set([...Object.keys(sample), ...Object.keys(example)]);
    return [...keys].flatMap((key) => unmaskedDifferences(example[key], sample[key], `${path}.${key}`));
  }
  return Object.is(sample, example) ? [] : [`${path}: ${JSON.stringify(example)} is not the page's ${JSON.stringify(sample)}`];
}

describe("the seed page's samples", () => {
  it('are the contract’s named examples, their masked id digits filled in', () => {
    expect(unmaskedDifferences(examples.CreateTaskSeedSample.value, seedSampleRequest())).toEqual([]);
    expect(unmaskedDifferences(examples.TaskSeedSample.value, seedSampleResponse())).toEqual([]);
  });

  it('no example shows a mask or a placeholder (the docs and the mock serve them)', () => {
    expect(JSON.stringify(Object.values<Json>(examples).map((e) => e.value))).not.toMatch(/xxxx|\{\{/);
  });

  it('would notice an example that differs from the page beyond its masks', () => {
    const sample = seedSampleRequest() as Json;
    expect(unmaskedDifferences({ ...sample, caseRefId: 'CS000132' }, sample)).toEqual(['$.caseRefId: "CS000132" is not the page\'s "CS000131"']);
    expect(unmaskedDifferences({ ...sample, caseId: sample.caseId.replace('xxxx', 'zzzz') }, sample)).toHaveLength(1);
  });

  // Ids are opaque: their patterns check a prefix and a character set, so the page's own masked samples validate
  // without the mask being written into any pattern (ids.test.ts checks the patterns themselves).
  it('sample request validates against CreateTaskRequest, masks and all', () => {
    const validate = validator('CreateTaskRequest');
    expect(validate(seedSampleRequest()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('sample response validates against Task, masks and placeholder and all', () => {
    const validate = validator('Task');
    expect(validate(seedSampleResponse()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('every key of the sample response, at every depth, is declared in Task', () => {
    const undeclared: string[] = [];
    const walk = (value: Json, schema: Json, path: string) => {
      schema = deref(schema);
      if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, schema.items, `${path}[${i}]`));
      } else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          const declared = schema.properties?.[key];
          if (!declared) undeclared.push(`${path}.${key}`);
          else walk(child, declared, `${path}.${key}`);
        }
      }
    };
    walk(seedSampleResponse(), { $ref: '#/components/schemas/Task' }, 'Task');
    expect(undeclared).toEqual([]);
  });

  it('every field of the sample response is required in Task, so its disappearance is breaking', () => {
    const task = bundle.components.schemas.Task;
    expect([...task.required].sort()).toEqual(Object.keys(seedSampleResponse()).sort());
  });
});

describe('every example in the contract validates against its schema', () => {
  const operation = bundle.paths['/caseManagement/api/public/analytics/{streamId}/createTask'].post;
  const bodies: [string, Json][] = [
    ['request', operation.requestBody.content['application/json']],
    ...Object.entries(operation.responses).map(([status, response]) => [status, deref(response).content['application/json']] as [string, Json]),
  ];
  for (const [where, media] of bodies) {
    for (const [name, example] of Object.entries(media.examples as Record<string, Json>)) {
      it(`${where}: ${name}`, () => {
        const validate = validator(media.schema.$ref.split('/').pop());
        expect(validate(deref(example).value), JSON.stringify(validate.errors)).toBe(true);
      });
    }
  }
});
