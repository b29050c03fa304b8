/**
 * Reading an OpenAPI document: JSON pointers (RFC 6901), local `$ref`s, pointer to JSONPath, operations by
 * operationId. Every folder that walks the contract reads it through here, so escapes and `$ref` chains are
 * handled one way.
 */
// A parsed document is walked by key at any depth; the one deliberate `any`, used by every reader of the contract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** JSON Schema keywords that constrain a value rather than its presence or type. */
export const valueConstraintKeywords = new Set([
  'pattern',
  'format',
  'enum',
  'const',
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
  'contains',
  'minContains',
  'maxContains',
]);

/** A reference chain longer than this is a cycle. */
const MAX_REF_DEPTH = 32;

const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
const escapeToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The keys of a pointer (`/a/b~1c` or `#/a/b~1c`); the empty pointer is the whole document. */
export function pointerKeys(pointer: string): string[] {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`not a JSON pointer: "${pointer}"`);
  return path.slice(1).split('/').map(unescapeToken);
}

export const pointerOf = (keys: readonly (string | number)[]) => keys.map((k) => `/${escapeToken(String(k))}`).join('');

/** The value at a pointer, or undefined when the document has nothing there. */
export function get(doc: Json, pointer: string): Json {
  let node: Json = doc;
  for (const key of pointerKeys(pointer)) {
    const present = Array.isArray(node)
      ? /^(0|[1-9]\d*)$/.test(key) && Number(key) < node.length
      : typeof node === 'object' && node !== null && Object.hasOwn(node, key);
    if (!present) return undefined;
    node = node[key];
  }
  return node;
}

/** The pointer a local `$ref` names (its fragment, percent-decoded as a URI fragment is). */
export function refPointer(ref: string): string {
  if (!ref.startsWith('#')) throw new Error(`only local references are supported, got ${ref}`);
  return decodeURIComponent(ref.slice(1));
}

export const refOf = (node: Json): string | undefined => (typeof node?.$ref === 'string' ? node.$ref : undefined);

/** Each node of a `$ref` chain, the given one first; a reference that leads nowhere ends the chain with an error. */
export function* refChain(doc: Json, node: Json): Generator<Json> {
  let current = node;
  for (let depth = 0; ; depth++) {
    yield current;
    const ref = refOf(current);
    if (ref === undefined) return;
    if (depth >= MAX_REF_DEPTH) throw new Error(`reference chain too long (circular?) at ${ref}`);
    current = get(doc, refPointer(ref));
    if (current === undefined) throw new Error(`unresolvable reference ${ref}`);
  }
}

/** The node a `$ref` chain ends at (the node itself when it is no reference). */
export function deref(doc: Json, node: Json): Json {
  let last: Json = node;
  for (const current of refChain(doc, node)) last = current;
  return last;
}

/** The pointer of the node that holds what a pointer names, past any `$ref` chain. */
export function home(doc: Json, pointer: string): string {
  let p = pointer;
  for (let depth = 0, ref = refOf(get(doc, p)); ref !== undefined; depth++, ref = refOf(get(doc, p))) {
    if (depth >= MAX_REF_DEPTH) throw new Error(`reference chain too long (circular?) at ${ref}`);
    p = refPointer(ref);
  }
  return p;
}

/** A pointer as a JSONPath (as an Overlay targets): `$['a']['b/c'][1]`, array items by index in `doc`. */
export function jsonPath(doc: Json, pointer: string): string {
  let node: Json = doc;
  let path = '$';
  for (const key of pointerKeys(pointer)) {
    path += Array.isArray(node) ? `[${Number(key)}]` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
    node = node?.[key];
  }
  return path;
}

/** A JSONPath of the form jsonPath writes (`$['a'][1]`) as a pointer. */
export function pointerOfJsonPath(path: string): string {
  if (!path.startsWith('$')) throw new Error(`not a JSONPath: "${path}"`);
  const keys: string[] = [];
  const step = /\[(?:(\d+)|'((?:[^'\\]|\\.)*)')\]/y;
  step.lastIndex = 1;
  while (step.lastIndex < path.length) {
    const m = step.exec(path);
    if (!m) throw new Error(`JSONPath "${path}" is not a plain path of ['key'] and [index] steps`);
    keys.push(m[1] ?? m[2]!.replace(/\\(.)/g, '$1'));
  }
  return pointerOf(keys);
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationAt {
  operationId: string;
  path: string;
  method: (typeof methods)[number];
  /** The operation object's pointer, e.g. `/paths/~1caseManagement~1tasks/post`. */
  pointer: string;
  operation: Json;
}

/** Every operation with an operationId, in the document's order. */
export function operations(doc: Json): OperationAt[] {
  const out: OperationAt[] = [];
  for (const [path, item] of Object.entries<Json>(doc?.paths ?? {}))
    for (const method of methods) {
      const operation = item?.[method];
      if (typeof operation?.operationId === 'string')
        out.push({ operationId: operation.operationId, path, method, pointer: pointerOf(['paths', path, method]), operation });
    }
  return out;
}

/** The operation of an operationId; an unknown id is an error naming it. */
export function operationById(doc: Json, operationId: string): OperationAt {
  const found = operations(doc).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`the document has no operation "${operationId}"`);
  return found;
}
