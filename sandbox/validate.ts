/**
 * Hand-written validation of a createTask body, from the seed page's table and DESIGN.md's decisions
 * (never from openapi/: the sandbox must stay an independent reading). Every problem is reported, each
 * message starting with the field it is about.
 *
 * Decisions: `desc` is optional (the documented sample request omits it); the task `name` is optional
 * (the template's name is used); `userInfo` needs `_id`, `emailId` or `phoneNumber`; unknown properties are ignored.
 */
import { idPatterns } from './ids.js';

export interface UserInfoInput {
  _id?: string;
  name: string;
  emailId?: string;
  phoneNumber?: string;
}

export interface CreateTaskInput {
  caseId: string;
  caseRefId: string;
  taskTmp: string;
  name?: string;
  desc?: string;
  source: string;
  userInfo: UserInfoInput;
}

export type Validation = { ok: true; input: CreateTaskInput } | { ok: false, problems: string[] };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{3,}$/;

type Record_ = Record<string, unknown>;

function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one string property; returns the message for a problem, or undefined when fine or absent-and-optional. */
function checkString(obj: Record_, key: string, path: string, required: boolean, pattern?: RegExp, patternHint?: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return required ? `${path} is required` : undefined;
  if (typeof value !== 'string') return `${path} must be a string (got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`;
  if (value.trim() === '') return `${path} must not be empty`;
  if (pattern && !pattern.test(value)) return `${path} must be ${patternHint}`;
  return undefined;
}

export function validateCreateTask(body: unknown): Validation {
  if (!isObject(body)) return { ok: false, problems: ['body must be a JSON object'] };
  const problems: (string | undefined)[] = [
    checkString(body, 'caseId', 'caseId', true, idPatterns.caseId, 'a case id like ci-31d9184-d64d-42d9-8c75-5edba5313a6f'),
    checkString(body, 'caseRefId', 'caseRefId', true, idPatterns.caseRefId, 'a case reference id like CS000131'),
    checkString(body, 'taskTmp', 'taskTmp', true, idPatterns.taskTmp, 'a task template id like ttm-16623a9-c63c-4bda-b1e4-147549393b7c'),
    checkString(body, 'name', 'name', false),
    checkString(body, 'desc', 'desc', false),
    checkString(body, 'source', 'source', true),
  ];
  const userInfo = body.userInfo;
  if (userInfo === undefined) problems.push('userInfo is required');
  else if (!isObject(userInfo)) problems.push('userInfo must be an object');
  else {
    problems.push(
      checkString(userInfo, 'name', 'userInfo.name', true),
      checkString(userInfo, '_id', 'userInfo._id', false, idPatterns.userId, 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10'),
      checkString(userInfo, 'emailId', 'userInfo.emailId', false, emailPattern, 'an email address'),
      checkString(userInfo, 'phoneNumber', 'userInfo.phoneNumber', false, phonePattern, 'a phone number'),
    );
    if (userInfo._id === undefined && userInfo.emailId === undefined && userInfo.phoneNumber === undefined) {
      problems.push('userInfo._id is required when neither userInfo.emailId nor userInfo.phoneNumber is given');
    }
  }
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) return { ok: false, problems: found };
  return { ok: true, input: body as unknown as CreateTaskInput };
}
