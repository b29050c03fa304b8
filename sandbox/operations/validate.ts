/**
 * Hand-written validation of a createTask body, from the seed page's table and the decisions recorded in
 * docs/contract-decisions.md (never from the contract files: the sandbox must stay an independent reading).
 * Every problem is reported, each message starting with the field it is about.
 *
 * Decisions: `desc` is optional (the documented sample request omits it); the task `name` is optional
 * (the template's name is used); `userInfo` needs `_id`, `emailId` or `phoneNumber`; unknown properties are ignored;
 * required strings must not be empty, a phone number is any non-empty string; ids are opaque (prefix and
 * character set only, see ids.ts). `name` is at most 1024 characters and `desc` at most 10 000 (the contract's
 * decisions); every other string has a limit of the sandbox's own (`maxLength` below): far above any real value,
 * so one task cannot hold megabytes.
 */
import { idPatterns } from '../store/ids.js';

/** Characters (code points) per string field. A value past its limit is a 400 naming the field and the limit. */
export const maxLength = {
  id: 256, // caseId, caseRefId, taskTmp, userInfo._id: the platform's are under 50
  name: 1024,
  desc: 10_000,
  source: 256, // a channel name such as "rtm"
  userName: 1024,
  emailId: 320, // 64 (local part) + 1 + 255 (domain), RFC 5321's outer bounds
  phoneNumber: 64,
} as const;

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

export const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

type Record_ = Record<string, unknown>;

export function isObject(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface StringRule {
  required?: boolean;
  mayBeEmpty?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  hint?: string; // what the pattern wants, for the message
}

/** Checks one string property; returns the message for a problem, or undefined when fine or absent-and-optional. */
export function checkString(obj: Record_, key: string, path: string, rule: StringRule): string | undefined {
  const value = obj[key];
  if (value === undefined) return rule.required ? `${path} is required` : undefined;
  if (typeof value !== 'string') return `${path} must be a string (got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`;
  if (value === '' && !rule.mayBeEmpty) return `${path} must not be empty`;
  if (rule.maxLength !== undefined && longerThan(value, rule.maxLength)) return `${path} must be at most ${rule.maxLength} characters`;
  if (rule.pattern && !rule.pattern.test(value)) return `${path} must be ${rule.hint}`;
  return undefined;
}

/** More than `max` code points? Counted only when UTF-16 length leaves it open (a code point is 1 or 2 units). */
function longerThan(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > 2 * max) return true;
  let count = 0;
  for (const _ of value) if (++count > max) return true;
  return false;
}

export function validateCreateTask(body: unknown): Validation {
  if (!isObject(body)) return { ok: false, problems: ['body must be a JSON object'] };
  const problems: (string | undefined)[] = [
    checkString(body, 'caseId', 'caseId', { required: true, maxLength: maxLength.id, pattern: idPatterns.caseId, hint: 'a case id like ci-31d9184-d64d-42d9-8c75-5edba5313a6f' }),
    checkString(body, 'caseRefId', 'caseRefId', { required: true, maxLength: maxLength.id, pattern: idPatterns.caseRefId, hint: 'a case reference id like CS000131' }),
    checkString(body, 'taskTmp', 'taskTmp', { required: true, maxLength: maxLength.id, pattern: idPatterns.taskTmp, hint: 'a task template id like ttm-16623a9-c63c-4bda-b1e4-147549393b7c' }),
    checkString(body, 'name', 'name', { maxLength: maxLength.name }),
    checkString(body, 'desc', 'desc', { mayBeEmpty: true, maxLength: maxLength.desc }),
    checkString(body, 'source', 'source', { required: true, maxLength: maxLength.source }),
  ];
  const userInfo = body.userInfo;
  if (userInfo === undefined) problems.push('userInfo is required');
  else if (!isObject(userInfo)) problems.push('userInfo must be an object');
  else {
    problems.push(
      checkString(userInfo, 'name', 'userInfo.name', { required: true, maxLength: maxLength.userName }),
      checkString(userInfo, '_id', 'userInfo._id', { maxLength: maxLength.id, pattern: idPatterns.userId, hint: 'a user id like u-fd371c0a-3168-5a02-83dd-f4ba55973c10' }),
      checkString(userInfo, 'emailId', 'userInfo.emailId', { maxLength: maxLength.emailId, pattern: emailPattern, hint: 'an email address' }),
      checkString(userInfo, 'phoneNumber', 'userInfo.phoneNumber', { maxLength: maxLength.phoneNumber }),
    );
    if (userInfo._id === undefined && userInfo.emailId === undefined && userInfo.phoneNumber === undefined) {
      problems.push('userInfo must have _id, emailId or phoneNumber');
    }
  }
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) return { ok: false, problems: found };
  return { ok: true, input: body as unknown as CreateTaskInput };
}
