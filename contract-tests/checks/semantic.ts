/**
 * semantic: judges two creates of one body: caseId, caseRefId and name echoed and two tasks made (breaking);
 * `lname`, refId's form and growth, and recent RFC 3339 timestamps are inferred (warnings).
 */
import { bundle } from '../spec.js';
import type { Check } from '../context.js';
import type { Provenance } from '../provenance.js';
import { twoCreates, type TwoCreates } from '../scenarios/two-creates.js';
import { severity } from '../severity.js';
import type { Fixtures } from '../targets/target.js';
import { messageOf, verdict, type Finding, type Judged } from './verdict.js';

type Task = Record<string, unknown>;
const refIdPattern = new RegExp(bundle.components.schemas.Task.properties.refId.pattern);
// Generous: a live tenant's clock may differ from ours.
const recentMs = 10 * 60_000;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** The rules one created task keeps: documented unless said (lname, refId's form, the clocks are inferred). */
function taskRules(
  t: Task,
  which: string,
  name: string,
  f: Fixtures,
  expect: (ok: boolean, field: string, message: string, rule?: Provenance) => void,
  now: number,
): void {
  expect(t.caseId === f.caseId, '/caseId', `${which}: caseId ${JSON.stringify(t.caseId)} does not echo ${f.caseId}`);
  expect(t.caseRefId === f.caseRefId, '/caseRefId', `${which}: caseRefId ${JSON.stringify(t.caseRefId)} does not echo ${f.caseRefId}`);
  expect(t.name === name, '/name', `${which}: name ${JSON.stringify(t.name)} does not echo ${JSON.stringify(name)}`);
  expect(t.lname === name.toLowerCase(), '/lname', `${which}: lname ${JSON.stringify(t.lname)} is not the lower-cased name`, 'inferred');
  expect(
    typeof t.refId === 'string' && refIdPattern.test(t.refId),
    '/refId',
    `${which}: refId ${JSON.stringify(t.refId)} does not match ${refIdPattern}`,
    'inferred',
  );
  // The format and the clocks are inferred: a date in another format, or a tenant's clock off, is a warning.
  if (!rfc3339.test(String(t.createdAt)))
    expect(false, '/createdAt', `${which}: createdAt ${JSON.stringify(t.createdAt)} is not an RFC 3339 date-time`, 'inferred');
  else
    expect(
      Math.abs(Date.parse(String(t.createdAt)) - now) < recentMs,
      '/createdAt',
      `${which}: createdAt ${JSON.stringify(t.createdAt)} is not within 10 minutes of now`,
      'inferred',
    );
  if (typeof t.timestampValue !== 'number')
    expect(false, '/timestampValue', `${which}: timestampValue ${JSON.stringify(t.timestampValue)} is not a number`);
  else
    expect(
      Math.abs(t.timestampValue - now) < recentMs,
      '/timestampValue',
      `${which}: timestampValue ${t.timestampValue} is not within 10 minutes of now`,
      'inferred',
    );
}

/** The judge: the two recorded creates, against the fixtures the bodies were built from. */
export function judgeTwoCreates({ name, creates }: TwoCreates, f: Fixtures, now = Date.now()): Judged {
  const findings: Finding[] = [];
  const tasks: Task[] = [];
  for (const [i, x] of creates.entries()) {
    if (x.response && x.response.status < 300 && x.response.json && typeof x.response.json === 'object') tasks.push(x.response.json as Task);
    else
      findings.push({
        message: `create ${i + 1} failed: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`,
        pointer: '(create)',
        severity: severity({ about: 'rule', rule: 'documented' }),
        exchanges: [x],
      });
  }
  const [first, second] = tasks;
  if (!first || !second) return { findings, ran: true };
  const expect = (ok: boolean, field: string, message: string, rule: Provenance = 'documented') =>
    void (ok || findings.push({ message, pointer: field, operation: 'createTask', severity: severity({ about: 'rule', rule }) }));
  for (const [i, t] of tasks.entries()) taskRules(t, `task ${i + 1}`, name, f, expect, now);
  expect(first._id !== second._id, '/_id', `two creates gave the same _id ${JSON.stringify(first._id)}`);
  const seq = (t: Task) => Number(String(t.refId).replace(/\D/g, ''));
  expect(seq(second) > seq(first), '/refId', `refId does not grow: ${JSON.stringify(first.refId)} then ${JSON.stringify(second.refId)}`, 'inferred');
  return {
    findings,
    ran: true,
    passed: [
      `two creates: ids ${first._id} and ${second._id}, refIds ${first.refId} < ${second.refId}; caseId, caseRefId, name echoed, lname lower-cased, timestamps recent`,
    ],
  };
}

export const semantic: Check = async (ctx) => {
  const { target } = ctx;
  if (!target.stateful) return verdict('semantic', { ran: false, skipReason: `${target.name} keeps no state (it answers the contract's example)` });
  const spent = ctx.budget.spent();
  if (spent) return verdict('semantic', { ran: false, skipReason: `not run: ${spent}`, notRun: [`two creates: ${spent}`] });
  return verdict('semantic', judgeTwoCreates(await ctx.recorded(twoCreates), target.fixtures));
};
