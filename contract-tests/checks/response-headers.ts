/**
 * response_header_conformance: every header the contract declares for an answer's status is present when required
 * and valid (Retry-After on 429). Headers other than auth/accountId are inferred unless marked: a warning.
 */
import { deref, type Json } from '../spec.js';
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { about, fieldOf, label, specFor, verdict, type Finding } from './verdict.js';

function headerProblem(value: string, schema: Json): string | undefined {
  if (schema?.type === 'integer' || schema?.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return `"${value}" is not a number of seconds`;
    const n = Number(value);
    if (schema.type === 'integer' && !Number.isInteger(n)) return `"${value}" is not an integer`;
    if (typeof schema.minimum === 'number' && n < schema.minimum) return `"${value}" is below ${schema.minimum}`;
  }
  return undefined;
}

export const responseHeaderConformance: Check = async (ctx) => {
  const { exchanges, unsendable } = await ctx.corpus();
  const findings: Finding[] = [];
  const passed: string[] = [];
  for (const x of exchanges) {
    const { documentedResponse, provenance } = specFor(x);
    const declared = x.response && documentedResponse(x.response.status)?.response.headers;
    if (!x.response || !declared) continue;
    for (const [name, ref] of Object.entries(declared as Record<string, Json>)) {
      const header = deref(ref);
      const value = x.response.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required)
          findings.push(
            about(
              x,
              fieldOf(x, name),
              `status ${x.response.status} lacks the required ${name} header`,
              severity({ about: 'header', status: x.response.status, name }, provenance),
            ),
          );
        continue;
      }
      const problem = headerProblem(value, deref(header.schema));
      if (problem)
        findings.push(about(x, fieldOf(x, name), `${name} ${problem}`, severity({ about: 'header', status: x.response.status, name }, provenance)));
      else passed.push(`${label(x)}: status ${x.response.status} with ${name}: ${value}`);
    }
  }
  const rateLimit = unsendable.find((u) => u.intent === 'rate-limited');
  const ran = findings.length > 0 || passed.length > 0;
  return verdict('response_header_conformance', {
    findings,
    ran,
    passed,
    notRun: rateLimit ? [`${rateLimit.name}: ${rateLimit.reason}`] : [],
    skipReason: `no answer with documented headers was seen${rateLimit ? ` (${rateLimit.reason})` : ''}`,
  });
};
