/**
 * status_code_conformance: every answer's status is one its operation lists. The list is inferred, so another 2xx,
 * 4xx or 5xx warns; a 3xx, an unknown class or no answer at all is breaking.
 */

import { severity } from '../severity.js';
import type { Check } from '../context.js';
import type { Exchange } from '../types.js';
import { about, countBy, fieldOf, locationOf, specFor, verdict, type Finding } from './verdict.js';

export const statusCodeConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const answered = exchanges.filter((x) => x.response);
  const findings: Finding[] = [];
  const changed = new Map<string, Exchange[]>(); // `${operation} ${status}`: a status the tenant was observed never to use
  for (const x of exchanges) {
    if (!x.response) {
      if (x.error?.startsWith('no HTTP answer')) findings.push(about(x, fieldOf(x, 'status'), x.error, severity({ about: 'no-answer' })));
      continue;
    }
    const status = x.response.status;
    const { documentedStatuses, operation } = specFor(x);
    // A tenant's overlay can say a documented success status was never seen: answering it now is a change.
    const neverSeen = status < 300 ? operation.responses[String(status)]?.['x-observed-absent'] : undefined;
    if (neverSeen) changed.set(`${x.operation} ${status}`, [...(changed.get(`${x.operation} ${status}`) ?? []), x]);
    if (documentedStatuses.includes(status)) continue;
    findings.push(
      about(
        x,
        fieldOf(x, 'status'),
        `status ${status}${locationOf(x)} is not one the contract lists (${documentedStatuses.join(', ')})`,
        severity({ about: 'unlisted-status', status }),
      ),
    );
  }
  for (const [key, xs] of changed) {
    const never = specFor(xs[0]!).operation.responses[String(xs[0]!.response!.status)]['x-observed-absent'];
    findings.push({
      message: `${key}: answered ${xs.length} time(s) with a status the tenant was observed never to use (in ${never.answers} successful answers: ${(never.sources ?? []).join(', ')})`,
      pointer: fieldOf(xs[0]!, 'status'),
      operation: xs[0]!.operation,
      severity: severity({ about: 'rule', rule: 'observed' }),
      exchanges: xs.slice(0, 3),
    });
  }
  return verdict('status_code_conformance', {
    findings,
    ran: answered.length > 0,
    passed: [`${answered.length} answers: ${countBy(answered, (x) => x.response!.status)}`],
  });
};
