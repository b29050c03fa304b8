/**
 * The family's request bodies checked from field tables: every problem at once, each message starting with its
 * field. A rule also converts the value (an instant becomes epoch ms), so handlers only see checked values.
 */

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

export const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface StringRule {
  mayBeEmpty?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  hint?: string; // what the pattern wants, for the message
}

/** The message for a string value's problem, or undefined when it is fine. */
function checkString(value: unknown, path: string, rule: StringRule): string | undefined {
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

export type Rule = { required?: boolean } & (
  | ({ kind: 'string' } & StringRule)
  | { kind: 'boolean' }
  | { kind: 'strings'; maxItems?: number; maxItemLength?: number } // an array of strings (default: 100 of at most 1024 characters)
  | { kind: 'instant'; form?: 'iso' | 'ms' } // an ISO 8601 date-time or epoch milliseconds (the pages use both), or only the one form a page's table gives
  | { kind: 'count'; min: number; max: number } // an integer
  | { kind: 'ref' } // a tenant value named by its _id or name: an object {_id} / {name} (the tables: Object)
  | { kind: 'object'; fields?: Rules } // with `fields`, checked like a body, its messages prefixed with its key
  | { kind: 'any' } // checked by the operation itself
);

export type Rules = Record<string, Rule>;

const maxItems = 100;
const maxItemLength = 1024;
export const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** The latest instant a JavaScript Date holds (epoch ms): past it, `toISOString()` throws. */
const maxInstantMs = 8.64e15;

/** A client's value for a message: a short primitive as JSON, anything else by its type (never walked: it may be 100,000 levels deep). */
export function preview(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `an ${typeOf(value) === 'array' ? 'array' : 'object'}`;
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch ms of an ISO 8601 string or an integer of ms, or undefined when it is neither. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 && value <= maxInstantMs ? value : undefined;
  if (typeof value !== 'string' || !isoDateTime.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms < 0 ? undefined : ms;
}

const instantForms = {
  iso: 'an ISO 8601 date-time (e.g. 2025-05-26T18:30:00.000Z)',
  ms: 'an integer of epoch milliseconds (e.g. 1748491380000)',
  either: 'an ISO 8601 date-time (e.g. 2025-05-26T18:30:00.000Z) or epoch milliseconds',
} as const;

/** `instantOf`, taking only the form a page's table gives when it gives one. */
function instantFormOf(value: unknown, form: 'iso' | 'ms' | undefined): number | undefined {
  if ((form === 'iso' && typeof value !== 'string') || (form === 'ms' && typeof value !== 'number')) return undefined;
  return instantOf(value);
}

/** A `ref` value as `{_id?, name?}`. */
export interface RefValue {
  _id?: string;
  name?: string;
}

/**
 * A tenant value named by a client: a non-empty string (its name) or an object with its `_id` or `name`, each a
 * string when given. The value, or the message naming what is wrong.
 */
export function refOf(key: string, value: unknown): RefValue | string {
  const usage = `${key} must be an object with its _id or name (e.g. {"name": "Open"})`;
  if (typeof value === 'string') return value !== '' && value.length <= maxItemLength ? { name: value } : usage;
  if (!isObject(value)) return `${usage} (got ${typeOf(value)})`;
  const ref: RefValue = {};
  for (const part of ['_id', 'name'] as const) {
    const given = value[part];
    if (given === undefined) continue;
    if (typeof given !== 'string' || given === '' || given.length > maxItemLength)
      return `${key}.${part} must be a non-empty string of at most ${maxItemLength} characters (got ${preview(given)})`;
    ref[part] = given;
  }
  return ref._id === undefined && ref.name === undefined ? usage : ref;
}

function checkOne(key: string, value: unknown, rule: Rule): { value?: unknown; problem?: string } {
  switch (rule.kind) {
    case 'string': {
      const problem = checkString(value, key, rule);
      return problem ? { problem } : { value };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: `${key} must be true or false (got ${typeOf(value)})` };
    case 'strings': {
      const most = rule.maxItems ?? maxItems;
      const longest = rule.maxItemLength ?? maxItemLength;
      if (!Array.isArray(value)) return { problem: `${key} must be an array of strings (got ${typeOf(value)})` };
      if (value.length > most) return { problem: `${key} must have at most ${most} items (got ${value.length})` };
      const bad = value.findIndex((v) => typeof v !== 'string' || v.length > longest);
      if (bad >= 0)
        return { problem: `${key} must be an array of strings of at most ${longest} characters (item ${bad}: got ${preview(value[bad])})` };
      return { value };
    }
    case 'instant': {
      const ms = instantFormOf(value, rule.form);
      return ms === undefined ? { problem: `${key} must be ${instantForms[rule.form ?? 'either']}` } : { value: ms };
    }
    case 'count':
      return Number.isInteger(value) && (value as number) >= rule.min && (value as number) <= rule.max
        ? { value }
        : { problem: `${key} must be an integer from ${rule.min} to ${rule.max} (got ${preview(value)})` };
    case 'ref': {
      // the tables say Object: a bare name, which a queue entry may be, is refused here
      if (!isObject(value)) return { problem: `${key} must be an object with its _id or name, e.g. {"name": "Open"} (got ${typeOf(value)})` };
      const ref = refOf(key, value);
      return typeof ref === 'string' ? { problem: ref } : { value: ref };
    }
    case 'object':
      return isObject(value) ? { value } : { problem: `${key} must be an object (got ${typeOf(value)})` };
    case 'any':
      return { value };
  }
}

/** The checked values of the fields present (unknown properties are ignored), or every problem found. */
export function checkFields(body: unknown, rules: Rules, prefix = ''): Checked {
  if (!isObject(body)) return { ok: false, problems: [`${prefix ? prefix.slice(0, -1) : 'body'} must be a JSON object`] };
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    const value = body[key];
    if (value === undefined) {
      if (rule.required) problems.push(`${prefix}${key} is required`);
      continue;
    }
    if (rule.kind === 'object' && rule.fields && isObject(value)) {
      const nested = checkFields(value, rule.fields, `${prefix}${key}.`);
      if (nested.ok) values[key] = nested.values;
      else problems.push(...nested.problems);
      continue;
    }
    const checked = checkOne(prefix + key, value, rule);
    if (checked.problem) problems.push(checked.problem);
    else values[key] = checked.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

export type Checked = { ok: true; values: Record<string, unknown> } | { ok: false; problems: string[] };

/** A body's field table, and what its fields must hold together (a contact given somewhere). */
export interface BodyTable {
  fields: Rules;
  together?: (body: Record<string, unknown>) => string | undefined;
}

export function checkBody(body: unknown, table: BodyTable): Checked {
  const checked = checkFields(body, table.fields);
  const together = isObject(body) ? table.together?.(body) : undefined;
  if (together === undefined) return checked;
  return { ok: false, problems: [...(checked.ok ? [] : checked.problems), together] };
}

/**
 * For the drift that skips validation: whatever came in, made just good enough to build from. Strings are
 * bounded like checked ones, so even this drift keeps a record small.
 */
export function lenientValues(body: unknown, rules: Rules): Record<string, unknown> {
  const given = isObject(body) ? body : {};
  const values: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const value = lenientValue(given[key], rule);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

function lenientValue(value: unknown, rule: Rule): unknown {
  if (rule.kind === 'object' && rule.fields) return lenientValues(value, rule.fields);
  const checked = value === undefined ? undefined : checkOne('', value, rule);
  if (checked && !checked.problem) return checked.value;
  const primitive = ['string', 'number', 'boolean'].includes(typeof value);
  if (rule.kind === 'string' && primitive) return String(value).slice(0, rule.maxLength ?? maxLength.name);
  if (!rule.required) return undefined;
  return {
    string: '',
    boolean: false,
    strings: [],
    instant: Date.now(),
    count: rule.kind === 'count' ? rule.min : 0,
    ref: {},
    object: {},
    any: undefined,
  }[rule.kind];
}
