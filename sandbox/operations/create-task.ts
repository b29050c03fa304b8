/**
 * createTask: validation (400, every problem) → tenant references (400: the case, its reference, the template)
 * → task created (200). The gate (gate.ts) has run before; nothing refused creates a task.
 *
 * Decisions: `desc` and the task `name` are optional (the sample request omits `desc`; the template's name is used);
 * `userInfo` needs `_id`, `emailId` or `phoneNumber`; unknown properties are ignored.
 */
import { driftFor } from './answers.js';
import { ErrorCode, problem } from '../http/errors.js';
import { caseManagementId, idPatterns, taskRefId } from '../store/ids.js';
import { checkFields, emailPattern, isObject, maxLength, type Rules } from './fields.js';
import type { CreateTaskInput } from './inputs.js';
import type { FamilyDeps, Operation } from './operation.js';
import { resolveReferences, taskCreator, taskUser } from './resolve.js';
import { buildTask } from './task.js';
import { shareInTasks } from '../store/task-json.js';
import type { Stream, TaskTemplate, TenantIndex } from '../tenant/tenant.js';

const rules: Rules = {
  caseId: { kind: 'string', required: true, maxLength: maxLength.id, pattern: idPatterns.caseId, hint: 'a case id like ci-31d9184-d64d-42d9-8c75-5edba5313a6f' },
  caseRefId: { kind: 'string', required: true, maxLength: maxLength.id, pattern: idPatterns.caseRefId, hint: 'a case reference id like CS000131' },
  taskTmp: { kind: 'string', required: true, maxLength: maxLength.id, pattern: idPatterns.taskTmp, hint: 'a task template id like ttm-16623a9-c63c-4bda-b1e4-147549393b7c' },
  name: { kind: 'string', maxLength: maxLength.name },
  desc: { kind: 'string', mayBeEmpty: true, maxLength: maxLength.desc },
  source: { kind: 'string', required: true, maxLength: maxLength.source },
  userInfo: { kind: 'object', required: true },
};

const userInfoRules: Rules = {
  name: { kind: 'string', required: true, maxLength: maxLength.userName },
  _id: { kind: 'string', maxLength: maxLength.id, pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' },
  emailId: { kind: 'string', maxLength: maxLength.emailId, pattern: emailPattern, hint: 'an email address' },
  phoneNumber: { kind: 'string', maxLength: maxLength.phoneNumber },
};

/** The body as a createTask input, or every problem found (its fields', then its userInfo's). */
export function checkCreateTask(body: unknown): { ok: true; input: CreateTaskInput } | { ok: false; problems: string[] } {
  const checked = checkFields(body, rules);
  const rawUser = isObject(body) ? body.userInfo : undefined;
  const user = isObject(rawUser) ? checkFields(rawUser, userInfoRules, 'userInfo.') : undefined;
  const problems = [...(checked.ok ? [] : checked.problems), ...(user && !user.ok ? user.problems : [])];
  if (isObject(rawUser) && rawUser._id === undefined && rawUser.emailId === undefined && rawUser.phoneNumber === undefined) {
    problems.push('userInfo must have _id, emailId or phoneNumber');
  }
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };
  return { ok: true, input: checked.values as unknown as CreateTaskInput };
}

export function createTaskOperation(deps: FamilyDeps): Operation {
  const { tenant, tasks, cases } = deps;
  const drift = driftFor(deps, 'createTask');
  for (const t of tenant.data.templates) shareInTasks(t.fields, t.status, t.priority);
  const caseOf = (id: string) => cases.get(id);

  return {
    name: 'createTask',
    accountIdRequired: false,
    handle({ caller, stream, body }) {
      let input: CreateTaskInput;
      let template: TaskTemplate;
      if (drift.skipValidation) ({ input, template } = lenientInput(body, stream, tenant));
      else {
        const validation = checkCreateTask(body);
        const invalid = (msgs: string[]) => problem(drift.validationStatus ?? 400, ErrorCode.invalidRequest, msgs);
        if (!validation.ok) return invalid(validation.problems);
        const resolved = resolveReferences(validation.input, stream, tenant, caseOf);
        if (Array.isArray(resolved)) return invalid(resolved);
        ({ input } = validation);
        ({ template } = resolved);
      }
      if (drift.failsValidRequest?.(input)) return problem(500, ErrorCode.internal, 'internal error');

      const now = Date.now();
      const stored = tasks.create(stream._id, (sequence) =>
        buildTask({
          id: drift.mintTaskId?.() ?? caseManagementId('ti'),
          refId: taskRefId(sequence),
          now,
          stream,
          template,
          caseId: input.caseId,
          caseRefId: input.caseRefId,
          name: input.name,
          source: input.source,
          userInfo: taskUser(input.userInfo, tenant),
          createdBy: taskCreator(caller?.sub ?? '', caller?.app ?? tenant.data.apps[0]!, tenant), // no caller: auth-not-enforced drift
        }),
      );
      const json = drift.mapTask ? JSON.stringify(drift.mapTask(stored.task)) : stored.json;
      return { status: drift.successStatus, json, contentType: drift.successContentType, bodyFault: drift.successBodyFault };
    },
  };
}

/** For the accepts-invalid-input drift only: whatever came in, made just good enough to build a task from. */
function lenientInput(body: unknown, stream: Stream, tenant: TenantIndex): { input: CreateTaskInput; template: TaskTemplate } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const u = (typeof b.userInfo === 'object' && b.userInfo !== null ? b.userInfo : {}) as Record<string, unknown>;
  // bounded like a validated value: even this drift keeps a task small
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).slice(0, maxLength.name));
  const template =
    tenant.templates.get(str(b.taskTmp)) ?? tenant.data.templates.find((t) => t.streamId === stream._id) ?? tenant.data.templates[0]!;
  const input: CreateTaskInput = {
    caseId: str(b.caseId),
    caseRefId: str(b.caseRefId),
    taskTmp: template._id,
    name: typeof b.name === 'string' ? str(b.name) : undefined,
    source: str(b.source),
    userInfo: { _id: str(u._id) || undefined, name: str(u.name), emailId: str(u.emailId) || 'unknown@example.com' },
  };
  return { input, template };
}
