/**
 * createCase: the body's fields (400, every problem, from the page's table) → the case template (400 naming
 * caseTmp) → case created (200) with the stream's next `CS…` reference id. Open, unassigned, with its template's
 * priority. The field decisions are in sandbox/README.md (createCase).
 */
import { recordTooLarge } from './bounds.js';
import { buildCase, type CaseParts } from './case.js';
import { driftFor, itemAnswer } from './answers.js';
import { emailPattern, isObject, maxLength, type BodyTable, type Rules } from './fields.js';
import { isProblem } from '../http/errors.js';
import { caseManagementId, caseRefId, idPatterns } from '../store/ids.js';
import type { FamilyDeps, Operation } from './operation.js';
import { acceptBody } from './request-body.js';
import { taskCreator, taskUser } from './resolve.js';

const contactRules: Rules = {
  emailId: { kind: 'string', maxLength: maxLength.emailId, pattern: emailPattern, hint: 'an email address' },
  phoneNumber: { kind: 'string', maxLength: maxLength.phoneNumber },
};

const userInfoRules: Rules = {
  _id: { kind: 'string', maxLength: maxLength.id, pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' },
  name: { kind: 'string', mayBeEmpty: true, maxLength: maxLength.userName },
  ...contactRules,
};

/** The contact may be given at the top level, as the page shows it, or in `userInfo`, as createTask has it. */
const contactGiven = (body: Record<string, unknown>, user: Record<string, unknown>, key: string) =>
  body[key] !== undefined || user[key] !== undefined;

export const createCaseBody: BodyTable = {
  fields: {
    caseTmp: {
      kind: 'string',
      required: true,
      maxLength: maxLength.id,
      pattern: idPatterns.caseTmp,
      hint: 'a case template id like ctm-d4e6152-4255-4c5c-ba6c-91dac5cd7e21',
    },
    name: { kind: 'string', required: true, maxLength: maxLength.name },
    desc: { kind: 'string', required: true, mayBeEmpty: true, maxLength: maxLength.desc },
    userInfo: { kind: 'object', required: true, fields: userInfoRules },
    ...contactRules,
    source: { kind: 'string', required: true, maxLength: maxLength.source },
    dueDate: { kind: 'instant', form: 'iso', required: true },
  },
  together: (body) =>
    isObject(body.userInfo) &&
    body.userInfo._id === undefined &&
    !contactGiven(body, body.userInfo, 'emailId') &&
    !contactGiven(body, body.userInfo, 'phoneNumber')
      ? 'userInfo._id is required when neither emailId nor phoneNumber is given'
      : undefined,
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
      const accepted = acceptBody(deps, 'createCase', body, createCaseBody, (values) => {
        const input = values as unknown as CreateCaseInput;
        const template = tenant.caseTemplates.get(input.caseTmp);
        if (!template || template.streamId !== stream._id) return [`caseTmp: no case template ${input.caseTmp} in stream ${stream._id}`];
        return { input, template };
      });
      if (isProblem(accepted)) return accepted;
      const { input, template } = accepted;
      const emailId = input.emailId ?? input.userInfo.emailId;
      const phoneNumber = input.phoneNumber ?? input.userInfo.phoneNumber;
      const known = tenant.users.get(input.userInfo._id ?? '');
      const contact = taskUser({ _id: input.userInfo._id, name: input.userInfo.name ?? known?.name ?? '', emailId, phoneNumber }, tenant);
      const parts: CaseParts = {
        id: driftFor(deps, 'createCase').mintId?.('ci') ?? caseManagementId('ci'),
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
