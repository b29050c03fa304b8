/**
 * negative_data_rejection: each required field missing, each field of the wrong type, a user without identifier,
 * malformed JSON and a wrong content type are refused with a documented 4xx and the error envelope: never a 2xx,
 * never a 5xx.
 */
import { documentedStatuses, validatorAt } from '../spec.js';
import type { Check } from '../context.js';
import { label, messageOf, probesOf, verdict, type Finding } from './verdict.js';

const envelope = () => validatorAt('/components/schemas/ErrorEnvelope');
const documented4xx = documentedStatuses.filter((s) => s >= 400 && s < 500);

export const negativeDataRejection: Check = async (ctx) => {
  const { probes: negative, notRun } = await probesOf(ctx, 'reject-invalid');
  const failures: Finding[] = [];
  let namesField = 0;
  for (const x of negative) {
    const field = x.field ?? '(body)';
    const r = x.response;
    if (!r) {
      failures.push({ text: `${label(x)}: no answer: ${x.error}`, field });
      continue;
    }
    if (r.status < 400) failures.push({ text: `${label(x)}: invalid input accepted with ${r.status}`, field });
    else if (r.status >= 500) failures.push({ text: `${label(x)}: invalid input answered with a server error ${r.status}: ${messageOf(x)}`, field });
    else if (!documented4xx.includes(r.status))
      failures.push({ text: `${label(x)}: refused with ${r.status}, not a documented 4xx (${documented4xx.join(', ')})`, field });
    if (r.status >= 400 && !envelope()(r.json)) failures.push({ text: `${label(x)}: the ${r.status} body is not the error envelope {"errors":[{"msg","code"}]}: ${r.text.slice(0, 120)}`, field });
    if (r.status >= 400 && messageOf(x).includes(field.split('.').pop()!)) namesField++;
  }
  return verdict('negative_data_rejection', {
    failures,
    ran: negative.length > 0,
    passed: [
      `${negative.length} invalid requests refused with a documented 4xx and the envelope`,
      `the error message names the field in ${namesField} of ${negative.length} (informational: the contract asks for it, the mock cannot)`,
    ],
    notRun,
  });
};
