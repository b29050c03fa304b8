/**
 * Ids are opaque (their patterns check only a prefix and a character set). An id whose prefix holds and whose
 * characters are those the samples use (hex digits, hyphens: a whole UUID after the prefix included) is not worth
 * a word; one whose characters the samples never show is worth a warning: a client that parsed the samples' shape
 * would break. Each difference names the id schema, so a report says it once per id field. A shape the tenant was
 * observed to use (`x-observed-shapes`, from a learned overlay) is the tenant's own: not a difference.
 */
import { shapeOf } from './learn/shapes.js';
import { declaredProperties, deref, patternPrefix, type Json } from './spec.js';

export interface ShapeDifference {
  path: string;
  value: string;
  sample: string;
  /** The id schema's title (`TaskId`, `CaseId`): the id field a report groups by. */
  idField: string;
}

/** The samples' characters after the prefix: any hex digit stands for every hex digit (and the mask `x` is one). */
const sampleCharacters = (prefix: string, examples: string[]) =>
  new Set([...examples.map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e)).join('')].map((c) => (/[0-9a-fA-Fx]/.test(c) ? 'hex' : c)));
const charactersHold = (prefix: string, value: string, allowed: Set<string>) =>
  [...value.slice(prefix.length)].every((c) => allowed.has(/[0-9a-fA-F]/.test(c) ? 'hex' : c));

/** The id schema a node leads to: one with a pattern and sample values (examples). */
function idSchema(schema: Json): { pattern: string; examples: string[]; title?: string; 'x-observed-shapes'?: { shape: string }[] } | undefined {
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
    if (!value.startsWith(prefix) || charactersHold(prefix, value, sampleCharacters(prefix, id.examples))) return [];
    if ((id['x-observed-shapes'] ?? []).some((o) => o.shape === shapeOf(value))) return [];
    return [{ path: path || '/', value, sample: id.examples[0]!, idField: id.title ?? prefix }];
  }
  const s = deref(schema);
  if (Array.isArray(value)) return s?.items ? value.flatMap((item, i) => idShapeDifferences(item, s.items, `${path}/${i}`)) : [];
  if (!value || typeof value !== 'object') return [];
  const declared = declaredProperties(s);
  if (!declared) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    declared.has(key) ? idShapeDifferences(child, declared.get(key), `${path}/${key}`) : [],
  );
}
