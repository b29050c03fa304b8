/**
 * stateful_links: judges the links sequence (scenarios/links-sequence.ts): what was written is read back and a
 * patch changes nothing else (breaking); `lname` follows `name` (a warning). Absent is not changed.
 */
import type { Json, OperationId } from '../spec.js';
import type { Check } from '../context.js';
import type { Provenance } from '../provenance.js';
import { linksSequence, type LinksSequence } from '../scenarios/links-sequence.js';
import { severity } from '../severity.js';
import { messageOf, verdict, type Finding, type Judged } from './verdict.js';

/** The rules of what one call answered, each adding a finding when broken. */
function rulesOf(findings: Finding[]) {
  /** Documented unless said (lname following name is inferred from the samples). */
  const expect = (ok: boolean, operation: OperationId, field: string, message: string, rule: Provenance = 'documented') =>
    void (ok || findings.push({ message, pointer: `${operation} ${field}`, operation, severity: severity({ about: 'rule', rule }) }));
  return {
    expect,
    /** The patch's value is answered (when the answer carries the field; the list call reads it back in any case). */
    applied: (answer: Json, op: OperationId, key: string, value: string) =>
      expect(
        answer?.[key] === undefined || answer[key] === value,
        op,
        key,
        `${op} answered ${key} ${JSON.stringify(answer?.[key])}, the patch set ${JSON.stringify(value)}`,
      ),
    lnameFollows: (item: Json, op: OperationId, what: string) =>
      expect(
        item?.lname === undefined || item?.name === undefined || item.lname === String(item.name).toLowerCase(),
        op,
        '/lname',
        `${what}: lname ${JSON.stringify(item?.lname)} is not the lower-cased name ${JSON.stringify(item?.name)}`,
        'inferred',
      ),
    /** Fields outside the patch keep their values, among those both answers carry. Not timestamps: each operation may format them its own way. */
    unchanged: (before: Json, after: Json, op: OperationId, keys: string[]) => {
      for (const key of keys.filter((k) => before?.[k] !== undefined && after?.[k] !== undefined))
        expect(
          JSON.stringify(after?.[key]) === JSON.stringify(before[key]),
          op,
          key,
          `${op} changed ${key} (not in the patch): ${JSON.stringify(before[key])} became ${JSON.stringify(after?.[key])}`,
        );
    },
    /** A list answer must hold `id`, and only items whose name contains the searchText. */
    listed: (list: Json, op: OperationId, id: string | undefined, name: string): Json => {
      const results: Json[] = Array.isArray(list?.results) ? list.results : [];
      const strays = results.filter(
        (r) =>
          !String(r?.name ?? '')
            .toLowerCase()
            .includes(name.toLowerCase()),
      );
      expect(
        strays.length === 0,
        op,
        'searchText',
        `${op} with searchText ${JSON.stringify(name)} answered ${strays.length} item(s) whose name does not contain it, e.g. ${JSON.stringify(strays[0]?.name)}`,
      );
      const found = results.find((r) => r?._id === id);
      expect(
        !!found,
        op,
        'searchText',
        `${op} with searchText ${JSON.stringify(name)} did not return ${id ?? 'the created record (its create answer had no _id)'}`,
      );
      return found;
    },
  };
}

/** The judge: each answer of the sequence, as far as it went. */
function judgeLinks({ names, calls, notSent }: LinksSequence): Judged {
  const findings: Finding[] = [];
  const { expect, applied, lnameFollows, unchanged, listed } = rulesOf(findings);
  const answer = (i: number): Json => calls[i]?.step?.response;
  const [kase, caseList, task, taskList, updated, updatedList, caseUpdated, caseUpdatedList] = calls.map((_, i) => answer(i));
  if (kase) {
    expect(
      kase.name === names.case,
      'createCase',
      '/name',
      `createCase: name ${JSON.stringify(kase.name)} does not echo ${JSON.stringify(names.case)}`,
    );
    lnameFollows(kase, 'createCase', 'the created case');
  }
  if (caseList) listed(caseList, 'getCases', kase._id, names.case);
  if (task)
    expect(task.caseId === kase._id, 'createTask', '/caseId', `the task's caseId ${JSON.stringify(task.caseId)} is not the new case's ${kase._id}`);
  if (taskList) listed(taskList, 'getTasks', task._id, names.task);
  /** A rename: applied, lname following, nothing else changed, in its answer and as the list reads it back. */
  const renamed = (before: Json, after: Json, list: Json, op: OperationId, name: string, what: string, kept: string[]) => {
    if (after) {
      applied(after, op, 'name', name);
      lnameFollows(after, op, what);
      unchanged(before, after, op, ['_id', ...kept]);
    }
    const readBack = list && listed(list, op === 'updateTask' ? 'getTasks' : 'getCases', before._id, name);
    if (readBack) unchanged(before, readBack, op, kept);
  };
  renamed(task, updated, updatedList, 'updateTask', names.taskRenamed, 'the renamed task', ['caseId', 'caseRefId', 'refId']);
  renamed(kase, caseUpdated, caseUpdatedList, 'updateCase', names.caseRenamed, 'the renamed case', ['refId', 'caseTmp', 'desc']);
  const refused = calls.find((c) => !c.step);
  if (refused) {
    const x = refused.exchange;
    findings.push({
      message: `${refused.name}: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`,
      pointer: `${refused.operation} (valid body)`,
      operation: refused.operation,
      severity: severity({ about: 'rule', rule: 'documented' }),
      exchanges: [x],
    });
  }
  const complete = !refused && !notSent;
  const passed = complete
    ? [
        `createCase → getCases → createTask (link body: caseId, caseRefId) → getTasks → updateTask → getTasks → updateCase → getCases: case ${kase._id}, task ${task._id} written and read back; names and lname followed; updates partial`,
      ]
    : [];
  const notRun = notSent ? [notSent] : [];
  return { findings, ran: notRun.length === 0 || findings.length > 0, passed, notRun, skipReason: notRun[0] };
}

export const statefulLinks: Check = async (ctx) => {
  const { target } = ctx;
  if (!target.stateful)
    return verdict('stateful_links', { ran: false, skipReason: `${target.name} keeps no state: what is written cannot be read back` });
  if (!target.fixtures.caseTemplateId)
    return verdict('stateful_links', {
      ran: false,
      skipReason: 'no case template for this target (KORE_CASE_TEMPLATE_ID)',
      notRun: ['the links sequence: no case template (KORE_CASE_TEMPLATE_ID)'],
    });
  const spent = ctx.budget.spent();
  if (spent) return verdict('stateful_links', { ran: false, skipReason: `not run: ${spent}`, notRun: [`the links sequence: ${spent}`] });
  return verdict('stateful_links', judgeLinks(await ctx.recorded(linksSequence)));
};
