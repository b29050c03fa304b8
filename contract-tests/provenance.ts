/**
 * Provenance: is a rule documented by the platform's page, inferred by us, or observed on a tenant? Read from the
 * `x-provenance` markers, with the convention's defaults where a node has none (docs/contract-decisions.md): the
 * nearest marker wins; presence and type follow the parent, value constraints are inferred unless marked.
 */
import { deref as derefIn, pointerKeys, refChain, valueConstraintKeywords, type Json } from '../scripts/lib/openapi-document.js';

export type Provenance = 'documented' | 'inferred' | 'observed';
const provenances = new Set<unknown>(['documented', 'inferred', 'observed']);

export function provenanceReader(doc: Json, operationPath: string, method = 'post') {
  const deref = (node: Json): Json => derefIn(doc, node);
  /** A node's own marker: on the node, else on what its $ref chain points to. */
  const own = (node: Json): Provenance | undefined => {
    for (const current of refChain(doc, node)) if (provenances.has(current?.['x-provenance'])) return current['x-provenance'] as Provenance;
    return undefined;
  };
  /** The node of a $ref chain that holds a keyword. */
  const holder = (node: Json, keyword: string): Json => {
    for (const current of refChain(doc, node)) if (current && keyword in current) return current;
    return undefined;
  };
  const responses = (): Json => doc.paths?.[operationPath]?.[method]?.responses ?? {};
  const response = (status: number): Json => responses()[String(status)];
  const is2xx = (status: number) => status >= 200 && status < 300;

  /** The schema nodes an instance path goes through (properties, items, and the members of allOf/anyOf/oneOf). */
  function children(schema: Json, key: string): Json[] {
    const s = deref(schema);
    if (!s || typeof s !== 'object') return [];
    const direct = /^\d+$/.test(key) && s.items ? [s.items] : s.properties?.[key] !== undefined ? [s.properties[key]] : [];
    const members = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((m: Json) => children(m, key));
    return [...direct, ...members];
  }

  return {
    /** Whether the status (the Response Object itself) is documented or inferred. */
    status(status: number): Provenance {
      return own(response(status)) ?? 'inferred';
    },
    /** A response header's rule: its Header Object's marker, else its Response Object's, else inferred. */
    header(status: number, name: string): Provenance {
      const headers = deref(response(status))?.headers ?? {};
      const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
      return (key ? own(headers[key]) : undefined) ?? own(response(status)) ?? 'inferred';
    },
    /**
     * The provenance of the rule a body's violation of the schema documented for `status` broke: `keyword` is the
     * JSON Schema keyword that failed, `path` the JSON pointer of the value (for `required`, of the missing property).
     * Presence (`required`) and `type` come from the parent: the provenance the path inherits down to the value's
     * parent, raised (never lowered) by the value's own marker. A value constraint counts as documented only when
     * the node that holds it (not one that $refs it) says so. Any other keyword: the nearest marker on the path.
     */
    body(status: number, keyword: string, path: string): Provenance {
      const raw = response(status);
      const schema = deref(raw)?.content?.['application/json']?.schema;
      let inherited: Provenance = own(schema) ?? own(raw) ?? (is2xx(status) ? 'documented' : 'inferred');
      let parent = inherited;
      let nodes: Json[] = schema ? [schema] : [];
      for (const key of pointerKeys(path)) {
        parent = inherited;
        nodes = nodes.flatMap((n) => children(n, key));
        const marked = nodes.map(own).find(Boolean);
        if (marked) inherited = marked;
      }
      if (valueConstraintKeywords.has(keyword)) {
        const holders = nodes.map((n) => holder(n, keyword)?.['x-provenance']);
        return holders.find((m) => m === 'documented' || m === 'observed') ?? 'inferred';
      }
      if (keyword === 'required' || keyword === 'type') return parent === 'inferred' && inherited !== 'inferred' ? inherited : parent;
      return inherited;
    },
  };
}
export type ProvenanceReader = ReturnType<typeof provenanceReader>;
