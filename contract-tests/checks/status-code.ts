/**
 * status_code_conformance: every answer's status is one the contract lists for createTask. The list is inferred
 * (the page shows no status), so another 2xx, 4xx or 5xx is a warning; a 3xx (a redirect is never followed with
 * credentials) or an unknown class is breaking, and so is a request that got no answer at all.
 */

import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { countBy, fieldOf, label, locationOf, specFor, verdict, type Finding } from './verdict.js';

export const statusCodeConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const answered = exchanges.filter((x) => x.response);
  const findings: Finding[] = [];
  for (const x of exchanges) {
    if (!x.response) {
      if (x.error?.startsWith('no HTTP answer')) findings.push({ text: `${label(x)}: ${x.error}`, field: fieldOf(x, 'status'), exchanges: [x] });
      continue;
    }
    const status = x.response.status;
    const { documentedStatuses, provenance } = specFor(x);
    if (documentedStatuses.includes(status)) continue;
    findings.push({
      text: `${label(x)}: status ${status}${locationOf(x)} is not one the contract lists (${documentedStatuses.join(', ')})`,
      field: fieldOf(x, 'status'),
      severity: severity({ about: 'unlisted-status', status }),
      exchanges: [x],
    });
  }
  return verdict('status_code_conformance', {
    findings,
    ran: answered.length > 0,
    passed: [`${answered.length} answers: ${countBy(answered, (x) => x.response!.status)}`],
  });
};
