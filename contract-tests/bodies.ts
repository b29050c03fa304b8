/**
 * Request bodies built for a target: the seed sample and its user variants carry the target's own fixture ids
 * (a real server refuses unknown cases), and the invalid bodies are derived from the contract's request schema:
 * each required field missing, each field of the wrong type, a user without any identifier.
 */
import { tagged, type Body } from './operations.js';
import { declaredProperties, deref, specOf, validateRequestBody, type Json, type OperationId } from './spec.js';

const { requestSchema, sampleRequest } = specOf('createTask');
import type { Fixtures } from './targets/target.js';

export type { Body } from './operations.js';

const userInfoSchema = deref(requestSchema.properties.userInfo);
// CreateTaskUserInfo is allOf[base, anyOf[identifier branches]]: the base holds the properties.
const userInfoBase = deref(userInfoSchema.allOf?.[0] ?? userInfoSchema);

function common(f: Fixtures): Body {
  return { caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: tagged(f, sampleRequest.name), source: sampleRequest.source };
}

/** The page's sample request with the target's ids (undefined when the target names no user id). */
export function seedSampleBody(f: Fixtures): Body | undefined {
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

export interface InvalidBody {
  name: string;
  field: string;
  body: Body;
}

/** A value of another JSON type than the schema declares (for `anyOf` of types, of none of them). */
export function wrongTypeFor(schema: Json): Json {
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

/** The required properties of a request schema, through allOf (anyOf branches are alternatives, not required). */
function requiredOf(schema: Json): string[] {
  const s = deref(schema);
  return [...(s.required ?? []), ...(s.allOf ?? []).flatMap(requiredOf)];
}

/**
 * Invalid bodies of any operation, derived from its request schema and one valid body: each required property
 * missing, each property the valid body sends given the wrong type. Only bodies the contract's schema refuses are
 * kept (Ajv decides, not this generator).
 */
export function invalidBodiesOf(op: OperationId, valid: Body): InvalidBody[] {
  const schema = specOf(op).requestSchema;
  const declared = declaredProperties(schema) ?? new Map();
  const out: InvalidBody[] = [];
  for (const key of new Set(requiredOf(schema))) {
    const { [key]: _dropped, ...rest } = valid;
    out.push({ name: `${op}: missing ${key}`, field: `${op} ${key}`, body: rest });
  }
  for (const key of Object.keys(valid)) {
    if (declared.has(key) && documentedForm(declared.get(key))) out.push({ name: `${op}: wrong type ${key}`, field: `${op} ${key}`, body: { ...valid, [key]: wrongTypeFor(declared.get(key)) } });
  }
  out.push({ name: `${op}: body not an object`, field: `${op} (body)`, body: [] as never });
  return out.filter((b) => validateRequestBody(b.body, op) === false);
}

export function invalidBodies(f: Fixtures): InvalidBody[] {
  const base = validBase(f);
  const out: InvalidBody[] = [];
  for (const key of requestSchema.required as string[]) {
    const { [key]: _dropped, ...rest } = base;
    out.push({ name: `missing ${key}`, field: key, body: rest });
  }
  for (const key of (userInfoBase.required ?? []) as string[]) {
    const { [key]: _dropped, ...user } = base.userInfo;
    out.push({ name: `missing userInfo.${key}`, field: `userInfo.${key}`, body: { ...base, userInfo: user } });
  }
  for (const [key, schema] of Object.entries(requestSchema.properties as Record<string, Json>)) {
    out.push({ name: `wrong type ${key}`, field: key, body: { ...base, [key]: wrongTypeFor(schema) } });
  }
  for (const [key, schema] of Object.entries(userInfoBase.properties as Record<string, Json>)) {
    out.push({ name: `wrong type userInfo.${key}`, field: `userInfo.${key}`, body: { ...base, userInfo: { ...base.userInfo, [key]: wrongTypeFor(schema) } } });
  }
  out.push({ name: 'userInfo without _id, emailId or phoneNumber', field: 'userInfo', body: { ...base, userInfo: { name: 'dummy' } } });
  return out;
}
