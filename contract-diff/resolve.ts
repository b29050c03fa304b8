/**
 * Local `$ref` resolution and `allOf` flattening, so that two documents compare by meaning rather than by layout
 * (moving a schema into components, or splitting it into an allOf, is not a change).
 */
import { get, refPointer, valueConstraintKeywords, type Json } from '../scripts/lib/openapi-document.js';

export type { Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v == 'object' && v !== null && !Array.isArray(v);

/**
 * The `x-provenance` of the schema a value constraint comes from, when a `$ref`'s siblings carry another marker but
 * restate no constraint (a field marked documented that references an id schema marked inferred): the merged node's
 * own `x-provenance` is the field's, this is its constraints'. A symbol, so that no diff ever sees it as a keyword.
 */
export const CONSTRAINTS_PROVENANCE = Symbol('x-provenance of the value constraints');

/** Follows `#/...` references (with JSON-pointer escapes); sibling keywords of a `$ref` (3.1) win over the target. */
export function deref(doc: Json, node: Json, seen: Set<string> = new Set()): Json {
  if (!isObject(node) || typeof node.$ref != 'string') return node;
  const ref: string = node.$ref;
  if (seen.has(ref)) throw new Error(`circular reference ${ref}`);
  const target = get(doc, refPointer(ref));
  if (target === undefined) throw new Error(`unresolvable reference ${ref}`);
  const { $ref: _ref, ...siblings } = node;
  const resolved = deref(doc, target, new Set([...seen, ref]));
  if (!Object.keys(siblings).length) return resolved;
  const merged = { ...resolved, ...siblings };
  const targetProvenance = resolved[CONSTRAINTS_PROVENANCE] ?? resolved['x-provenance'];
  if (targetProvenance !== undefined && !Object.keys(siblings).some((k) => valueConstraintKeywords.has(k)))
    merged[CONSTRAINTS_PROVENANCE] = targetProvenance;
  return merged;
}

const UPPER = new Set(['maxLength', 'maximum', 'maxItems', 'maxProperties', 'maxContains']);
const LOWER = new Set(['minLength', 'minimum', 'minItems', 'minProperties', 'minContains']);

/**
 * Resolves a schema and merges its `allOf` members into one schema, as a validator would apply them all:
 * properties and `required` are united (a property in several members keeps each of its schemas), numeric bounds
 * keep the tightest. A keyword that two members give different values (two `anyOf`s, two types) cannot be merged:
 * those members stay in a residual `allOf`, which schema-diff compares as a whole (a change there fails closed).
 */
export function flatten(doc: Json, schema: Json): Json {
  const resolved = deref(doc, schema);
  if (!isObject(resolved) || !Array.isArray(resolved.allOf)) return resolved;
  const { allOf, ...own } = resolved;
  const merged: Record<string, Json> = {};
  const properties: Record<string, Json> = {};
  const required = new Set<string>();
  const unmerged: Json[] = [];
  for (const member of [own, ...(allOf as Json[]).map((m) => flatten(doc, m))]) {
    if (!isObject(member)) {
      if (member !== true) unmerged.push(member);
      continue;
    }
    const leftover: Record<string, Json> = {};
    for (const [key, value] of Object.entries(member)) {
      if (key == 'properties') {
        for (const [name, property] of Object.entries<Json>(value)) {
          const known = properties[name];
          properties[name] = known === undefined || canonical(known) == canonical(property) ? property : { allOf: [known, property] };
        }
      } else if (key == 'required') (value as string[]).forEach((name) => required.add(name));
      else if (!(key in merged) || canonical(merged[key]) == canonical(value)) merged[key] = value;
      else if (UPPER.has(key)) merged[key] = Math.min(merged[key], value);
      else if (LOWER.has(key)) merged[key] = Math.max(merged[key], value);
      else leftover[key] = value;
    }
    if (Object.keys(leftover).length) unmerged.push(leftover);
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required].sort();
  if (unmerged.length) merged.allOf = unmerged;
  return merged;
}

/** Stable JSON (sorted keys) to compare values by content. */
export function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export { isObject };
