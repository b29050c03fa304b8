// The contract says exactly what the seed page says: its samples are the contract's examples, verbatim, and both
// validate against their schemas (JSON Schema 2020-12, formats on).
import { describe, expect, it } from 'vitest';
import { seedSampleRequest, seedSampleResponse } from '../helpers/seed.js';
import { bundle, deref, validatorFor as validator, type Json } from '../helpers/contract.js';

const examples = bundle.components.examples;

describe("the seed page's samples", () => {
  it('are the contract’s named examples, verbatim', () => {
    expect(examples.CreateTaskSeedSample.value).toEqual(seedSampleRequest());
    expect(examples.TaskSeedSample.value).toEqual(seedSampleResponse());
  });

  it('sample request validates against CreateTaskRequest', () => {
    const validate = validator('CreateTaskRequest');
    expect(validate(seedSampleRequest()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('sample response validates against Task', () => {
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
    ...Object.entries(operation.responses).map(
      ([status, response]) => [status, deref(response).content['application/json']] as [string, Json],
    ),
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
