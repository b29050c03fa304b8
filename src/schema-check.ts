/**
 * A small JSON Schema validator for the subset the contract uses (extract.ts refuses anything else). Each schema is
 * compiled once into closures; a check lists every problem by path, so one error says all that is wrong.
 */
import type { Problem } from './errors.js';
import { isRecord } from './values.js';

export interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  items?: Schema;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  format?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
}

export type Formats = Record<string, (value: unknown) => boolean>;
/** Each operation's answer schema, its module loaded by its first use (src/schemas/response.ts). */
export type Loaders = Record<string, () => Promise<{ default: Schema }>>;
/** Every problem of a value, by path; none when it keeps the schema. */
export type Validator = (value: unknown) => Problem[];

// ajv-formats' "email" (full mode), so both validators judge addresses alike.
const email =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const dateTime = /^\d{4}-[01]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
// The family's requests carry dates (list filters) as its answers do: one set of checkers.
export const formats: Formats = {
  email: (v) => typeof v != 'string' || email.test(v),
  'date-time': (v) => typeof v != 'string' || (dateTime.test(v) && !Number.isNaN(Date.parse(v))),
};

/**
 * Appends the problems of `value` to `out`. The value is `parent`'s property or item `key` (no key: `parent` itself,
 * "" at the root): a path is only spelled out for a problem or a container, so a valid body costs no strings.
 */
type Checker = (value: unknown, parent: string, key: Key, out: Problem[]) => void;
type Key = string | number | undefined;

const acceptAll: Checker = () => {};
/** JSON Schema's seven types; extract.ts refuses any other name. */
export const typeTests: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v == 'string',
  number: (v) => typeof v == 'number',
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v == 'boolean',
  object: isRecord,
  array: Array.isArray,
  null: (v) => v === null,
};
const article = (t: string) => (/^[aeiou]/.test(t) ? 'an ' : 'a ') + t;
const codePoints = (s: string) => [...s].length;
const or = (names: string[]) => names.slice(0, -1).join(', ') + (names.length > 1 ? ' or ' : '') + names.at(-1);
const pathOf = (parent: string, key: Key): string =>
  key === undefined ? parent : typeof key == 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
const problem = (parent: string, key: Key, message: string): Problem => ({ path: pathOf(parent, key) || '(body)', message });
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Compiles `schema` once; the validator it gives is then called for every value. */
export function compile(schema: Schema): Validator {
  const checker = compileNode(schema);
  return (value) => {
    const out: Problem[] = [];
    checker(value, '', undefined, out);
    return out;
  };
}

function compileNode(schema: Schema): Checker {
  const steps = [
    ...valueRules(schema),
    itemsStep(schema),
    objectStep(schema),
    ...(schema.allOf ?? []).map((sub) => compileNode(sub)),
    anyOfStep(schema),
  ].filter((step): step is Checker => step !== undefined && step !== acceptAll);
  const rest: Checker =
    steps.length == 0
      ? acceptAll
      : steps.length == 1
        ? steps[0]!
        : (value, parent, key, out) => {
            for (const step of steps) step(value, parent, key, out);
          };
  if (schema.type === undefined) return rest;
  const isType = typeTests[schema.type]!;
  const message = `must be ${article(schema.type)}`;
  // the other rules of a schema say nothing useful about a value of the wrong type
  return (value, parent, key, out) => {
    if (!isType(value)) out.push(problem(parent, key, message));
    else rest(value, parent, key, out);
  };
}

/** A test of equality with one of `values`: primitives as Ajv compares them, anything else by its JSON. */
function equalsOneOf(values: unknown[]): (v: unknown) => boolean {
  if (values.every(isPrimitive)) {
    const set = new Set(values);
    return (v) => set.has(v);
  }
  const json = values.map((e) => JSON.stringify(e));
  return (v) => json.includes(JSON.stringify(v));
}

/** The check of one keyword: `test` passes, or the value gets `message`. */
const rule =
  (test: (v: unknown) => boolean, message: string): Checker =>
  (value, parent, key, out) =>
    void (test(value) || out.push(problem(parent, key, message)));

/** The keywords that judge a value alone, in the order their problems are listed. */
function valueRules(s: Schema): (Checker | undefined)[] {
  const { minLength: min, maxLength: max, pattern, minimum, format } = s;
  const re = pattern === undefined ? undefined : new RegExp(pattern, 'u');
  return [
    'const' in s ? rule(equalsOneOf([s.const]), `must be ${JSON.stringify(s.const)}`) : undefined,
    s.enum && rule(equalsOneOf(s.enum), `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`),
    // lengths count code points, as JSON Schema does: between half and all of the UTF-16 length, so most strings
    // are judged without counting
    min === undefined
      ? undefined
      : rule(
          (v) => typeof v != 'string' || v.length >= 2 * min || codePoints(v) >= min,
          min == 1 ? 'must not be empty' : `must have at least ${min} characters`,
        ),
    max === undefined
      ? undefined
      : rule((v) => typeof v != 'string' || v.length <= max || codePoints(v) <= max, `must have at most ${max} characters`),
    re && rule((v) => typeof v != 'string' || re.test(v), `must match ${pattern}`),
    minimum === undefined ? undefined : rule((v) => typeof v != 'number' || v >= minimum, `must be >= ${minimum}`),
    format ? rule(formats[format] ?? (() => false), `must be ${article(format)}`) : undefined,
  ];
}

function itemsStep(schema: Schema): Checker | undefined {
  const item = schema.items && compileNode(schema.items);
  if (!item || item === acceptAll) return undefined;
  return (value, parent, key, out) => {
    if (!Array.isArray(value)) return;
    const path = pathOf(parent, key);
    for (let i = 0; i < value.length; i++) item(value[i], path, i, out);
  };
}

function objectStep(schema: Schema): Checker | undefined {
  const { minProperties, additionalProperties: additional } = schema;
  const required = schema.required ?? [];
  const declared = new Map(Object.entries(schema.properties ?? {}).map(([name, sub]) => [name, compileNode(sub)]));
  const judged = [...declared].filter(([, c]) => c !== acceptAll);
  const others = additional === false ? undefined : additional && additional !== true ? compileNode(additional) : acceptAll;
  if (!judged.length && others === acceptAll && !required.length && minProperties === undefined) return undefined;
  const fewest = `must have at least ${minProperties} ${minProperties == 1 ? 'property' : 'properties'}`;
  return (value, parent, key, out) => {
    if (!isRecord(value)) return;
    const path = pathOf(parent, key);
    // undefined is absent: JSON.stringify leaves it out of the body that is sent
    if (minProperties !== undefined && Object.values(value).filter((v) => v !== undefined).length < minProperties)
      out.push(problem(path, undefined, fewest));
    for (const name of required) if (value[name] === undefined) out.push(problem(path, name, 'is required'));
    // declared properties by name, so an absent optional one costs one lookup; own ones only, as JSON sends
    for (const [name, check] of judged) {
      const v = value[name];
      if (v !== undefined && Object.hasOwn(value, name)) check(v, path, name, out);
    }
    if (others !== acceptAll) undeclared(value, path, out, declared, others);
  };
}

/** The properties of `value` that its schema does not declare, judged by `additionalProperties` (undefined: refused). */
function undeclared(value: Record<string, unknown>, path: string, out: Problem[], declared: Map<string, Checker>, others: Checker | undefined) {
  for (const name of Object.keys(value)) {
    const v = value[name];
    if (v === undefined || declared.has(name)) continue;
    if (others === undefined) out.push(problem(path, name, 'is not allowed'));
    else others(v, path, name, out);
  }
}

function anyOfStep(schema: Schema): Checker | undefined {
  if (!schema.anyOf) return undefined;
  const branches = schema.anyOf.map((sub) => compileNode(sub));
  const keys = schema.anyOf.map((sub) => sub.required ?? []);
  const message = keys.every((k) => k.length == 1) ? `must have ${or(keys.flat())}` : 'must match one of its allowed forms';
  // each branch is tried on `out` itself, and what it found is taken back
  return (value, parent, key, out) => {
    const before = out.length;
    for (const branch of branches) {
      branch(value, parent, key, out);
      const passed = out.length == before;
      out.length = before;
      if (passed) return;
    }
    out.push(problem(parent, key, message));
  };
}
