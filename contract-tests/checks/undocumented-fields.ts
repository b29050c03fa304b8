/**
 * undocumented_fields: properties an answer carries that its schema does not declare: additive drift, a warning per
 * path (an error body of another shape altogether is response_schema_conformance's).
 */
import { declaredProperties, deref, validatorAt, type Json } from '../spec.js';
import type { Check } from '../context.js';
import { severity } from '../severity.js';
import { fieldOf, label, specFor, verdict } from './verdict.js';

export function undeclaredPaths(value: unknown, schema: Json, path = ''): string[] {
  const s = deref(schema);
  if (Array.isArray(value)) return s?.items ? value.flatMap((item, i) => undeclaredPaths(item, s.items, `${path}/${i}`)) : [];
  if (!value || typeof value !== 'object') return [];
  const declared = declaredProperties(s);
  if (!declared) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    declared.has(key) ? undeclaredPaths(child, declared.get(key), `${path}/${key}`) : [`${path}/${key}`],
  );
}

export const undocumentedFields: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const found = new Map<string, string[]>();
  let judged = 0;
  for (const x of exchanges) {
    const documented = x.response && specFor(x).judgedResponse(x.response.status);
    const schema = documented?.response.content?.['application/json']?.schema;
    if (!schema || x.response?.json === undefined) continue;
    if (x.response.status >= 400 && !validatorAt(`${documented.pointer}/content/application~1json/schema`)(x.response.json)) continue;
    judged++;
    for (const path of undeclaredPaths(x.response.json, schema).map((p) => fieldOf(x, p))) found.set(path, [...(found.get(path) ?? []), label(x)]);
  }
  return verdict('undocumented_fields', {
    findings: [...found].map(([path, probes]) => ({
      message: `${path}: not in the contract (additive drift), in ${probes.length} answer(s), e.g. ${probes[0]}`,
      pointer: path,
      severity: severity({ about: 'undeclared-field' }),
    })),
    ran: judged > 0,
    passed: [`${judged} bodies carry only documented fields`],
  });
};
