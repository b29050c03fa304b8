/**
 * Hand-written validation of a createTask body, from the seed page's table and docs/contract-decisions.md
 * (never from openapi/: the sandbox must stay an independent reading). Every problem is reported, each
 * message starting with the field it is about.
 *
 * Decisions: `desc` is optional (the documented sample request omits it); the task `name` is optional
 * (the template's name is used); `userInfo` needs `_id`, `emailId` or `phoneNumber`; unknown properties are ignored.
 * Agreed with the contract's decisions: required strings must not be empty, `name` is at most 1024 characters
 * and `desc` at most 10 000, ids may carry the samples' `xxxx` mask, a phone number is any non-empty string.
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

const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type Record_ = Record<string, unknown>;

function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface StringRule {
  required?: boolean;
  mayBeEmpty?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  hint?: string; // what the pattern wants, for the message
}

/** Checks one string property; returns the message for a problem, or undefined when fine or absent-and-optional. */
function checkString(obj: Record_, key: string, path: string, rule: StringRule): string | undefined {
  const value = obj[key];
  if (value === undefined) return rule.required ? `${path} is required` : undefined;
  if (typeof value !== 'string') return `${path} must be a string (got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`;
  if (value === '' && !rule.mayBeEmpty) return `${path} must not be empty`;
  if (rule.maxLength !== undefined && [...value].length > rule.maxLength) return `${path} must be at most ${rule.maxLength} characters`;
  if (rule.pattern && !rule.pattern.test(value)) return `${path} must be ${rule.hint}`;
  return undefined;
}

export function validateCreateTask(body: unknown): Validation {
  if (!isObject(body)) return { ok: false, problems: ['body must be a JSON object'] };
  const problems: (string | undefined)[] = [
    checkString(body, 'caseId', 'caseId', { required: true, pattern: idPatterns.caseId, hint: 'a case id like ci-31d9184-d64d-42d9-8c75-5edba5313a6f' }),
    checkString(body, 'caseRefId', 'caseRefId', { required: true, pattern: idPatterns.caseRefId, hint: 'a case reference id like CS000131' }),
    checkString(body, 'taskTmp', 'taskTmp', { required: true, pattern: idPatterns.taskTmp, hint: 'a task template id like ttm-16623a9-c63c-4bda-b1e4-147549393b7c' }),
    checkString(body, 'name', 'name', { maxLength: 1024 }),
    checkString(body, 'desc', 'desc', { mayBeEmpty: true, maxLength: 10_000 }),
    checkString(body, 'source', 'source', { required: true }),
  ];
  const userInfo = body.userInfo;
  if (userInfo === undefined) problems.push('userInfo is required');
  else if (!isObject(userInfo)) problems.push('userInfo must be an object');
  else {
    problems.push(
      checkString(userInfo, 'name', 'userInfo.name', { required: true }),
      checkString(userInfo, '_id', 'userInfo._id', { pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' }),
      checkString(userInfo, 'emailId', 'userInfo.emailId', { pattern: emailPattern, hint: 'an email address' }),
      checkString(userInfo, 'phoneNumber', 'userInfo.phoneNumber', {}),
    );
    if (userInfo._id === undefined && userInfo.emailId === undefined && userInfo.phoneNumber === undefined) {
      problems.push('userInfo._id is required when neither userInfo.emailId nor userInfo.phoneNumber is given');
    }
  }
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) return { ok: false, problems: found };
  return { ok: true, input: body as unknown as CreateTaskInput };
}
