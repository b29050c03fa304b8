/**
 * negative_data_rejection: each required field missing, each field of the wrong type, a user without identifier,
 * malformed JSON and a wrong content type are refused with a 4xx: never a 2xx (breaking when the page states the
 * rule, a warning for an inferred one such as 415), never a 5xx or a redirect (breaking). Another 4xx than the
 * contract's, or an error body in another shape, is a warning: both are inferred. Error bodies are judged by the
 * operation's documented response for their status (an overlay may hold the tenant's own), one line per operation
 * and status however many refusals share the shape.
 */
import { validatorAt } from '../spec.js';
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import type { Exchange } from '../types.js';
import { label, locationOf, messageOf, probesOf, specFor, verdict, type Finding } from './verdict.js';

export const negativeDataRejection: Check = async (ctx) => {
  const { probes: negative, notRun } = await probesOf(ctx, 'reject-invalid');
  const findings: Finding[] = [];
  const unlikeBody = new Map<string, Exchange[]>(); // `${operation} ${status}`: refusals whose body is not the documented one
  let namesField = 0;
  for (const x of negative) {
    const field = x.field ?? '(body)';
    const { documentedStatuses, provenance } = specFor(x);
    const documented4xx = documentedStatuses.filter((s) => s >= 400 && s < 500);
    const r = x.response;
    if (!r) {
      findings.push({ text: `${label(x)}: no answer: ${x.error}`, field, exchanges: [x] });
      continue;
    }
    if (r.status >= 300 && r.status < 400) findings.push({ text: `${label(x)}: answered with ${r.status}${locationOf(x)}`, field, exchanges: [x] });
    else if (r.status < 400) findings.push({ text: `${label(x)}: invalid input accepted with ${r.status}${x.rule === 'inferred' ? ' (the rule is inferred)' : ''}`, field, severity: severity({ about: 'invalid-accepted', rule: x.rule ?? 'documented' }), exchanges: [x] });
    else if (r.status >= 500) findings.push({ text: `${label(x)}: invalid input answered with a server error ${r.status}: ${messageOf(x)}`, field, exchanges: [x] });
    else if (!documented4xx.includes(r.status))
      findings.push({ text: `${label(x)}: refused with ${r.status}, not a 4xx the contract lists (${documented4xx.join(', ')})`, field, severity: severity({ about: 'unlisted-status', status: r.status }), exchanges: [x] });
    if (r.status >= 400 && r.status < 500 && !validatorAt(specFor(x).errorBodyPointer(r.status))(r.json)) {
      const key = `${x.operation ?? 'createTask'} ${r.status}`;
      unlikeBody.set(key, [...(unlikeBody.get(key) ?? []), x]);
    }
    if (r.status >= 400 && messageOf(x).includes(field.split('.').pop()!)) namesField++;
  }
  for (const [key, xs] of unlikeBody) {
    const [first] = xs as [Exchange];
    const status = first.response!.status;
    const shown = xs.slice(0, 3).map((x) => label(x)).join('; ');
    findings.push({
      text: `${key}: ${xs.length} refusal(s) answered with a body unlike the documented one (${shown}${xs.length > 3 ? '; …' : ''}), e.g. ${first.response!.text.slice(0, 120)}`,
      field: first.field ?? '(body)',
      severity: severity({ about: 'body', status, keyword: 'type', path: '' }, specFor(first).provenance),
      exchanges: xs.slice(0, 3),
    });
  }
  return verdict('negative_data_rejection', {
    findings,
    ran: negative.length > 0,
    passed: [
      `${negative.length} invalid requests refused with a 4xx`,
      `the error message names the field in ${namesField} of ${negative.length} (informational: the contract asks for it, the mock cannot)`,
    ],
    notRun,
  });
};
