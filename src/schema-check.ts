/**
 * A small JSON Schema interpreter for the subset the contract uses (extract.ts refuses anything else).
 * It lists every problem by path instead of stopping at the first, so one error can say all that is wrong.
 * Verdicts agree with Ajv over generated/openapi.json (test/sdk/validator-agreement.test.ts).
 */
import type { Problem } from './errors.js';

export interface Schema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  items?: Schema;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
}

export type Formats = Record<string, (value: unknown) => boolean>;
/** Each operation's answer schema, loaded by its first use (src/schemas/response.ts). */
export type Loaders = Record<string, () => Promise<Schema>>;

// ajv-formats' "email" (full mode), so both validators judge addresses alike.
const email = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const dateTime = /^\d{4}-[01]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
// The family's requests carry dates (list filters) and integers (updates) as its answers do: one set of checkers.
export const formats: Formats = {
  email: (v) => typeof v != 'string' || email.test(v),
  'date-time': (v) => typeof v != 'string' || (dateTime.test(v) && !Number.isNaN(Date.parse(v))),
  int64: (v) => typeof v != 'number' || Number.isInteger(v), // as ajv-formats: every JS integer fits
  int32: (v) => typeof v != 'number' || (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31),
};

const typeOf = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
const isType = (v: unknown, t: string) => typeOf(v) == t || (t == 'number' && typeOf(v) == 'integer');
const article = (t: string) => (/^[aeiou]/.test(t) ? 'an ' : 'a ') + t;
const codePoints = (s: string) => [...s].length;
const regexps = new Map<string, RegExp>();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const or = (names: string[]) => names.slice(0, -1).join(', ') + (names.length > 1 ? ' or ' : '') + names.at(-1);

/** Appends every problem of `value` against `schema` to `out`; `path` is "" at the root. */
export function check(schema: Schema, value: unknown, formats: Formats, path = '', out: Problem[] = []): Problem[] {
  const at = (message: string) => out.push({ path: path || '(body)', message });
  const type = schema.type;
  if (type !== undefined && !(typeof type == 'string' ? isType(value, type) : type.some((t) => isType(value, t)))) {
    at(`must be ${or(([] as string[]).concat(type).map(article))}`);
    return out; // the other rules of this schema say nothing useful about a value of the wrong type
  }
  if ('const' in schema && !same(value, schema.const)) at(`must be ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((e) => same(value, e)))
    at(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof value == 'string') {
    // lengths count code points, as JSON Schema does: between half and all of the UTF-16 length, so most
    // strings are judged without counting
    if (schema.minLength !== undefined && value.length < 2 * schema.minLength && codePoints(value) < schema.minLength)
      at(schema.minLength == 1 ? 'must not be empty' : `must have at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength && codePoints(value) > schema.maxLength)
      at(`must have at most ${schema.maxLength} characters`);
    if (schema.pattern !== undefined) {
      let re = regexps.get(schema.pattern);
      if (!re) regexps.set(schema.pattern, (re = new RegExp(schema.pattern, 'u')));
      if (!re.test(value)) at(`must match ${schema.pattern}`);
    }
  }
  if (typeof value == 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) at(`must be >= ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) at(`must be <= ${schema.maximum}`);
  }
  if (schema.format && !formats[schema.format]?.(value)) at(`must be ${article(schema.format)}`);
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => check(schema.items!, item, formats, `${path}[${i}]`, out));
  if (typeOf(value) == 'object') {
    const obj = value as Record<string, unknown>;
    const prefix = path ? `${path}.` : '';
    if (schema.minProperties !== undefined && Object.values(obj).filter((v) => v !== undefined).length < schema.minProperties)
      at(`must have at least ${schema.minProperties} ${schema.minProperties == 1 ? 'property' : 'properties'}`);
    // undefined is absent: JSON.stringify leaves it out of the body that is sent
    for (const name of schema.required ?? []) if (obj[name] === undefined) out.push({ path: prefix + name, message: 'is required' });
    for (const name in obj) {
      const v = obj[name];
      if (v === undefined || !Object.hasOwn(obj, name)) continue;
      const sub = schema.properties?.[name] ?? schema.additionalProperties;
      if (sub === false) out.push({ path: prefix + name, message: 'is not allowed' });
      else if (sub && sub !== true) check(sub, v, formats, prefix + name, out);
    }
  }
  for (const sub of schema.allOf ?? []) check(sub, value, formats, path, out);
  if (schema.anyOf && !schema.anyOf.some((sub) => check(sub, value, formats, path).length == 0)) {
    const keys = schema.anyOf.map((sub) => sub.required ?? []);
    at(keys.every((k) => k.length == 1) ? `must have ${or(keys.flat())}` : 'must match one of its allowed forms');
  }
  return out;
}
