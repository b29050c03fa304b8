/**
 * positive_data_acceptance: every valid request of the corpus is accepted with a 2xx, through both typed clients
 * (the statuses themselves are status_code_conformance's business).
 */
import type { Check } from '../context.js';
import { severity } from '../severity.js';
import { about, label, locationOf, messageOf, probesOf, verdict, type Finding } from './verdict.js';

/** What the openapi-generator client's types let a user send (proved at compile time by generator-client-limits.ts). */
export const generatorClientLimits = [
  'openapi-generator client: its CreateTaskUserInfo requires id, emailId AND phoneNumber, so the seed sample (no phone), ' +
    'and users identified only by _id, only by email or only by phone cannot be sent as typed; only with a cast',
];

export const positiveDataAcceptance: Check = async (ctx) => {
  const { probes: positive, notRun } = await probesOf(ctx, 'accept');
  const failures: Finding[] = [];
  const passed: string[] = [];
  for (const x of positive) {
    const field = x.field ?? 'userInfo';
    if (!x.response) failures.push(about(x, field, `not accepted: ${x.error}`, severity({ about: 'no-answer' })));
    else if (x.response.status < 200 || x.response.status > 299)
      failures.push(
        about(
          x,
          field,
          `valid input refused with ${x.response.status}${locationOf(x)}: ${messageOf(x)}`,
          severity({ about: 'rule', rule: 'documented' }),
        ),
      );
    else passed.push(`${label(x)}: ${x.response.status}`);
  }
  return verdict('positive_data_acceptance', {
    findings: failures,
    ran: positive.length > 0,
    passed: [...passed, ...generatorClientLimits],
    notRun,
  });
};
