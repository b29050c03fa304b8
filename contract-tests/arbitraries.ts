/**
 * fast-check arbitraries derived from the contract's request schema: valid bodies (the target's fixture ids in
 * the reference fields, everything else generated from types, patterns, formats and lengths) and invalid bodies
 * (a valid one with one mutation: a required field dropped, a wrong type, a broken pattern, no user identifier).
 * Both are checked with Ajv, so "valid" and "invalid" mean what the contract says, not what this generator thinks.
 */
import fc from 'fast-check';
import { deref, requestSchema, sampleRequest, validateRequestBody, type Json } from './spec.js';
import type { Fixtures } from './targets/target.js';

type Arb = fc.Arbitrary<Json>;
const maxGeneratedLength = 40;

function stringArb(s: Json): Arb {
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  if (s.format === 'email') return fc.emailAddress();
  const minLength = s.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? maxGeneratedLength, maxGeneratedLength)) });
}

/** An object with its required keys always present and the optional ones sometimes. */
function objectArb(properties: Record<string, Json>, required: string[], path: string, fixed: Record<string, Arb>): Arb {
  const model: Record<string, Arb> = {};
  for (const [key, schema] of Object.entries(properties)) model[key] = schemaArb(schema, `${path}${key}`, fixed);
  return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
}

/**
 * Objects, strings and the `allOf: [base, {anyOf: [branches]}]` shape of userInfo: one branch is chosen and its
 * `required` added to the base's. `fixed` replaces the arbitrary at a dotted path (fixture ids).
 */
export function schemaArb(schema: Json, path: string, fixed: Record<string, Arb>): Arb {
  const at = path.replace(/\.$/, '');
  if (fixed[at]) return fixed[at]!;
  const s = deref(schema);
  if (s.allOf) {
    const base = deref(s.allOf[0]);
    const branches = (s.allOf.slice(1).flatMap((p: Json) => deref(p).anyOf ?? []) as Json[]).map(deref);
    if (branches.length === 0) return objectArb(base.properties ?? {}, base.required ?? [], `${at}.`, fixed);
    return fc.oneof(...branches.map((b) => objectArb(base.properties ?? {}, [...(base.required ?? []), ...(b.required ?? [])], `${at}.`, fixed)));
  }
  if (s.type === 'object') return objectArb(s.properties ?? {}, s.required ?? [], at ? `${at}.` : '', fixed);
  if (s.type === 'string') return stringArb(s);
  if (s.type === 'integer') return fc.integer();
  if (s.type === 'boolean') return fc.boolean();
  return fc.anything();
}

export function validBodies(f: Fixtures): fc.Arbitrary<Record<string, Json>> {
  const fixed: Record<string, Arb> = {
    caseId: fc.constant(f.caseId),
    caseRefId: fc.constant(f.caseRefId),
    taskTmp: fc.constant(f.taskTemplateId),
    // A made-up user id may not exist on a real tenant: use the fixture's, or leave _id out.
    'userInfo._id': f.userId ? fc.constant(f.userId) : fc.constant(undefined),
  };
  return schemaArb(requestSchema, '', fixed)
    .map((body) => (f.userId ? body : dropUndefined(body)))
    .filter((body) => validateRequestBody(withSampleIds(body, f)) === true);
}

/**
 * The body with each fixture id that is still in place replaced by the sample's, for validation only: ids are
 * opaque, and a tenant's ids of another shape than the samples must not make every generated body "invalid"
 * (which would make generation spin forever).
 */
export function withSampleIds(body: Json, f: Fixtures): Json {
  if (!body || typeof body !== 'object') return body;
  const same = (key: string, fixture: string | undefined, holder: Json = body) => fixture !== undefined && holder?.[key] === fixture;
  const out = { ...body };
  if (same('caseId', f.caseId)) out.caseId = sampleRequest.caseId;
  if (same('caseRefId', f.caseRefId)) out.caseRefId = sampleRequest.caseRefId;
  if (same('taskTmp', f.taskTemplateId)) out.taskTmp = sampleRequest.taskTmp;
  if (same('_id', f.userId, body.userInfo)) out.userInfo = { ...body.userInfo, _id: sampleRequest.userInfo._id };
  return out;
}

function dropUndefined(body: Json): Json {
  const user = Object.fromEntries(Object.entries(body.userInfo ?? {}).filter(([, v]) => v !== undefined));
  return { ...body, userInfo: user };
}

export interface Mutation {
  kind: string;
  path: string;
  value?: Json;
}

const userInfoBase = deref(deref(requestSchema.properties.userInfo).allOf[0]);
const requiredPaths = [...(requestSchema.required as string[]), ...(userInfoBase.required as string[]).map((k) => `userInfo.${k}`)];
const stringPaths = [
  ...Object.keys(requestSchema.properties).filter((k) => deref(requestSchema.properties[k]).type === 'string'),
  ...Object.keys(userInfoBase.properties).map((k) => `userInfo.${k}`),
];
const patternPaths = stringPaths.filter((p) => patternOf(p));

function patternOf(path: string): string | undefined {
  const [head, tail] = path.split('.');
  return deref(tail ? userInfoBase.properties[tail!] : requestSchema.properties[head!])?.pattern;
}

const wrongTypeValue: fc.Arbitrary<Json> = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), fc.constant({}));

export const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...requiredPaths).map((path) => ({ kind: 'drop required', path })),
  fc.record({ kind: fc.constant('wrong type'), path: fc.constantFrom(...stringPaths, 'userInfo'), value: wrongTypeValue }),
  fc.constantFrom(...patternPaths).chain((path) =>
    fc.string({ maxLength: 20 }).filter((s) => !new RegExp(patternOf(path)!).test(s)).map((value) => ({ kind: 'break pattern', path, value })),
  ),
  fc.constant({ kind: 'no user identifier', path: 'userInfo' }),
);

export function applyMutation(body: Json, m: Mutation): Json {
  const copy = structuredClone(body);
  if (m.kind === 'no user identifier') {
    copy.userInfo = { name: copy.userInfo.name };
    return copy;
  }
  const [head, tail] = m.path.split('.') as [string, string | undefined];
  const holder = tail ? copy.userInfo : copy;
  const key = tail ?? head;
  if (m.kind === 'drop required') delete holder[key];
  else holder[key] = m.value;
  return copy;
}

export function invalidBodies(f: Fixtures): fc.Arbitrary<{ body: Json; mutation: Mutation }> {
  return fc
    .tuple(validBodies(f), mutations)
    .map(([valid, mutation]) => ({ body: applyMutation(valid, mutation), mutation }))
    .filter(({ body }) => validateRequestBody(withSampleIds(body, f)) === false);
}
