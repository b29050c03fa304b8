/**
 * Drift modes (`--drift NAME`): named ways in which one operation departs from the contract on purpose, so the
 * contract suite can prove it notices each. Breaking: a documented rule is broken (the suite must fail); harmless:
 * only an inferred one (it must pass with a warning), the provenance split of docs/contract-decisions.md.
 */
import { randomUUID } from 'node:crypto';
import type { Problem } from '../http/errors.js';
import type { BodyFault } from '../http/http.js';
import type { OperationName } from '../operations/operation-name.js';

export interface DriftMode {
  name: string;
  operation: OperationName; // the operation whose answers it changes
  summary: string;
  breaking: boolean;
}

type Item = Record<string, unknown>;

/**
 * How a drift changes the service; every hook is optional and the normal behaviour is the default. The auth and
 * refusal hooks apply to every route, the others to `operation` only.
 */
export interface DriftBehaviour {
  operation?: OperationName;
  skipAuth?: boolean;
  mapProblem?: (p: Problem) => Problem; // status, codes and headers of a refusal
  mapErrorBody?: (p: Problem) => unknown;
  skipValidation?: boolean; // a body is taken whatever it holds
  validationStatus?: number; // in place of 400 for an invalid body
  failsValidRequest?: (input: Item) => boolean; // a valid body that gets 500
  mintId?: (prefix: 'ti' | 'ci') => string; // the id of a created case or task
  successStatus?: number;
  successContentType?: string;
  successBodyFault?: BodyFault;
  mapItem?: (item: Item) => Item; // a created or updated case or task
  mapPage?: (page: Item) => Item; // a list's page envelope
  ignoreFilters?: boolean;
  ignoreSkip?: boolean; // a list answers its first page whatever `skip` asks for
  ignorePatch?: boolean;
  unknownIdStatus?: number;
}

type Entry = DriftMode & { behaviour: Omit<DriftBehaviour, 'operation'> };

const withoutRetryAfter = (headers: Record<string, string> = {}) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'retry-after'));

/** The answer's item changed one way; a part that is not an object is left as it is. */
type ItemChange = (item: Item) => Item;
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const drop =
  (key: string): ItemChange =>
  (item) =>
    Object.fromEntries(Object.entries(item).filter(([k]) => k !== key));
const set =
  (fields: Item): ItemChange =>
  (item) => ({ ...item, ...fields });
const asString =
  (key: string): ItemChange =>
  (item) => ({ ...item, [key]: String(item[key]) });
const inside =
  (key: string, change: ItemChange): ItemChange =>
  (item) => {
    const part = item[key];
    return isItem(part) ? { ...item, [key]: change(part) } : item;
  };
const insideFirst =
  (key: string, change: ItemChange): ItemChange =>
  (item) => {
    const list = item[key];
    return Array.isArray(list) ? { ...item, [key]: list.map((x: unknown, i) => (i === 0 && isItem(x) ? change(x) : x)) } : item;
  };

/** Ids in a character set no sample shows (letters g to v: no hex digit, no hyphen). */
const otherShapedId = (prefix: string) =>
  `${prefix}-${randomUUID()
    .replace(/-/g, '')
    .replace(/[0-9a-f]/g, (c) => 'ghijklmnopqrstuv'[parseInt(c, 16)]!)}`;

const entries: Entry[] = [
  {
    name: 'missing-required-field',
    operation: 'createTask',
    summary: 'the 200 task has no refId',
    breaking: true,
    behaviour: { mapItem: drop('refId') },
  },
  {
    name: 'wrong-type',
    operation: 'createTask',
    summary: 'timestampValue is a string ("1749032280681") instead of a number',
    breaking: true,
    behaviour: { mapItem: asString('timestampValue') },
  },
  {
    name: 'nested-wrong-type',
    operation: 'createTask',
    summary: 'priority.score is a string ("10") instead of a number',
    breaking: true,
    behaviour: { mapItem: inside('priority', asString('score')) },
  },
  {
    name: 'missing-nested-field',
    operation: 'createTask',
    summary: 'createdBy has no _id',
    breaking: true,
    behaviour: { mapItem: inside('createdBy', drop('_id')) },
  },
  {
    name: 'array-item-wrong-type',
    operation: 'createTask',
    summary: 'fields[0].required is the string "true" instead of a boolean',
    breaking: true,
    behaviour: { mapItem: insideFirst('fields', set({ required: 'true' })) },
  },
  {
    name: 'null-field',
    operation: 'createTask',
    summary: 'caseRefId is null',
    breaking: true,
    behaviour: { mapItem: set({ caseRefId: null }) },
  },
  {
    name: 'accepts-invalid-input',
    operation: 'createTask',
    summary: 'no validation: invalid bodies (missing fields, wrong types, unknown case) get 200 and a task',
    breaking: true,
    behaviour: { skipValidation: true },
  },
  {
    name: 'auth-not-enforced',
    operation: 'createTask',
    summary: 'no auth check: a missing or invalid auth header gets 200',
    breaking: true,
    behaviour: { skipAuth: true },
  },
  {
    name: '5xx-for-variant',
    operation: 'createTask',
    summary: 'a valid request whose userInfo has no _id (emailId or phoneNumber only) gets 500',
    breaking: true,
    behaviour: { failsValidRequest: (input) => isItem(input.userInfo) && input.userInfo._id === undefined },
  },
  {
    name: 'body-not-json',
    operation: 'createTask',
    summary: 'the 200 answer to a create is not JSON (a trailing comma), though the task is created',
    breaking: true,
    behaviour: { successBodyFault: { kind: 'malformed' } },
  },
  {
    name: 'extra-field',
    operation: 'createTask',
    summary: 'the task carries an undocumented top-level field "sandboxRevision": 2',
    breaking: false,
    behaviour: { mapItem: set({ sandboxRevision: 2 }) },
  },
  {
    name: 'extra-nested-field',
    operation: 'createTask',
    summary: 'userInfo carries an undocumented "locale": "en"',
    breaking: false,
    behaviour: { mapItem: inside('userInfo', set({ locale: 'en' })) },
  },
  {
    name: 'status-201',
    operation: 'createTask',
    summary: 'a created task is answered with 201 instead of 200',
    breaking: false,
    behaviour: { successStatus: 201 },
  },
  {
    name: 'validation-422',
    operation: 'createTask',
    summary: 'an invalid body gets 422 instead of 400 (same envelope)',
    breaking: false,
    behaviour: { validationStatus: 422 },
  },
  {
    name: 'error-envelope-changed',
    operation: 'createTask',
    summary: 'errors come as {"error":{"message","status"}} instead of {"errors":[{"msg","code"}]}',
    breaking: false,
    behaviour: { mapErrorBody: (p) => ({ error: { message: p.errors.map((e) => e.msg).join('; '), status: p.status } }) },
  },
  {
    name: 'error-codes-other',
    operation: 'createTask',
    summary: 'the error envelope is kept, its codes are the HTTP status (401 without 4002, 400 for 4000 …)',
    breaking: false,
    behaviour: { mapProblem: (p) => ({ ...p, errors: p.errors.map((e) => ({ ...e, code: p.status })) }) },
  },
  {
    name: 'no-retry-after',
    operation: 'createTask',
    summary: 'a 429 is answered without a Retry-After header',
    breaking: false,
    behaviour: { mapProblem: (p) => (p.status === 429 ? { ...p, headers: withoutRetryAfter(p.headers) } : p) },
  },
  {
    name: 'wrong-content-type',
    operation: 'createTask',
    summary: 'the 200 response says Content-Type text/plain (the body is still JSON)',
    breaking: false,
    behaviour: { successContentType: 'text/plain; charset=utf-8' },
  },
  {
    name: 'bad-date-time',
    operation: 'createTask',
    summary: 'createdAt is "04/06/2025 10:18:00", not an RFC 3339 date-time',
    breaking: false,
    behaviour: { mapItem: set({ createdAt: '04/06/2025 10:18:00' }) },
  },
  {
    name: 'enum-changed',
    operation: 'createTask',
    summary: 'conversationType is "CASE" instead of "TASK"',
    breaking: false,
    behaviour: { mapItem: set({ conversationType: 'CASE' }) },
  },
  {
    name: 'ids-other-shape',
    operation: 'createTask',
    summary: 'task ids are `ti-` and 32 letters g to v: a character set no sample shows (no hex digit, no hyphen)',
    breaking: false,
    behaviour: { mintId: otherShapedId },
  },
];

/** Several harmless differences at once, as a real tenant would show them all: what `npm run learn` is shown learning. */
const dialect = ['status-201', 'error-envelope-changed', 'ids-other-shape', 'extra-field'];
entries.push({
  name: 'tenant-dialect',
  operation: 'createTask',
  summary: `harmless differences together: ${dialect.join(', ')}`,
  breaking: false,
  behaviour: Object.assign({}, ...dialect.map((name) => entries.find((e) => e.name === name)!.behaviour)),
});

entries.push(
  {
    name: 'createCase-missing-refId',
    operation: 'createCase',
    summary: 'the created case has no refId',
    breaking: true,
    behaviour: { mapItem: drop('refId') },
  },
  {
    name: 'getCases-ignores-filters',
    operation: 'getCases',
    summary: "searchText and every other filter are ignored: all the stream's cases come back",
    breaking: true,
    behaviour: { ignoreFilters: true },
  },
  {
    name: 'getCases-totalResults-string',
    operation: 'getCases',
    summary: 'the page envelope\'s totalResults is a string ("1") instead of a number',
    breaking: true,
    behaviour: { mapPage: asString('totalResults') },
  },
  {
    name: 'updateCase-unknown-id-500',
    operation: 'updateCase',
    summary: 'an unknown caseId gets 500 instead of a 4xx',
    breaking: true,
    behaviour: { unknownIdStatus: 500 },
  },
  {
    name: 'getTasks-no-hasMore',
    operation: 'getTasks',
    summary: 'the page envelope has no hasMore',
    breaking: true,
    behaviour: { mapPage: drop('hasMore') },
  },
  {
    name: 'getTasks-ignores-skip',
    operation: 'getTasks',
    summary: 'skip is ignored: every request gets the first page, hasMore still true (a pager never ends)',
    breaking: true,
    behaviour: { ignoreSkip: true },
  },
  {
    name: 'updateTask-drops-name',
    operation: 'updateTask',
    summary: 'the updated task has no name (a field the abridged sample shows), though the rename is stored',
    breaking: true,
    behaviour: { mapItem: drop('name') },
  },
  {
    name: 'updateTask-ignores-patch',
    operation: 'updateTask',
    summary: 'answers 200 with the task unchanged: the patch (a new name …) is not applied',
    breaking: true,
    behaviour: { ignorePatch: true },
  },
  {
    name: 'createCase-status-201',
    operation: 'createCase',
    summary: 'a created case is answered with 201 instead of 200',
    breaking: false,
    behaviour: { successStatus: 201 },
  },
  {
    name: 'getTasks-extra-page-field',
    operation: 'getTasks',
    summary: 'the page envelope carries an undocumented "nextSkip"',
    breaking: false,
    behaviour: { mapPage: (p) => ({ ...p, nextSkip: Number(p.limit) * Number(p.page) }) },
  },
  {
    name: 'updateTask-wrong-content-type',
    operation: 'updateTask',
    summary: 'the 200 response says Content-Type text/plain (the body is still JSON)',
    breaking: false,
    behaviour: { successContentType: 'text/plain; charset=utf-8' },
  },
);

const modeOf = ({ name, operation, summary, breaking }: Entry): DriftMode => ({ name, operation, summary, breaking });

/** Every mode `--drift` takes, each naming the operation it changes, in the order `--drift list` prints them. */
export const driftModes: ReadonlyArray<DriftMode> = entries.map(modeOf);

export type DriftName = string;

/** The behaviour of a named drift (none for `none` or no name); throws with the known names for an unknown one. */
export function resolveDrift(name: DriftName | undefined): DriftBehaviour {
  if (name === undefined || name === 'none') return {};
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`unknown drift "${name}"; known: ${entries.map((e) => e.name).join(', ')}`);
  return { ...entry.behaviour, operation: entry.operation };
}

/** `--drift list`: every mode, one line each with its kind and operation. */
export function formatDriftList(): string {
  const width = Math.max(...driftModes.map((d) => d.name.length));
  return driftModes.map((d) => `${d.name.padEnd(width)}  ${d.breaking ? 'breaking' : 'harmless'}  ${d.operation}: ${d.summary}`).join('\n');
}
