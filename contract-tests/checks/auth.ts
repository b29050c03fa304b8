/**
 * auth: no token, a tampered signature and an expired token are refused. Accepting one (2xx), a redirect or a
 * 5xx is breaking; the exact answer (401, the envelope, platform code 4002) is inferred from the platform's other
 * APIs, so another 4xx, another body or another code is a warning.
 */
import { validatorAt } from '../spec.js';
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { label, locationOf, probesOf, specFor, verdict, type Finding } from './verdict.js';

const invalidTokenCode = 4002;

export const auth: Check = async (ctx) => {
  const { probes, notRun } = await probesOf(ctx, 'reject-auth');
  const findings: Finding[] = [];
  const passed: string[] = [];
  for (const x of probes) {
    const r = x.response;
    const { provenance } = specFor(x);
    if (!r) findings.push({ text: `${label(x)}: no answer: ${x.error}`, field: 'auth', exchanges: [x] });
    else if (r.status < 400 || r.status >= 500) findings.push({ text: `${label(x)}: not refused: ${r.status}${locationOf(x)}`, field: 'auth', exchanges: [x] });
    else if (r.status !== 401) findings.push({ text: `${label(x)}: refused with ${r.status}, the contract says 401`, field: 'auth', severity: severity({ about: 'unlisted-status', status: r.status }), exchanges: [x] });
    else if (!validatorAt('/components/schemas/ErrorEnvelope')(r.json)) findings.push({ text: `${label(x)}: 401 without the error envelope`, field: 'auth', severity: severity({ about: 'body', status: 401, keyword: 'type', path: '' }, provenance), exchanges: [x] });
    else if (!(r.json as { errors: { code: number }[] }).errors.some((e) => e.code === invalidTokenCode))
      findings.push({ text: `${label(x)}: 401 without platform code ${invalidTokenCode}`, field: 'auth', severity: severity({ about: 'body', status: 401, keyword: 'const', path: '/errors/0/code' }, provenance), exchanges: [x] });
    else passed.push(`${label(x)}: 401, code ${invalidTokenCode}`);
  }
  return verdict('auth', {
    findings,
    ran: probes.length > 0,
    passed,
    notRun,
  });
};
