/**
 * response_schema_conformance: each answer's body validates (JSON Schema 2020-12, formats on) against the schema
 * documented for its status; every error is reported at its JSON pointer, grouped over the answers that share it.
 */
import { describeErrors, documentedResponse, validatorAt } from '../spec.js';
import type { Check } from '../context.js';
import { label, verdict, type Finding } from './verdict.js';

export const responseSchemaConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const groups = new Map<string, { field: string; probes: string[] }>();
  const add = (field: string, message: string, probe: string) => {
    const key = `${field}: ${message}`;
    const group = groups.get(key) ?? { field, probes: [] };
    group.probes.push(probe);
    groups.set(key, group);
  };
  let judged = 0;
  for (const x of exchanges) {
    const documented = x.response && documentedResponse(x.response.status);
    const schemaPointer = documented && documented.response.content?.['application/json']?.schema && `${documented.pointer}/content/application~1json/schema`;
    if (!x.response || !schemaPointer) continue;
    judged++;
    const status = x.response.status;
    if (x.response.jsonError) {
      add('(body)', `status ${status} body is not JSON (${x.response.jsonError})`, label(x));
      continue;
    }
    const validate = validatorAt(schemaPointer);
    if (validate(x.response.json)) continue;
    for (const e of describeErrors(validate.errors)) add(e.path, `${e.message} (status ${status})`, label(x));
  }
  const failures: Finding[] = [...groups].map(([key, g]) => ({
    text: `${key}, in ${g.probes.length} answer(s): ${g.probes.slice(0, 3).join('; ')}${g.probes.length > 3 ? '; ...' : ''}`,
    field: g.field,
  }));
  return verdict('response_schema_conformance', {
    failures,
    ran: judged > 0,
    passed: [`${judged} bodies valid against the schema documented for their status`],
  });
};
