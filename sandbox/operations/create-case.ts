/**
 * createCase: validation (400, every problem, from the page's table) → the case template (400 naming caseTmp)
 * → case created (200) with the stream's next `CS…` reference id.
 *
 * Decisions: every field the table marks Required is required (`desc` may be empty); the contact's `emailId` and
 * `phoneNumber` are read at the top level, as the page shows them, and inside `userInfo`, as createTask has them
 * (the two pages disagree: both are accepted, the top level wins); one of `userInfo._id`, `emailId` or
 * `phoneNumber` is needed; `dueDate` is an ISO 8601 date-time, as the page's table (String) and sample have it
 * (the update pages take epoch ms: a number here is refused, naming the field). A new case is Open, unassigned, with its template's priority.
 */
import { recordTooLarge } from './bounds.js';
import { buildCase, type CaseParts } from './case.js';
import { itemAnswer } from './answers.js';
import { checkFields, emailPattern, isObject, maxLength, type Rules } from './fields.js';
import { ErrorCode, problem } from '../http/errors.js';
import { caseManagementId, caseRefId, idPatterns } from '../store/ids.js';
import type { FamilyDeps, Operation } from './operation.js';
import { taskCreator, taskUser } from './resolve.js';

const contactRules: Rules = {
  emailId: { kind: 'string', maxLength: maxLength.emailId, pattern: emailPattern, hint: 'an email address' },
  phoneNumber: { kind: 'string', maxLength: maxLength.phoneNumber },
};

const rules: Rules = {
  caseTmp: { kind: 'string', required: true, maxLength: maxLength.id, pattern: idPatterns.caseTmp, hint: 'a case template id like ctm-d4e6152-4255-4c5c-ba6c-91dac5cd7e21' },
  name: { kind: 'string', required: true, maxLength: maxLength.name },
  desc: { kind: 'string', required: true, mayBeEmpty: true, maxLength: maxLength.desc },
  userInfo: { kind: 'object', required: true },
  ...contactRules,
  source: { kind: 'string', required: true, maxLength: maxLength.source },
  dueDate: { kind: 'instant', form: 'iso', required: true },
};

const userInfoRules: Rules = {
  _id: { kind: 'string', maxLength: maxLength.id, pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' },
  name: { kind: 'string', mayBeEmpty: true, maxLength: maxLength.userName },
  ...contactRules,
};

interface CreateCaseInput {
  caseTmp: string;
  name: string;
  desc: string;
  userInfo: { _id?: string; name?: string; emailId?: string; phoneNumber?: string };
  emailId?: string;
  phoneNumber?: string;
  source: string;
  dueDate: number;
}

export function createCaseOperation(deps: FamilyDeps): Operation {
  const { tenant, cases } = deps;
  return {
    name: 'createCase',
    accountIdRequired: false,
    handle({ caller, stream, body }) {
      const checked = checkFields(body, rules);
      const rawUser = isObject(body) ? body.userInfo : undefined;
      const user = isObject(rawUser) ? checkFields(rawUser, userInfoRules, 'userInfo.') : undefined;
      const problems = [...(checked.ok ? [] : checked.problems), ...(user && !user.ok ? user.problems : [])];
      const given = (key: string) => (isObject(body) && body[key] !== undefined) || (isObject(rawUser) && rawUser[key] !== undefined);
      if (isObject(rawUser) && rawUser._id === undefined && !given('emailId') && !given('phoneNumber')) {
        problems.push('userInfo._id is required when neither emailId nor phoneNumber is given');
      }
      if (!checked.ok || !user?.ok || problems.length > 0) return problem(400, ErrorCode.invalidRequest, problems);
      const input = { ...checked.values, userInfo: user.values } as unknown as CreateCaseInput;
      const emailId = input.emailId ?? input.userInfo.emailId;
      const phoneNumber = input.phoneNumber ?? input.userInfo.phoneNumber;
      const template = tenant.caseTemplates.get(input.caseTmp);
      if (!template || template.streamId !== stream._id) {
        return problem(400, ErrorCode.invalidRequest, `caseTmp: no case template ${input.caseTmp} in stream ${stream._id}`);
      }
      const known = tenant.users.get(input.userInfo._id ?? '');
      const contact = taskUser({ _id: input.userInfo._id, name: input.userInfo.name ?? known?.name ?? '', emailId, phoneNumber }, tenant);
      const parts: CaseParts = {
        id: caseManagementId('ci'),
        refId: caseRefId(0),
        now: Date.now(),
        stream,
        template,
        name: input.name,
        desc: input.desc,
        source: input.source,
        dueDate: input.dueDate,
        userInfo: { ...contact, ...(emailId ? { emailId } : {}) },
        createdBy: taskCreator(caller?.sub ?? '', caller?.app ?? tenant.data.apps[0]!, tenant),
      };
      // the reference id is allocated on create; the one measured here has as many characters
      const probe = buildCase(parts);
      const tooLarge = recordTooLarge('case', probe, JSON.stringify(probe));
      if (tooLarge) return tooLarge;
      const created = cases.create(stream._id, (refId) => buildCase({ ...parts, refId }));
      return itemAnswer(deps, 'createCase', created);
    },
  };
}
