/**
 * Ids are opaque (their patterns check only a prefix and a character set), but an id shaped unlike the samples
 * (other digit counts, no mask) is still worth a warning: a client that parsed the samples' shape would break.
 * The shape of an id is what follows its prefix with every hex digit (and the samples' `x` mask) as `0`.
 */
import { declaredProperties, deref, patternPrefix, type Json } from './spec.js';

export interface ShapeDifference {
  path: string;
  value: string;
  sample: string;
}

const shape = (prefix: string, id: string) => id.slice(prefix.length).replace(/[0-9a-fA-Fx]/g, '0');

/** The id schema a node leads to: one with a pattern and sample values (examples). */
function idSchema(schema: Json): { pattern: string; examples: string[] } | undefined {
  for (let node = schema; node; node = typeof node.$ref === 'string' ? deref({ $ref: node.$ref }) : undefined) {
    if (typeof node.pattern === 'string' && Array.isArray(node.examples) && node.examples.length > 0) return node;
    if (typeof node.$ref !== 'string') return undefined;
  }
  return undefined;
}

export function idShapeDifferences(value: unknown, schema: Json, path = ''): ShapeDifference[] {
  if (typeof value === 'string') {
    const id = idSchema(schema);
    if (!id) return [];
    const prefix = patternPrefix(id.pattern);
    if (!value.startsWith(prefix) || id.examples.some((e) => shape(prefix, e) === shape(prefix, value))) return [];
    return [{ path: path || '/', value, sample: id.examples[0]! }];
  }
  const s = deref(schema);
  if (Array.isArray(value)) return s?.items ? value.flatMap((item, i) => idShapeDifferences(item, s.items, `${path}/${i}`)) : [];
  if (!value || typeof value !== 'object') return [];
  const declared = declaredProperties(s);
  if (!declared) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => (declared.has(key) ? idShapeDifferences(child, declared.get(key), `${path}/${key}`) : []));
}
