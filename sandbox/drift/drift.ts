/**
 * Drift modes (`--drift NAME`): named, single ways in which the sandbox departs from the contract on purpose, so
 * the contract suite can prove it notices each one. `breaking: true` marks a departure from what the platform's page
 * documents (a field, its type, a valid request refused, an invalid one accepted, auth, a body that is not JSON):
 * the suite must fail. `breaking: false` marks a departure from what the contract only infers (status codes other
 * than the page's, the error envelope and its codes, Retry-After, Content-Type, value formats, id shapes,
 * undocumented fields): the suite must pass with a warning naming it. The split is the repository's provenance
 * convention (docs/contract-decisions.md).
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../http/errors.js';
import type { BodyFault } from '../http/http.js';
import type { Task } from '../operations/task.js';
import type { CreateTaskInput } from '../operations/inputs.js';
import type { OperationName } from '../operations/operation-name.js';

export interface DriftMode {
  name: string;
  summary: string;
  breaking: boolean;
}

/**
 * How a drift changes the service; every hook is optional and the normal behaviour is the default. The answer
 * hooks apply to `operation` only; the refusal and auth hooks to every route.
 */
export interface DriftBehaviour {
  operation?: OperationName;
  skipAuth?: boolean;
  skipValidation?: boolean;
  successStatus?: number;
  successContentType?: string;
  successBodyFault?: BodyFault;
  validationStatus?: number;
  mapTask?: (task: Task) => Record<string, unknown>;
  mapProblem?: (p: Problem) => Problem; // status, codes and headers of a refusal
  mapErrorBody?: (p: Problem) => unknown;
  mintTaskId?: () => string;
  failsValidRequest?: (input: CreateTaskInput) => boolean;
  mapItem?: (item: Record<string, unknown>) => Record<string, unknown>; // a created or updated case or task
  mapPage?: (page: Record<string, unknown>) => Record<string, unknown>; // a list's page envelope
  ignoreFilters?: boolean;
  ignoreSkip?: boolean; // a list answers its first page whatever `skip` asks for
  ignorePatch?: boolean;
  unknownIdStatus?: number;
}

type Entry = DriftMode & { behaviour: DriftBehaviour };

const withoutRetryAfter = (headers: Record<string, string> = {}) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'retry-after'));

const replace = (fields: Record<string, unknown>) => (task: Task) => ({ ...task, ...fields });

const entries: Entry[] = [
  {
    name: 'missing-required-field',
    summary: 'the 200 task has no refId',
    breaking: true,
    behaviour: { mapTask: ({ refId: _dropped, ...rest }) => rest },
  },
  {
    name: 'wrong-type',
    summary: 'timestampValue is a string ("1749032280681") instead of a number',
    breaking: true,
    behaviour: { mapTask: (t) => ({ ...t, timestampValue: String(t.timestampValue) }) },
  },
  {
    name: 'nested-wrong-type',
    summary: 'priority.score is a string ("10") instead of a number',
    breaking: true,
    behaviour: { mapTask: (t) => ({ ...t, priority: { ...t.priority, score: String(t.priority.score) } }) },
  },
  {
    name: 'missing-nested-field',
    summary: 'createdBy has no _id',
    breaking: true,
    behaviour: { mapTask: (t) => ({ ...t, createdBy: { name: t.createdBy.name, profImage: t.createdBy.profImage } }) },
  },
  {
    name: 'array-item-wrong-type',
    summary: 'fields[0].required is the string "true" instead of a boolean',
    breaking: true,
    behaviour: { mapTask: (t) => ({ ...t, fields: t.fields.map((f, i) => (i === 0 ? { ...f, required: 'true' } : f)) }) },
  },
  {
    name: 'null-field',
    summary: 'caseRefId is null',
    breaking: true,
    behaviour: { mapTask: replace({ caseRefId: null }) },
  },
  {
    name: 'accepts-invalid-input',
    summary: 'no validation: invalid bodies (missing fields, wrong types, unknown case) get 200 and a task',
    breaking: true,
    behaviour: { skipValidation: true },
  },
  {
    name: 'auth-not-enforced',
    summary: 'no auth check: a missing or invalid auth header gets 200',
    breaking: true,
    behaviour: { skipAuth: true },
  },
  {
    name: '5xx-for-variant',
    summary: 'a valid request whose userInfo has no _id (emailId or phoneNumber only) gets 500',
    breaking: true,
    behaviour: { failsValidRequest: (input) => input.userInfo._id === undefined },
  },
  {
    name: 'body-not-json',
    summary: 'the 200 answer to a create is not JSON (a trailing comma), though the task is created',
    breaking: true,
    behaviour: { successBodyFault: { kind: 'malformed' } },
  },
  {
    name: 'extra-field',
    summary: 'the task carries an undocumented top-level field "sandboxRevision": 2',
    breaking: false,
    behaviour: { mapTask: replace({ sandboxRevision: 2 }) },
  },
  {
    name: 'extra-nested-field',
    summary: 'userInfo carries an undocumented "locale": "en"',
    breaking: false,
    behaviour: { mapTask: (t) => ({ ...t, userInfo: { ...t.userInfo, locale: 'en' } }) },
  },
  {
    name: 'status-201',
    summary: 'a created task is answered with 201 instead of 200',
    breaking: false,
    behaviour: { successStatus: 201 },
  },
  {
    name: 'validation-422',
    summary: 'an invalid body gets 422 instead of 400 (same envelope)',
    breaking: false,
    behaviour: { validationStatus: 422 },
  },
  {
    name: 'error-envelope-changed',
    summary: 'errors come as {"error":{"message","status"}} instead of {"errors":[{"msg","code"}]}',
    breaking: false,
    behaviour: { mapErrorBody: (p) => ({ error: { message: p.errors.map((e) => e.msg).join('; '), status: p.status } }) },
  },
  {
    name: 'error-codes-other',
    summary: 'the error envelope is kept, its codes are the HTTP status (401 without 4002, 400 for 4000 …)',
    breaking: false,
    behaviour: { mapProblem: (p) => ({ ...p, errors: p.errors.map((e) => ({ ...e, code: p.status })) }) },
  },
  {
    name: 'no-retry-after',
    summary: 'a 429 is answered without a Retry-After header',
    breaking: false,
    behaviour: { mapProblem: (p) => (p.status === 429 ? { ...p, headers: withoutRetryAfter(p.headers) } : p) },
  },
  {
    name: 'wrong-content-type',
    summary: 'the 200 response says Content-Type text/plain (the body is still JSON)',
    breaking: false,
    behaviour: { successContentType: 'text/plain; charset=utf-8' },
  },
  {
    name: 'bad-date-time',
    summary: 'createdAt is "04/06/2025 10:18:00", not an RFC 3339 date-time',
    breaking: false,
    behaviour: { mapTask: replace({ createdAt: '04/06/2025 10:18:00' }) },
  },
  {
    name: 'enum-changed',
    summary: 'conversationType is "CASE" instead of "TASK"',
    breaking: false,
    behaviour: { mapTask: replace({ conversationType: 'CASE' }) },
  },
  {
    name: 'ids-other-shape',
    summary: 'task ids are `ti-` and 32 letters g to v: a character set no sample shows (no hex digit, no hyphen)',
    breaking: false,
    behaviour: { mintTaskId: () => `ti-${randomUUID().replace(/-/g, '').replace(/[0-9a-f]/g, (c) => 'ghijklmnopqrstuv'[parseInt(c, 16)]!)}` },
  },
];

/** Several harmless differences at once, as a real tenant would show them all: what `npm run learn` is shown learning. */
const dialect = ['status-201', 'error-envelope-changed', 'ids-other-shape', 'extra-field'];
entries.push({
  name: 'tenant-dialect',
  summary: `harmless differences together: ${dialect.join(', ')}`,
  breaking: false,
  behaviour: Object.assign({}, ...dialect.map((name) => entries.find((e) => e.name === name)!.behaviour)),
});

export const driftModes: ReadonlyArray<DriftMode> = entries.map(({ name, summary, breaking }) => ({ name, summary, breaking }));

export type DriftName = string;

/** The behaviour of a named drift; throws with the list of names for an unknown one. */
export function driftBehaviour(name: DriftName | undefined): DriftBehaviour {
  if (name === undefined || name === 'none') return {};
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`unknown drift "${name}"; known: ${entries.map((e) => e.name).join(', ')}`);
  return { ...entry.behaviour, operation: 'createTask' };
}
