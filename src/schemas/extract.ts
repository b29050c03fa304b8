/**
 * Turns the contract's schemas into the small, self-contained data the validator interprets: `$ref`s inlined,
 * annotations dropped. An uninterpreted keyword or a format without a checker throws, so no rule is ever skipped.
 */
import { get, operations, refPointer } from '../../scripts/lib/openapi-document.js';
import { typeTests, type Formats, type Schema } from '../schema-check.js';
import { isRecord } from '../values.js';

const interpreted = new Set([
  'type',
  'required',
  'properties',
  'items',
  'pattern',
  'minLength',
  'maxLength',
  'format',
  'allOf',
  'anyOf',
  'const',
  'enum',
  'minimum',
  'additionalProperties',
  'minProperties',
]);
const annotations = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  '$comment',
  'readOnly',
  'writeOnly',
  'externalDocs',
]);

interface Spec {
  components?: { schemas?: Record<string, unknown> };
  paths?: Record<string, unknown>;
}

/**
 * Each operation's request body schema ('request') or success answer schema ('response'), by operationId, as
 * validator data: the contract says which schema an operation takes, so no list of names is kept by hand.
 */
export function operationSchemas(spec: Spec, which: 'request' | 'response', formats: Formats): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const { operationId, operation } of operations(spec)) {
    const content = which == 'request' ? operation.requestBody?.content : operation.responses?.['200']?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema) throw new Error(`extractSchema: ${operationId} has no ${which} schema to validate with`);
    out[operationId] = validatorData(spec, schema, `${operationId} ${which}`, formats);
  }
  return out;
}

/** `formats`: the checkers the schema will be validated with (schema-check.ts: formats). */
export function extractSchema(spec: Spec, name: string, formats: Formats): Schema {
  const schema = spec.components?.schemas?.[name];
  if (schema === undefined) throw new Error(`extractSchema: no schema named ${name}`);
  return validatorData(spec, schema, `#/components/schemas/${name}`, formats);
}

/** A schema with its `$ref`s inlined and its annotations dropped; `where` names it in errors. */
function validatorData(spec: Spec, schema: unknown, where: string, formats: Formats): Schema {
  const resolve = (node: unknown, where: string, depth: number): unknown => {
    if (depth > 32) throw new Error(`extractSchema: ${where} is too deep (a recursive $ref?)`);
    if (Array.isArray(node)) return node.map((n, i) => resolve(n, `${where}/${i}`, depth + 1));
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string') {
      const target = obj.$ref.startsWith('#') ? get(spec, refPointer(obj.$ref)) : undefined;
      if (target === undefined) throw new Error(`extractSchema: cannot resolve ${obj.$ref} at ${where}`);
      return resolve(target, obj.$ref, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) {
      if (annotations.has(key) || key.startsWith('x-')) continue;
      // ajv-formats' int64 takes every JS integer: on an integer it says nothing that the type does not
      if (key === 'format' && value === 'int64' && obj.type === 'integer') continue;
      refuseUnchecked(key, value, where, formats);
      if (key === 'properties') {
        out[key] = Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([p, s]) => [p, resolve(s, `${where}/properties/${p}`, depth + 1)]),
        );
        continue;
      }
      const data = key === 'const' || key === 'enum' || key === 'required' ? value : resolve(value, `${where}/${key}`, depth + 1);
      // `items: {}` and `additionalProperties: true` allow anything, as their absence does: no data to ship
      if ((key === 'items' || key === 'additionalProperties') && allowsAnything(data)) continue;
      out[key] = data;
    }
    return out;
  };
  return resolve(schema, where, 0) as Schema;
}

/** Throws when the validator would not check `key` as the contract means it. */
function refuseUnchecked(key: string, value: unknown, where: string, formats: Formats): void {
  if (!interpreted.has(key)) throw new Error(`extractSchema: keyword "${key}" at ${where} is not interpreted`);
  if (key === 'format' && !Object.hasOwn(formats, value as string))
    throw new Error(`extractSchema: format "${String(value)}" at ${where} has no checker here`);
  // one type per schema, as the contract keeps it (a list of types does not survive the down-conversion for openapi-generator)
  if (key === 'type' && !(typeof value == 'string' && Object.hasOwn(typeTests, value)))
    throw new Error(`extractSchema: type ${JSON.stringify(value)} at ${where} is not one JSON Schema type`);
}

const allowsAnything = (schema: unknown) => schema === true || (isRecord(schema) && Object.keys(schema).length == 0);
