/**
 * semantic (stateful targets only): two creates through the SDK. Breaking: the task does not echo caseId,
 * caseRefId and name (as the page's sample does), or the two creates give one task. Warnings (inferred from one
 * sample or from clocks): `lname` is not the lower-cased name, `refId` does not match its pattern or grow,
 * timestamps are not RFC 3339 or not recent.
 */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { tagged } from '../operations.js';
import { bundle } from '../spec.js';
import type { Check } from '../context.js';
import type { Provenance } from '../provenance.js';
import { severity } from '../severity.js';
import { messageOf, verdict, type Finding } from './verdict.js';

type Task = Record<string, unknown>;
const refIdPattern = new RegExp(bundle.components.schemas.Task.properties.refId.pattern);
// Generous: a live tenant's clock may differ from ours.
const recentMs = 10 * 60_000;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export const semantic: Check = async (ctx) => {
  const { target } = ctx;
  if (!target.stateful) return verdict('semantic', { ran: false, skipReason: `${target.name} keeps no state (it answers the contract's example)` });
  const spent = ctx.budget.spent();
  if (spent) return verdict('semantic', { ran: false, skipReason: `not run: ${spent}`, notRun: [`two creates: ${spent}`] });
  const f = target.fixtures;
  const taskName = tagged(f, 'Contract Suite Task (MixedCase)');
  const body = { ...bodyWithUser(f, userVariants.emailId()), name: taskName };
  const tasks: Task[] = [];
  const failures: Finding[] = [];
  for (const n of [1, 2]) {
    const x = await sendOperationWithSdk(ctx, 'createTask', { probe: `semantic create ${n}`, intent: 'accept' }, body);
    if (x.response && x.response.status < 300 && x.response.json && typeof x.response.json === 'object') tasks.push(x.response.json as Task);
    else failures.push({ message: `create ${n} failed: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`, pointer: '(create)', severity: severity({ about: 'rule', rule: 'documented' }), exchanges: [x] });
  }
  const [first, second] = tasks;
  if (!first || !second) return verdict('semantic', { findings: failures, ran: true });

  /** A rule of createTask's answer: documented unless said (lname, refId's form and growth, the clocks are inferred). */
  const expect = (ok: boolean, field: string, message: string, rule: Provenance = 'documented') =>
    void (ok || failures.push({ message, pointer: field, operation: 'createTask', severity: severity({ about: 'rule', rule }) }));
  for (const [i, t] of tasks.entries()) {
    const which = `task ${i + 1}`;
    expect(t.caseId === f.caseId, '/caseId', `${which}: caseId ${JSON.stringify(t.caseId)} does not echo ${f.caseId}`);
    expect(t.caseRefId === f.caseRefId, '/caseRefId', `${which}: caseRefId ${JSON.stringify(t.caseRefId)} does not echo ${f.caseRefId}`);
    expect(t.name === taskName, '/name', `${which}: name ${JSON.stringify(t.name)} does not echo ${JSON.stringify(taskName)}`);
    expect(t.lname === taskName.toLowerCase(), '/lname', `${which}: lname ${JSON.stringify(t.lname)} is not the lower-cased name`, 'inferred'); // inferred from one sample
    expect(typeof t.refId === 'string' && refIdPattern.test(t.refId), '/refId', `${which}: refId ${JSON.stringify(t.refId)} does not match ${refIdPattern}`, 'inferred'); // a value constraint, inferred
    // The format and the clocks are inferred: a date in another format, or a tenant's clock off, is a warning.
    if (!rfc3339.test(String(t.createdAt))) expect(false, '/createdAt', `${which}: createdAt ${JSON.stringify(t.createdAt)} is not an RFC 3339 date-time`, 'inferred');
    else expect(Math.abs(Date.parse(String(t.createdAt)) - Date.now()) < recentMs, '/createdAt', `${which}: createdAt ${JSON.stringify(t.createdAt)} is not within 10 minutes of now`, 'inferred');
    if (typeof t.timestampValue !== 'number') expect(false, '/timestampValue', `${which}: timestampValue ${JSON.stringify(t.timestampValue)} is not a number`);
    else expect(Math.abs(t.timestampValue - Date.now()) < recentMs, '/timestampValue', `${which}: timestampValue ${t.timestampValue} is not within 10 minutes of now`, 'inferred');
  }
  expect(first._id !== second._id, '/_id', `two creates gave the same _id ${JSON.stringify(first._id)}`);
  const seq = (t: Task) => Number(String(t.refId).replace(/\D/g, ''));
  expect(seq(second) > seq(first), '/refId', `refId does not grow: ${JSON.stringify(first.refId)} then ${JSON.stringify(second.refId)}`, 'inferred'); // inferred
  return verdict('semantic', {
    findings: failures,
    ran: true,
    passed: [`two creates: ids ${first._id} and ${second._id}, refIds ${first.refId} < ${second.refId}; caseId, caseRefId, name echoed, lname lower-cased, timestamps recent`],
  });
};
