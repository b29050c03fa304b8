/**
 * createTask: the body's fields (400, every problem) → tenant references (400: the case, its reference, the
 * template) → task created (200). `desc` and the task `name` are optional (the sample request omits `desc`; the
 * template's name is used); `userInfo` needs `_id`, `emailId` or `phoneNumber`; unknown properties are ignored.
 */
import { driftFor, itemAnswer } from './answers.js';
import { isProblem } from '../http/errors.js';
import { caseManagementId, idPatterns } from '../store/ids.js';
import { emailPattern, isObject, maxLength, type BodyTable, type Rules } from './fields.js';
import type { CreateTaskInput } from './inputs.js';
import type { FamilyDeps, Operation } from './operation.js';
import { acceptBody } from './request-body.js';
import { resolveReferences, taskCreator, taskUser } from './resolve.js';
import { buildTask } from './task.js';

const userInfoRules: Rules = {
  name: { kind: 'string', required: true, maxLength: maxLength.userName },
  _id: { kind: 'string', maxLength: maxLength.id, pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' },
  emailId: { kind: 'string', maxLength: maxLength.emailId, pattern: emailPattern, hint: 'an email address' },
  phoneNumber: { kind: 'string', maxLength: maxLength.phoneNumber },
};

export const createTaskBody: BodyTable = {
  fields: {
    caseId: {
      kind: 'string',
      required: true,
      maxLength: maxLength.id,
      pattern: idPatterns.caseId,
      hint: 'a case id like ci-31d9184-d64d-42d9-8c75-5edba5313a6f',
    },
    caseRefId: { kind: 'string', required: true, maxLength: maxLength.id, pattern: idPatterns.caseRefId, hint: 'a case reference id like CS000131' },
    taskTmp: {
      kind: 'string',
      required: true,
      maxLength: maxLength.id,
      pattern: idPatterns.taskTmp,
      hint: 'a task template id like ttm-16623a9-c63c-4bda-b1e4-147549393b7c',
    },
    name: { kind: 'string', maxLength: maxLength.name },
    desc: { kind: 'string', mayBeEmpty: true, maxLength: maxLength.desc },
    source: { kind: 'string', required: true, maxLength: maxLength.source },
    userInfo: { kind: 'object', required: true, fields: userInfoRules },
  },
  together: ({ userInfo: u }) =>
    isObject(u) && u._id === undefined && u.emailId === undefined && u.phoneNumber === undefined
      ? 'userInfo must have _id, emailId or phoneNumber'
      : undefined,
};

export function createTaskOperation(deps: FamilyDeps): Operation {
  const { tenant, tasks, cases } = deps;
  const caseOf = (id: string) => cases.get(id);
  return {
    name: 'createTask',
    accountIdRequired: false,
    handle({ caller, stream, body }) {
      const accepted = acceptBody(deps, 'createTask', body, createTaskBody, (values, lenient) => {
        const input = values as unknown as CreateTaskInput;
        const resolved = resolveReferences(input, stream, tenant, caseOf, lenient);
        return Array.isArray(resolved) ? resolved : { input, template: resolved.template };
      });
      if (isProblem(accepted)) return accepted;
      const { input, template } = accepted;
      const now = Date.now();
      const task = tasks.create(stream._id, (refId) =>
        buildTask({
          id: driftFor(deps, 'createTask').mintId?.('ti') ?? caseManagementId('ti'),
          refId,
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
      return itemAnswer(deps, 'createTask', task);
    },
  };
}
