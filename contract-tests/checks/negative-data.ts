/**
 * negative_data_rejection: invalid requests are refused with a 4xx. Accepted is breaking where the page states the
 * rule (a warning where we inferred it, such as 415); a 5xx or a redirect is breaking; another 4xx warns.
 */
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { about, locationOf, messageOf, platformMessage, probesOf, specFor, verdict, type Finding } from './verdict.js';

export const negativeDataRejection: Check = async (ctx) => {
  const { probes: negative, notRun } = await probesOf(ctx, 'reject-invalid');
  const findings: Finding[] = [];
  let namesField = 0;
  for (const x of negative) {
    const field = x.field ?? '(body)';
    const { documentedStatuses } = specFor(x);
    const documented4xx = documentedStatuses.filter((s) => s >= 400 && s < 500);
    const r = x.response;
    if (!r) {
      findings.push(about(x, field, `no answer: ${x.error}`, severity({ about: 'no-answer' })));
      continue;
    }
    if (r.status >= 300 && r.status < 400)
      findings.push(about(x, field, `answered with ${r.status}${locationOf(x)}`, severity({ about: 'redirect' })));
    else if (r.status < 400)
      findings.push(
        about(
          x,
          field,
          `invalid input accepted with ${r.status}${x.rule === 'inferred' ? ' (the rule is inferred)' : ''}`,
          severity({ about: 'invalid-accepted', rule: x.rule ?? 'documented', operation: x.operation }),
        ),
      );
    else if (r.status >= 500)
      findings.push(about(x, field, `invalid input answered with a server error ${r.status}: ${messageOf(x)}`, severity({ about: 'server-error' })));
    else if (!documented4xx.includes(r.status))
      findings.push(
        about(
          x,
          field,
          `refused with ${r.status}, not a 4xx the contract lists (${documented4xx.join(', ')})`,
          severity({ about: 'unlisted-status', status: r.status }),
        ),
      );
    if (r.status >= 400 && platformMessage(x).includes(field.split('.').pop()!)) namesField++;
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
