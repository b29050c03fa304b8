/**
 * Request bodies built for a target: createTask's carry the target's own fixture ids (a real server refuses
 * unknown cases), and the invalid bodies of any operation are derived from its request schema.
 */
import { declaredProperties, deref, specOf, validateRequestBody, type Json, type OperationId } from './spec.js';
import type { Fixtures } from './targets/target.js';

export type Body = Record<string, Json>;

/** A name that carries the run's tag on stateful targets, so whatever a run creates can be found and closed. */
export const tagged = (f: Fixtures, name: string) => (f.runTag ? `${f.runTag} ${name}` : name);

const { sampleRequest } = specOf('createTask');

function common(f: Fixtures): Body {
  return { caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: tagged(f, sampleRequest.name), source: sampleRequest.source };
}

/** The page's sample request with the target's ids (undefined when the target names no user id). */
function seedSampleBody(f: Fixtures): Body | undefined {
  if (!f.userId) return undefined;
  return { ...sampleRequest, ...common(f), userInfo: { ...sampleRequest.userInfo, _id: f.userId } };
}

export const userVariants = {
  _id: (f: Fixtures) => (f.userId ? { name: 'dummy', _id: f.userId } : undefined),
  emailId: () => ({ name: 'dummy', emailId: 'dummy@mailinator.com' }),
  phoneNumber: () => ({ name: 'dummy', phoneNumber: '+14155550123' }),
} as const;

export function bodyWithUser(f: Fixtures, userInfo: Body): Body {
  return { ...common(f), userInfo };
}

/** The base the invalid bodies are derived from: valid, so that each mutation is the only problem. */
export function validBase(f: Fixtures): Body {
  return bodyWithUser(f, { name: 'dummy', emailId: 'dummy@mailinator.com', ...(f.userId ? { _id: f.userId } : {}) });
}

/** A valid request beyond an operation's valid bodies: named, through its client, or why the target cannot take it. */
export interface Alternative {
  name: string;
  /** The request field it is about, dotted (`userInfo.emailId`). */
  field?: string;
  via: 'sdk' | 'openapi-generator';
  body?: unknown;
  /** Why it cannot be sent to this target, when it cannot. */
  missing?: string;
}

const noUserId = 'no user id for this target (KORE_USER_ID)';

/**
 * createTask's documented ways to name the user: the page's sample, each identifier alone through the SDK, and
 * what the openapi-generator client can send (its type requires id, emailId AND phoneNumber; an email-only user
 * only with a type cast, which generator-client-limits.ts proves).
 */
export function createTaskAlternatives(f: Fixtures): Alternative[] {
  const seed = seedSampleBody(f);
  const out: Alternative[] = [
    seed ? { name: 'seed sample request', via: 'sdk', body: seed } : { name: 'seed sample request', via: 'sdk', missing: noUserId },
  ];
  for (const [key, make] of Object.entries(userVariants)) {
    const user = make(f);
    const name = `user identified by ${key} only`;
    out.push(user ? { name, field: `userInfo.${key}`, via: 'sdk', body: bodyWithUser(f, user) } : { name, via: 'sdk', missing: noUserId });
  }
  const generated = { caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: tagged(f, 'This is demo task'), source: 'rtm' };
  const allIds = 'user with _id, emailId and phoneNumber (openapi-generator client)';
  out.push(
    f.userId
      ? {
          name: allIds,
          via: 'openapi-generator',
          body: { ...generated, userInfo: { id: f.userId, name: 'dummy', emailId: 'dummy@mailinator.com', phoneNumber: '+14155550123' } },
        }
      : { name: allIds, via: 'openapi-generator', missing: noUserId },
  );
  out.push({
    name: 'user identified by emailId only (openapi-generator client, needs a type cast)',
    field: 'userInfo.emailId',
    via: 'openapi-generator',
    body: { ...generated, userInfo: { name: 'dummy', emailId: 'dummy@mailinator.com' } },
  });
  return out;
}

export interface InvalidBody {
  name: string;
  field: string;
  body: Body;
}

/** A value of another JSON type than the schema declares (for `anyOf` of types, of none of them). */
function wrongTypeFor(schema: Json): Json {
  const s = deref(schema);
  const types = new Set<string>([s?.type, ...(s?.anyOf ?? []).map((b: Json) => deref(b).type)].filter(Boolean));
  // A number is a date in the family's other bodies (epoch ms): a server taking it for a date-time is lenient, not wrong.
  if (s?.format === 'date-time') return true;
  if (types.has('string')) return 12345;
  if (types.has('object')) return 'not an object';
  if (types.has('array')) return 'not an array';
  const type = [...types][0];
  if (type === 'integer' || type === 'number' || type === 'boolean') return 'not a ' + type;
  return null;
}

/** Whether the contract documents a property's form (the sample's unexplained lists, items without a type, do not). */
export const documentedForm = (schema: Json): boolean => {
  const s = deref(schema);
  return !!(s?.type || s?.anyOf || s?.allOf || s?.oneOf || s?.properties) && !(s.type === 'array' && !deref(s.items)?.type);
};

/** The required properties of a schema, through allOf (anyOf branches are alternatives, not required). */
function requiredOf(schema: Json): string[] {
  const s = deref(schema);
  return [...(s.required ?? []), ...(s.allOf ?? []).flatMap(requiredOf)];
}

/** The alternatives of an object that needs one of several fields (userInfo: `_id`, `emailId` or `phoneNumber`). */
const branchesOf = (schema: Json): string[][] =>
  (deref(schema).allOf ?? []).flatMap((p: Json) => (deref(p).anyOf ?? []).map((b: Json) => deref(b).required ?? []));

/** Each required property missing and each property of the wrong type, of the body or of an object inside it (`at`). */
function mutationsOf(
  op: OperationId,
  schema: Json,
  value: Body,
  only: string[] | undefined,
  objects: string[],
  at: string,
  put: (v: Body) => Body,
): InvalidBody[] {
  const declared = declaredProperties(schema) ?? new Map();
  const out: InvalidBody[] = [];
  for (const key of new Set(requiredOf(schema))) {
    const { [key]: _dropped, ...rest } = value;
    out.push({ name: `${op}: missing ${at}${key}`, field: `${op} ${at}${key}`, body: put(rest) });
  }
  for (const [key, property] of declared) {
    if (!documentedForm(property) || (only && !only.includes(key) && !(key in value))) continue;
    out.push({ name: `${op}: wrong type ${at}${key}`, field: `${op} ${at}${key}`, body: put({ ...value, [key]: wrongTypeFor(property) }) });
    const inner = value[key];
    if (!objects.includes(key) || !inner || typeof inner !== 'object' || Array.isArray(inner) || !declaredProperties(property)) continue;
    out.push(...mutationsOf(op, property, inner, undefined, [], `${at}${key}.`, (v) => put({ ...value, [key]: v })));
    const branches = branchesOf(property);
    const identifiers = [...new Set(branches.flat())];
    if (branches.length) {
      const without = Object.fromEntries(Object.entries(inner).filter(([k]) => !identifiers.includes(k)));
      out.push({
        name: `${op}: ${at}${key} without ${identifiers.join(', ').replace(/, ([^,]+)$/, ' or $1')}`,
        field: `${op} ${at}${key}`,
        body: put({ ...value, [key]: without }),
      });
    }
  }
  return out;
}

/**
 * Invalid bodies of any operation, derived from its request schema and one valid body: each required property
 * missing and each property given the wrong type (those the body sends or `only` lists; all when no list), the same
 * inside the `objects` named, such an object without any of the identifiers it needs one of, and a body that is not an object.
 * Only bodies the contract's schema refuses are kept (Ajv decides, not this generator).
 */
export function invalidBodiesOf(op: OperationId, valid: Body, only?: string[], objects: string[] = []): InvalidBody[] {
  const out = mutationsOf(op, specOf(op).requestSchema, valid, only, objects, '', (v) => v);
  out.push({ name: `${op}: body not an object`, field: `${op} (body)`, body: [] as never });
  return out.filter((b) => validateRequestBody(b.body, op) === false);
}
