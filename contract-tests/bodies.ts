/**
 * Request bodies built for a target: the seed sample and its user variants carry the target's own fixture ids
 * (a real server refuses unknown cases), and the invalid bodies are derived from the contract's request schema:
 * each required field missing, each field of the wrong type, a user without any identifier.
 */
import { deref, requestSchema, sampleRequest, type Json } from './spec.js';
import type { Fixtures } from './targets/target.js';

export type Body = Record<string, Json>;

const userInfoSchema = deref(requestSchema.properties.userInfo);
// CreateTaskUserInfo is allOf[base, anyOf[identifier branches]]: the base holds the properties.
const userInfoBase = deref(userInfoSchema.allOf?.[0] ?? userInfoSchema);

function common(f: Fixtures): Body {
  return { caseId: f.caseId, caseRefId: f.caseRefId, taskTmp: f.taskTemplateId, name: sampleRequest.name, source: sampleRequest.source };
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

/** A value of another JSON type than the schema declares. */
function wrongTypeFor(schema: Json): Json {
  const type = deref(schema).type;
  if (type === 'string') return 12345;
  if (type === 'object') return 'not an object';
  if (type === 'integer' || type === 'number' || type === 'boolean') return 'not a ' + type;
  return null;
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
