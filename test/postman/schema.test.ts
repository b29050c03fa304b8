/**
 * The schemas embedded in the collection's tests: self-contained, and refused when the Postman sandbox's Ajv 6
 * (a draft-07 reader) would not apply them as the contract means them.
 */
import { describe, expect, it } from 'vitest';
import { selfContainedSchema } from '../../scripts/lib/postman-schema.js';
import { bundle } from '../helpers/contract.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const contractWith = (schemas: Record<string, unknown>) => ({ components: { schemas } });

describe('selfContainedSchema', () => {
  it('carries every component the schema reaches, as definitions, without annotations', () => {
    const schema = selfContainedSchema(bundle, ref('Task'));
    expect(schema.$ref).toBe('#/definitions/Task');
    expect(Object.keys(schema.definitions)).toEqual(
      expect.arrayContaining(['Task', 'TaskStatus', 'TaskField', 'TaskFieldMetaData', 'StatusId', 'Actor', 'UserId']),
    );
    const text = JSON.stringify(schema);
    expect(text).not.toContain('#/components/');
    expect(schema.definitions.Task).not.toHaveProperty('description');
    expect(schema.definitions.UserId).toEqual({ type: 'string', pattern: bundle.components.schemas.UserId.pattern });
    // A property that happens to be named like an annotation is kept.
    expect(schema.definitions.TaskFieldMetaData.properties.description).toEqual({ type: 'string' });
    expect(schema.definitions.Task.required).toContain('refId');
  });

  it('refuses a keyword Ajv 6 would read differently or ignore', () => {
    const contract = contractWith({ A: { type: 'object', unevaluatedProperties: false } });
    expect(() => selfContainedSchema(contract, ref('A'))).toThrow('#/components/schemas/A: keyword "unevaluatedProperties"');
  });

  it('refuses a format Ajv 6 does not know, and a reference it cannot embed', () => {
    expect(() => selfContainedSchema(contractWith({ A: { type: 'string', format: 'duration' } }), ref('A'))).toThrow('format "duration"');
    expect(() => selfContainedSchema(contractWith({}), { $ref: 'other.json#/A' })).toThrow('only #/components/schemas/');
    expect(() => selfContainedSchema(contractWith({}), ref('Missing'))).toThrow('Missing is referenced but not defined');
  });

  it('keeps enum and const values as data', () => {
    const schema = selfContainedSchema(contractWith({ A: { const: { description: 'x' }, enum: [{ title: 'y' }] } }), ref('A'));
    expect(schema.definitions.A).toEqual({ const: { description: 'x' }, enum: [{ title: 'y' }] });
  });
});
