/**
 * Compares two JSON Schemas (OpenAPI 3.1 dialect, 3.0's `nullable` understood) from one side of the wire.
 * Every keyword is either judged (types, properties, required, enum, bounds, variants …), treated as an annotation,
 * or, if it changed and the gate does not know it, reported as unclassified (breaking: fail closed).
 */
import type { ChangeLog, Side } from './changes.js';
import { comparePatterns } from './pattern-relation.js';
import { refOf } from '../scripts/lib/openapi-document.js';
import { CONSTRAINTS_PROVENANCE, canonical, flatten, isObject, type Json } from './resolve.js';

export interface SchemaContext {
  base: Json; // the whole base document, for $refs
  head: Json;
  side: Side;
  log: ChangeLog;
}

const ANNOTATIONS = new Set(['description', 'title', '$comment']);
const EXAMPLES = new Set(['example', 'examples']);
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties', 'maxContains'];
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties', 'minContains'];
const HANDLED = new Set([
  ...ANNOTATIONS,
  ...EXAMPLES,
  ...UPPER_BOUNDS,
  ...LOWER_BOUNDS,
  'type',
  'nullable',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'pattern',
  'format',
  'uniqueItems',
  'anyOf',
  'oneOf',
  'default',
  'deprecated',
  '$ref',
  'allOf',
]);

/** `where` ends with the field path inside the schema: pass '' for the schema's root. */
export function diffSchema(ctx: SchemaContext, baseSchema: Json, headSchema: Json, where: string[], stack: string[] = []): void {
  // A recursive schema meets itself again: stop at the second visit of the same pair of references.
  const pair = `${refOf(baseSchema) ?? ''}|${refOf(headSchema) ?? ''}`;
  if (pair != '|' && stack.includes(pair)) return;
  const nextStack = pair == '|' ? stack : [...stack, pair];
  const a = flatten(ctx.base, baseSchema);
  const b = flatten(ctx.head, headSchema);
  if (canonical(a) == canonical(b)) return;
  if (a === true || b === true || a === false || b === false || !isObject(a) || !isObject(b)) {
    ctx.log.add('type-changed', where, `schema ${canonical(a)} became ${canonical(b)}`);
    return;
  }
  diffTypes(ctx, a, b, where);
  diffEnum(ctx, a, b, where);
  diffBounds(ctx, a, b, where);
  diffProperties(ctx, a, b, where, nextStack);
  diffAdditionalProperties(ctx, a, b, where, nextStack);
  if (a.items !== undefined || b.items !== undefined) {
    diffSchema(ctx, a.items ?? {}, b.items ?? {}, [...where.slice(0, -1), `${where.at(-1) ?? ''}[]`], nextStack);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) diffVariants(ctx, a[keyword], b[keyword], keyword, where, nextStack);
  // allOf members that flatten could not merge (the same keyword with two values): not judged, so fail closed
  if (canonical(a.allOf) != canonical(b.allOf)) ctx.log.add('unclassified', where, 'allOf members that do not merge changed');
  diffAnnotations(ctx, a, b, where);
}

/** The set of JSON types a schema admits; undefined means any type. `integer` is inside `number`. */
function typesOf(schema: Json): Set<string> | undefined {
  if (schema.type === undefined) return undefined;
  const types = new Set<string>(Array.isArray(schema.type) ? schema.type : [schema.type]);
  if (schema.nullable === true) types.add('null');
  return types;
}

const admits = (types: Set<string> | undefined, type: string): boolean => !types || types.has(type) || (type == 'integer' && types.has('number'));
const within = (inner: Set<string> | undefined, outer: Set<string> | undefined): boolean =>
  inner ? [...inner].every((t) => admits(outer, t)) : !outer;
const show = (types: Set<string> | undefined) => (types ? [...types].join('|') : 'any');

function diffTypes(ctx: SchemaContext, a: Json, b: Json, where: string[]): void {
  const before = typesOf(a);
  const after = typesOf(b);
  const narrower = within(after, before);
  const wider = within(before, after);
  if (narrower && wider) return;
  const detail = `type ${show(before)} → ${show(after)}`;
  if (narrower) ctx.log.add('type-narrowed', where, detail, ctx.side);
  else if (wider) ctx.log.add('type-widened', where, detail, ctx.side);
  else ctx.log.add('type-changed', where, detail);
}

/** `enum` and `const` as one finite set of allowed values (undefined: unbounded). */
function allowedValues(schema: Json): string[] | undefined {
  if (schema.const !== undefined) return [canonical(schema.const)];
  return Array.isArray(schema.enum) ? schema.enum.map(canonical) : undefined;
}

function diffEnum(ctx: SchemaContext, a: Json, b: Json, where: string[]): void {
  const before = allowedValues(a);
  const after = allowedValues(b);
  if (!before && !after) return;
  if (!before) return ctx.log.add('constraint-tightened', where, `values limited to ${after!.join(', ')}`, ctx.side);
  if (!after) return ctx.log.add('constraint-loosened', where, `values no longer limited (were ${before.join(', ')})`, ctx.side);
  for (const value of before.filter((v) => !after.includes(v))) ctx.log.add('enum-value-removed', where, `value ${value} removed`, ctx.side);
  for (const value of after.filter((v) => !before.includes(v))) ctx.log.add('enum-value-added', where, `value ${value} added`, ctx.side);
}

/**
 * Whether the head marks this schema's value constraints `x-provenance: inferred` explicitly (unmarked is judged as
 * promised) and the base never marked them documented.
 */
const provenanceOf = (s: Json) => s[CONSTRAINTS_PROVENANCE] ?? s['x-provenance'];
const inferredConstraints = (a: Json, b: Json) => provenanceOf(b) == 'inferred' && provenanceOf(a) != 'documented';

function diffBounds(ctx: SchemaContext, a: Json, b: Json, where: string[]): void {
  const loosened = inferredConstraints(a, b) ? 'inferred-constraint-loosened' : 'constraint-loosened';
  const bound = (keyword: string, tighter: (x: number, y: number) => boolean) => {
    const x = a[keyword];
    const y = b[keyword];
    if (x === y) return;
    const detail = `${keyword} ${x ?? 'none'} → ${y ?? 'none'}`;
    // OpenAPI 3.0 writes exclusiveMinimum/Maximum as true/false beside minimum/maximum: true is the tighter one
    const flag = typeof x == 'boolean' || typeof y == 'boolean';
    if (flag ? !x && y === true : x === undefined || (y !== undefined && tighter(x, y))) ctx.log.add('constraint-tightened', where, detail, ctx.side);
    else ctx.log.add(loosened, where, detail, ctx.side);
  };
  UPPER_BOUNDS.forEach((k) => bound(k, (x, y) => y < x));
  LOWER_BOUNDS.forEach((k) => bound(k, (x, y) => y > x));
  for (const keyword of ['pattern', 'format']) {
    const x = a[keyword];
    const y = b[keyword];
    if (x === y) continue;
    const detail = `${keyword} ${x ?? 'none'} → ${y ?? 'none'}`;
    const relation = x === undefined ? 'tighter' : y === undefined ? 'looser' : keyword == 'pattern' ? comparePatterns(x, y) : 'changed';
    if (relation == 'tighter') ctx.log.add('constraint-tightened', where, detail, ctx.side);
    else if (relation == 'looser') ctx.log.add(loosened, where, detail, ctx.side);
    else ctx.log.add('constraint-changed', where, detail);
  }
  if (!!a.uniqueItems != !!b.uniqueItems) {
    ctx.log.add(b.uniqueItems ? 'constraint-tightened' : loosened, where, `uniqueItems ${!!a.uniqueItems} → ${!!b.uniqueItems}`, ctx.side);
  }
}

function diffProperties(ctx: SchemaContext, a: Json, b: Json, where: string[], stack: string[]): void {
  const before: Record<string, Json> = a.properties ?? {};
  const after: Record<string, Json> = b.properties ?? {};
  const requiredBefore = new Set<string>(a.required ?? []);
  const requiredAfter = new Set<string>(b.required ?? []);
  const at = (name: string) => [...where.slice(0, -1), join(where.at(-1), name)];
  for (const name of Object.keys(before)) {
    if (!(name in after)) ctx.log.add('property-removed', at(name), `field ${name} removed`, ctx.side);
  }
  for (const name of Object.keys(after)) {
    if (name in before) continue;
    if (requiredAfter.has(name)) ctx.log.add('required-property-added', at(name), `new required field ${name}`, ctx.side);
    else ctx.log.add('property-added', at(name), `new optional field ${name}`, ctx.side);
  }
  // Required-ness of fields present on both sides (or named only in `required`, as anyOf branches do).
  const newOrGone = (name: string) => name in before != name in after;
  for (const name of new Set([...requiredBefore, ...requiredAfter])) {
    if (newOrGone(name) || requiredBefore.has(name) == requiredAfter.has(name)) continue;
    if (requiredAfter.has(name)) ctx.log.add('property-made-required', at(name), `field ${name} is now required`, ctx.side);
    else ctx.log.add('property-made-optional', at(name), `field ${name} is now optional`, ctx.side);
  }
  for (const name of Object.keys(before)) {
    if (name in after) diffSchema(ctx, before[name], after[name], at(name), stack);
  }
}

/** The last segment of `where` is the field path inside the schema ('' at its root). */
function join(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function diffAdditionalProperties(ctx: SchemaContext, a: Json, b: Json, where: string[], stack: string[]): void {
  const x = a.additionalProperties;
  const y = b.additionalProperties;
  if (canonical(x) == canonical(y)) return;
  const closed = (v: Json) => v === false;
  if (!closed(x) && closed(y)) return ctx.log.add('constraint-tightened', where, 'unknown fields no longer allowed', ctx.side);
  if (closed(x) && !closed(y)) return ctx.log.add('constraint-loosened', where, 'unknown fields now allowed', ctx.side);
  diffSchema(
    ctx,
    x === undefined || x === true ? {} : x,
    y === undefined || y === true ? {} : y,
    [...where.slice(0, -1), join(where.at(-1), '*')],
    stack,
  );
}

/**
 * anyOf / oneOf: a list that appears constrains the values (they must now match a variant), one that goes frees
 * them. Within a list, equal variants pair up first, the rest by position; the leftovers were added or removed.
 */
function diffVariants(
  ctx: SchemaContext,
  before: Json[] | undefined,
  after: Json[] | undefined,
  keyword: string,
  where: string[],
  stack: string[],
): void {
  if (!before && !after) return;
  if (!before)
    return ctx.log.add('constraint-tightened', where, `${keyword} added: values must now match one of ${after!.length} variants`, ctx.side);
  if (!after)
    return ctx.log.add('constraint-loosened', where, `${keyword} removed: values no longer limited to its ${before.length} variants`, ctx.side);
  const xs = before.map((s) => ({ raw: s, key: canonical(flatten(ctx.base, s)) }));
  const ys = after.map((s) => ({ raw: s, key: canonical(flatten(ctx.head, s)) }));
  const unmatchedX = xs.filter((x) => !ys.some((y) => y.key == x.key));
  const unmatchedY = ys.filter((y) => !xs.some((x) => x.key == y.key));
  const paired = Math.min(unmatchedX.length, unmatchedY.length);
  for (let i = 0; i < paired; i++) {
    const label = `${where.at(-1) ?? ''}<${keyword} ${xs.indexOf(unmatchedX[i]!) + 1}>`;
    diffSchema(ctx, unmatchedX[i]!.raw, unmatchedY[i]!.raw, [...where.slice(0, -1), label], stack);
  }
  for (const x of unmatchedX.slice(paired)) ctx.log.add('variant-removed', where, `${keyword} variant ${x.key} removed`, ctx.side);
  for (const y of unmatchedY.slice(paired)) ctx.log.add('variant-added', where, `${keyword} variant ${y.key} added`, ctx.side);
}

function diffAnnotations(ctx: SchemaContext, a: Json, b: Json, where: string[]): void {
  const differs = (k: string) => canonical(a[k]) != canonical(b[k]);
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(differs);
  if (changed.some((k) => ANNOTATIONS.has(k))) ctx.log.add('description-changed', where, 'description or title changed');
  if (changed.some((k) => EXAMPLES.has(k))) ctx.log.add('example-changed', where, 'examples changed');
  if (changed.includes('default')) ctx.log.add('default-changed', where, `default ${canonical(a.default)} → ${canonical(b.default)}`, ctx.side);
  if (changed.includes('deprecated')) ctx.log.add('deprecated', where, b.deprecated ? 'now deprecated' : 'no longer deprecated');
  const extensions = changed.filter((k) => k.startsWith('x-'));
  if (extensions.length) ctx.log.add('extension-changed', where, `${extensions.join(', ')} changed`);
  const unknown = changed.filter((k) => !HANDLED.has(k) && !k.startsWith('x-'));
  if (unknown.length) ctx.log.add('unclassified', where, `${unknown.join(', ')} changed`);
}
