/**
 * A response schema made self-contained (`definitions`) for the Postman sandbox's Ajv 6, a draft-07 reader. A keyword
 * that might mean something else there stops the build rather than being skipped by the sandbox.
 */

import type { Json } from './openapi-document.js';

const COMPONENT = '#/components/schemas/';

/** Keywords Ajv 6 applies exactly as JSON Schema 2020-12 does (plus annotations it ignores). */
const SAME_IN_DRAFT_07 = new Set([
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'format',
  '$ref',
]);
/** Annotations (and `x-` extensions): dropped, they only make the collection bigger. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly']);
/** Formats Ajv 6 checks; the others it must be told to ignore (`unknownFormats`): `int64` adds nothing to `integer`. */
const FORMATS_KNOWN = new Set(['date', 'time', 'date-time', 'uri', 'uri-reference', 'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid']);
export const FORMATS_AJV6_IGNORES = ['int64'];

/** Copies a schema without annotations, pointing `$ref`s at `definitions`; collects the components it reaches. */
function strip(schema: Json, where: string, reached: Set<string>): Json {
  if (Array.isArray(schema)) return schema.map((s, i) => strip(s, `${where}/${i}`, reached));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue; // x-provenance and other extensions annotate
    if (!SAME_IN_DRAFT_07.has(key)) throw new Error(`${where}: keyword "${key}" may not mean the same to the Postman sandbox's Ajv 6`);
    if (key == '$ref') {
      if (typeof value != 'string' || !value.startsWith(COMPONENT))
        throw new Error(`${where}: only ${COMPONENT}… references are supported (got ${String(value)})`);
      const name = value.slice(COMPONENT.length);
      reached.add(name);
      out.$ref = `#/definitions/${name}`;
    } else if (key == 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([p, s]) => [p, strip(s, `${where}/properties/${p}`, reached)]));
    } else if (key == 'format' && !FORMATS_KNOWN.has(value as string) && !FORMATS_AJV6_IGNORES.includes(value as string)) {
      throw new Error(`${where}: format "${String(value)}" is unknown to the Postman sandbox's Ajv 6`);
    } else if (key == 'enum' || key == 'const') {
      out[key] = value; // data, not schemas
    } else {
      out[key] = typeof value == 'object' ? strip(value, `${where}/${key}`, reached) : value;
    }
  }
  return out;
}

/** `{ $ref, definitions }` for a `#/components/schemas/…` reference (or an inline schema) of the contract. */
export function selfContainedSchema(contract: Json, schema: Json): Json {
  const reached = new Set<string>();
  const root = strip(schema, 'schema', reached);
  const definitions: Json = {};
  for (const name of reached) {
    // `reached` grows while it is walked: a Set iterates over what is added during the loop.
    const component = contract.components?.schemas?.[name];
    if (!component) throw new Error(`${COMPONENT}${name} is referenced but not defined`);
    definitions[name] = strip(component, `${COMPONENT}${name}`, reached);
  }
  return { ...root, definitions };
}
