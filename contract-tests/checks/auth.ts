/** auth: no token, a tampered signature and an expired token each get 401 with the envelope and platform code 4002. */
import { validatorAt } from '../spec.js';
import type { Check } from '../context.js';
import { label, probesOf, verdict, type Finding } from './verdict.js';

const invalidTokenCode = 4002;

export const auth: Check = async (ctx) => {
  const { probes, notRun } = await probesOf(ctx, 'reject-auth');
  const failures: Finding[] = [];
  const passed: string[] = [];
  for (const x of probes) {
    const r = x.response;
    if (!r) failures.push({ text: `${label(x)}: no answer: ${x.error}`, field: 'auth' });
    else if (r.status !== 401) failures.push({ text: `${label(x)}: expected 401, got ${r.status}`, field: 'auth' });
    else if (!validatorAt('/components/schemas/ErrorEnvelope')(r.json)) failures.push({ text: `${label(x)}: 401 without the error envelope`, field: 'auth' });
    else if (!(r.json as { errors: { code: number }[] }).errors.some((e) => e.code === invalidTokenCode))
      failures.push({ text: `${label(x)}: 401 without platform code ${invalidTokenCode}`, field: 'auth' });
    else passed.push(`${label(x)}: 401, code ${invalidTokenCode}`);
  }
  return verdict('auth', {
    failures,
    ran: probes.length > 0,
    passed,
    notRun,
  });
};
