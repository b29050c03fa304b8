/**
 * Local `$ref` resolution and `allOf` flattening, so that two documents compare by meaning rather than by layout
 * (moving a schema into components, or splitting it into an allOf, is not a change).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const isObject = (v: unknown): v is Record<string, Json> => typeof v == 'object' && v !== null && !Array.isArray(v);

/** Follows `#/...` references (with JSON-pointer escapes); sibling keywords of a `$ref` (3.1) win over the target. */
export function deref(doc: Json, node: Json, seen: Set<string> = new Set()): Json {
  if (!isObject(node) || typeof node.$ref != 'string') return node;
  const ref: string = node.$ref;
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, got ${ref}`);
  if (seen.has(ref)) throw new Error(`circular reference ${ref}`);
  const target = ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Json)[key] : undefined), doc);
  if (target === undefined) throw new Error(`unresolvable reference ${ref}`);
  const { $ref: _ref, ...siblings } = node;
  const resolved = deref(doc, target, new Set([...seen, ref]));
  return Object.keys(siblings).length ? { ...resolved, ...siblings } : resolved;
}

/** The name a schema had before resolution (`#/components/schemas/Task` → `Task`), for cycle detection. */
export function refOf(node: Json): string | undefined {
  return isObject(node) && typeof node.$ref == 'string' ? node.$ref : undefined;
}

/**
 * Resolves a schema and merges its `allOf` members into one schema: properties and `required` are united,
 * other keywords are taken from the first member that has them (the schema's own keywords first).
 */
export function flatten(doc: Json, schema: Json): Json {
  const resolved = deref(doc, schema);
  if (!isObject(resolved) || !Array.isArray(resolved.allOf)) return resolved;
  const { allOf, ...own } = resolved;
  const merged: Record<string, Json> = { ...own };
  const properties: Record<string, Json> = { ...(own.properties ?? {}) };
  const required = new Set<string>(own.required ?? []);
  for (const member of (allOf as Json[]).map((m) => flatten(doc, m))) {
    if (!isObject(member)) continue;
    for (const [key, value] of Object.entries(member)) {
      if (key == 'properties') Object.assign(properties, value);
      else if (key == 'required') (value as string[]).forEach((name) => required.add(name));
      else if (!(key in merged)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required].sort();
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
