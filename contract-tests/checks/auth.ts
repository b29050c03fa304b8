/**
 * auth: no token, a tampered signature and an expired token are refused. Accepted, redirected or a 5xx is
 * breaking; the exact answer (401, code 4002, read from the operation's documented 401) is inferred: a warning.
 */
import { validatorAt } from '../spec.js';
import { codesIn } from '../error-codes.js';
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { about, label, locationOf, probesOf, specFor, verdict, type Finding } from './verdict.js';

export const auth: Check = async (ctx) => {
  const { probes, notRun } = await probesOf(ctx, 'reject-auth');
  const findings: Finding[] = [];
  const passed: string[] = [];
  for (const x of probes) {
    const r = x.response;
    const spec = specFor(x);
    const { provenance } = spec;
    const codes = spec.errorCodes(401);
    if (!r) findings.push(about(x, 'auth', `no answer: ${x.error}`, severity({ about: 'no-answer' })));
    else if (r.status < 400 || r.status >= 500)
      findings.push(about(x, 'auth', `not refused: ${r.status}${locationOf(x)}`, severity({ about: 'rule', rule: 'documented' })));
    else if (r.status !== 401)
      findings.push(about(x, 'auth', `refused with ${r.status}, the contract says 401`, severity({ about: 'unlisted-status', status: r.status })));
    else if (!validatorAt(spec.errorBodyPointer(401))(r.json)) passed.push(`${label(x)}: 401 (its body is judged by response_schema_conformance)`);
    else if (codes.length > 0 && ![...codesIn(r.json)].some((c) => codes.includes(c)))
      findings.push(
        about(
          x,
          'auth',
          `401 without platform code ${codes.join(' or ')}`,
          severity({ about: 'body', status: 401, keyword: 'const', path: '/errors/0/code' }, provenance),
        ),
      );
    else passed.push(`${label(x)}: 401${codes.length ? `, code ${[...codesIn(r.json)].join(', ')}` : ''}`);
  }
  return verdict('auth', {
    findings,
    ran: probes.length > 0,
    passed,
    notRun,
  });
};
