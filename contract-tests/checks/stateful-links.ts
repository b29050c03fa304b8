/**
 * stateful_links (stateful targets only): a sequence that follows the contract's `links`. Create a case, find it
 * with getCases, create a task in it (the link's body gives caseId and caseRefId), find it with getTasks, rename it
 * with updateTask, find it again; rename the case with updateCase and find it again. Breaking: what was written is
 * not read back (a create or update refused, an item not found, a list answering items its searchText does not
 * match, a patch not applied, a field outside the patch changed). A warning: `lname` does not follow `name` (the
 * rule is inferred from the samples). Absent is not changed: the pages' current samples are abridged, so only the
 * fields an answer carries are compared; what the update's answer leaves out is read back with the list call.
 */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { follow, type Step } from '../links.js';
import { rowOf, tagged } from '../operations.js';
import type { Json, OperationId } from '../spec.js';
import type { Check } from '../context.js';
import type { Provenance } from '../provenance.js';
import { severity } from '../severity.js';
import { messageOf, verdict, type Finding } from './verdict.js';

class Stop extends Error {}

export const statefulLinks: Check = async (ctx) => {
  const { target } = ctx;
  if (!target.stateful) return verdict('stateful_links', { ran: false, skipReason: `${target.name} keeps no state: what is written cannot be read back` });
  const f = target.fixtures;
  if (!f.caseTemplateId) return verdict('stateful_links', { ran: false, skipReason: 'no case template for this target (KORE_CASE_TEMPLATE_ID)', notRun: ['the links sequence: no case template (KORE_CASE_TEMPLATE_ID)'] });
  const spent = ctx.budget.spent();
  if (spent) return verdict('stateful_links', { ran: false, skipReason: `not run: ${spent}`, notRun: [`the links sequence: ${spent}`] });

  const findings: Finding[] = [];
  const passed: string[] = [];
  const notRun: string[] = [];
  /** A rule of the sequence: documented unless said (lname following name is inferred from the samples). */
  const expect = (ok: boolean, operation: OperationId, field: string, message: string, rule: Provenance = 'documented') =>
    void (ok || findings.push({ message, pointer: `${operation} ${field}`, operation, severity: severity({ about: 'rule', rule }) }));

  /** One call of the sequence, through the SDK; a refusal stops the sequence (nothing further can be read back). */
  async function call(operation: OperationId, probe: string, body: Json, params: Record<string, string> = {}): Promise<Step> {
    const x = await sendOperationWithSdk(ctx, operation, { probe: `links: ${probe}`, intent: 'accept' }, body, params);
    // The run stopped sending (deadline, budget): the rest of the sequence did not run; nothing was refuted.
    if (x.error?.startsWith('not sent:')) {
      notRun.push(`the links sequence from ${probe} on: ${x.error}`);
      throw new Stop();
    }
    if (!x.response || x.response.status >= 300 || !x.response.json || typeof x.response.json !== 'object') {
      findings.push({ message: `${probe}: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`, pointer: `${operation} (valid body)`, operation, severity: severity({ about: 'rule', rule: 'documented' }) });
      throw new Stop();
    }
    return { operation, path: params, headers: target.accountId ? { accountId: target.accountId } : {}, body, response: x.response.json };
  }
  /** The patch's value is answered (when the answer carries the field; the list call reads it back in any case). */
  const applied = (answer: Json, op: OperationId, key: string, value: string) =>
    expect(answer?.[key] === undefined || answer[key] === value, op, key, `${op} answered ${key} ${JSON.stringify(answer?.[key])}, the patch set ${JSON.stringify(value)}`);
  /** A list call that must find `id` under `name`, and answer only items whose name contains the searchText. */
  async function find(from: Step, link: string, id: string, name: string): Promise<Json> {
    const next = follow(from, link);
    const list = await call(next.operation, `${next.operation} finds ${JSON.stringify(name)}`, { ...next.body, searchText: name }, next.params);
    const results: Json[] = Array.isArray(list.response.results) ? list.response.results : [];
    const strays = results.filter((r) => !String(r?.name ?? '').toLowerCase().includes(name.toLowerCase()));
    expect(strays.length === 0, next.operation, 'searchText', `${next.operation} with searchText ${JSON.stringify(name)} answered ${strays.length} item(s) whose name does not contain it, e.g. ${JSON.stringify(strays[0]?.name)}`);
    const found = results.find((r) => r?._id === id);
    expect(!!found, next.operation, 'searchText', `${next.operation} with searchText ${JSON.stringify(name)} did not return ${id}`);
    return found;
  }
  const lnameFollows = (item: Json, op: OperationId, what: string) =>
    expect(item?.lname === undefined || item?.name === undefined || item.lname === String(item.name).toLowerCase(), op, '/lname', `${what}: lname ${JSON.stringify(item?.lname)} is not the lower-cased name ${JSON.stringify(item?.name)}`, 'inferred');
  /**
   * Fields outside the patch keep their values (a partial update), among those both answers carry: a field an
   * abridged answer leaves out has not changed. Not timestamps: each operation may format them its own way (inferred).
   */
  const unchanged = (before: Json, after: Json, op: OperationId, keys: string[]) => {
    for (const key of keys.filter((k) => before?.[k] !== undefined && after?.[k] !== undefined))
      expect(JSON.stringify(after?.[key]) === JSON.stringify(before[key]), op, key, `${op} changed ${key} (not in the patch): ${JSON.stringify(before[key])} became ${JSON.stringify(after?.[key])}`);
  };

  try {
    const caseName = tagged(f, 'Links Case (MixedCase)');
    const created = await call('createCase', 'createCase', { ...rowOf('createCase').valid(f)[0], name: caseName });
    const kase = created.response;
    expect(kase.name === caseName, 'createCase', '/name', `createCase: name ${JSON.stringify(kase.name)} does not echo ${JSON.stringify(caseName)}`);
    lnameFollows(kase, 'createCase', 'the created case');
    await find(created, 'getCases', kase._id, caseName);

    const taskName = tagged(f, 'Links Task (MixedCase)');
    const toTask = follow(created, 'createTask');
    const task = await call(toTask.operation, 'createTask in the new case', { ...bodyWithUser(f, userVariants.emailId()), ...toTask.body, name: taskName }, toTask.params);
    expect(task.response.caseId === kase._id, 'createTask', '/caseId', `the task's caseId ${JSON.stringify(task.response.caseId)} is not the new case's ${kase._id}`);
    await find(task, 'getTasks', task.response._id, taskName);

    const renamed = tagged(f, 'Links Task Renamed (MixedCase)');
    const toUpdate = follow(task, 'updateTask');
    const updated = await call(toUpdate.operation, 'updateTask renames it', { ...toUpdate.body, name: renamed }, toUpdate.params);
    applied(updated.response, 'updateTask', 'name', renamed);
    lnameFollows(updated.response, 'updateTask', 'the renamed task');
    unchanged(task.response, updated.response, 'updateTask', ['_id', 'caseId', 'caseRefId', 'refId']);
    const readBack = await find(updated, 'getTasks', task.response._id, renamed);
    if (readBack) unchanged(task.response, readBack, 'updateTask', ['caseId', 'caseRefId', 'refId']);

    const caseRenamed = tagged(f, 'Links Case Renamed (MixedCase)');
    const toCase = follow(created, 'updateCase');
    const caseUpdated = await call(toCase.operation, 'updateCase renames the case', { ...toCase.body, name: caseRenamed }, toCase.params);
    applied(caseUpdated.response, 'updateCase', 'name', caseRenamed);
    lnameFollows(caseUpdated.response, 'updateCase', 'the renamed case');
    unchanged(kase, caseUpdated.response, 'updateCase', ['_id', 'refId', 'caseTmp', 'desc']);
    const caseReadBack = await find(caseUpdated, 'getCases', kase._id, caseRenamed);
    if (caseReadBack) unchanged(kase, caseReadBack, 'updateCase', ['refId', 'caseTmp', 'desc']);
    passed.push(
      `createCase → getCases → createTask (link body: caseId, caseRefId) → getTasks → updateTask → getTasks → updateCase → getCases: case ${kase._id}, task ${task.response._id} written and read back; names and lname followed; updates partial`,
    );
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return verdict('stateful_links', { findings, ran: notRun.length === 0 || findings.length > 0, passed, notRun, skipReason: notRun[0] });
};
