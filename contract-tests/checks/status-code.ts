/** status_code_conformance: every answer's status is one the contract documents for createTask. */
import { documentedStatuses } from '../spec.js';
import type { Check } from '../context.js';
import { countBy, label, verdict, type Finding } from './verdict.js';

export const statusCodeConformance: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const answered = exchanges.filter((x) => x.response);
  const failures: Finding[] = [];
  for (const x of exchanges) {
    if (!x.response) {
      if (x.error?.startsWith('no HTTP answer')) failures.push({ text: `${label(x)}: ${x.error}`, field: 'status' });
      continue;
    }
    const status = x.response.status;
    if (documentedStatuses.includes(status)) continue;
    failures.push({ text: `${label(x)}: status ${status} is not documented (documented: ${documentedStatuses.join(', ')})`, field: 'status' });
  }
  return verdict('status_code_conformance', {
    failures,
    ran: answered.length > 0,
    passed: [`${answered.length} answers, all documented: ${countBy(answered, (x) => x.response!.status)}`],
  });
};
