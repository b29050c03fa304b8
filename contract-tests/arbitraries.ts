/**
 * fast-check arbitraries derived from any operation's request schema: valid bodies (the target's fixture ids in
 * the reference fields, everything else generated from types, patterns, formats and lengths) and invalid bodies
 * (a valid one with one mutation: a required field dropped, a wrong type, a broken pattern, no user identifier).
 * Both are checked with Ajv, so "valid" and "invalid" mean what the contract says, not what this generator thinks.
 * "Valid" keeps to what the pages document: free text is ordinary words (never empty, never very long, no unusual
 * characters), numbers small and within their bounds, emails plain. The values the pages are silent on are probed
 * apart (silent-values.ts), where a refusal only warns: no seed can decide pass or fail with them.
 */
import fc from 'fast-check';
import { documentedForm, wrongTypeFor } from './bodies.js';
import { rowOf, tagged } from './operations.js';
import { declaredProperties, deref, specOf, validateRequestBody, type Json, type OperationId } from './spec.js';

import type { Fixtures } from './targets/target.js';

const { requestSchema, sampleRequest } = specOf('createTask');
type Arb = fc.Arbitrary<Json>;
const maxGeneratedLength = 40;
const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

/** Ordinary text: one to a few words of letters and digits, within the schema's lengths. */
const plainText = (minLength: number, maxLength: number): Arb =>
  fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ').padEnd(minLength, 'x').slice(0, Math.max(1, maxLength)).trimEnd());

function stringArb(s: Json): Arb {
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
  if (s.format === 'email') return fc.tuple(word, word).map(([user, domain]) => `${user}@${domain.toLowerCase()}.example`);
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  const minLength = s.minLength ?? 1;
  return plainText(minLength, Math.max(minLength, Math.min(s.maxLength ?? maxGeneratedLength, maxGeneratedLength)));
}

/** An object with its required keys always present and the optional ones sometimes. */
function objectArb(properties: Record<string, Json>, required: string[], path: string, fixed: Record<string, Arb>): Arb {
  const model: Record<string, Arb> = {};
  // A property whose form the contract does not document (a list of untyped items) is left out.
  for (const [key, schema] of Object.entries(properties)) if (fixed[`${path}${key}`] || documentedForm(schema)) model[key] = schemaArb(schema, `${path}${key}`, fixed);
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
    // No alternatives: the members' properties and requirements together (ListFilter and what a list adds).
    if (branches.length === 0) return objectArb(Object.fromEntries(declaredProperties(s) ?? []), s.allOf.flatMap((p: Json) => deref(p).required ?? []), at ? `${at}.` : '', fixed);
    return fc.oneof(...branches.map((b) => objectArb(base.properties ?? {}, [...(base.required ?? []), ...(b.required ?? [])], at ? `${at}.` : '', fixed)));
  }
  if (s.anyOf) return fc.oneof(...(s.anyOf as Json[]).map((b) => schemaArb(b, at, fixed)));
  if (s.type === 'array') return fc.array(schemaArb(s.items ?? {}, `${at}[]`, fixed), { maxLength: 3 });
  if (s.type === 'object') return objectArb(s.properties ?? {}, s.required ?? [], at ? `${at}.` : '', fixed);
  if (s.type === 'string') return stringArb(s);
  // Small integers: a platform may cap what it takes (page sizes: the sample asks for 50 and gets 10); extremes are silent values.
  if (s.type === 'integer') return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? (s.minimum ?? 0) + 100 });
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
    // A stateful target's run tags every name it writes (hygiene: what a live run creates can be found).
    ...(f.runTag ? { name: stringArb(requestSchema.properties.name).map((n: string) => tagged(f, n)) } : {}),
  };
  return schemaArb(requestSchema, '', fixed)
    .map((body) => (f.userId ? body : dropUndefined(body)))
    .map((body) => (f.runTag && body.name === undefined ? { ...body, name: tagged(f, 'generated task') } : body))
    .filter((body) => validateRequestBody(withSampleIds(body, f), 'createTask') === true);
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
    .filter(({ body }) => validateRequestBody(withSampleIds(body, f), 'createTask') === false);
}

/**
 * Any other operation's valid bodies: generated from its request schema, the properties its row allows, the
 * target's fixtures where a body names tenant data (the case template), and the run's tag in every name.
 */
export function validBodiesOf(op: OperationId, f: Fixtures): fc.Arbitrary<Record<string, Json>> {
  const schema = specOf(op).requestSchema;
  const only = rowOf(op).generated;
  const fixed: Record<string, Arb> = {
    name: stringArb({ minLength: 1 }).map((n: string) => tagged(f, n)),
    ...(op === 'createCase' ? { caseTmp: fc.constant(f.caseTemplateId), 'userInfo._id': f.userId ? fc.constant(f.userId) : fc.constant(undefined) } : {}),
  };
  return schemaArb(schema, '', fixed)
    .map((body) => stripUndefined(only ? Object.fromEntries(Object.entries(body).filter(([k]) => only.includes(k))) : body))
    .filter((body) => validByContract(op, body, f));
}

/** Whether a body is valid by the contract, the target's fixture ids read as the samples' (ids are opaque). */
export function validByContract(op: OperationId, body: Json, f: Fixtures): boolean {
  if (op === 'createTask') return validateRequestBody(withSampleIds(body, f), 'createTask') === true;
  const sample = specOf(op).sampleRequest ?? {};
  return validateRequestBody(op === 'createCase' && body?.caseTmp === f.caseTemplateId ? { ...body, caseTmp: sample.caseTmp } : body, op) === true;
}

const stripUndefined = (value: Json): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, stripUndefined(v)])) : value;

/** Any other operation's invalid bodies: a valid one with one top-level mutation the contract's schema refuses. */
export function invalidBodiesOf(op: OperationId, f: Fixtures): fc.Arbitrary<{ body: Json; mutation: Mutation }> {
  const schema = specOf(op).requestSchema;
  const declared = [...(declaredProperties(schema) ?? [])].filter(([k, s]) => documentedForm(s) && (!rowOf(op).generated || rowOf(op).generated!.includes(k)));
  const required = (deref(schema).allOf ?? [schema]).flatMap((p: Json) => deref(p).required ?? []) as string[];
  const options: fc.Arbitrary<Mutation>[] = [fc.constantFrom(...declared.map(([k]) => k)).map((path) => ({ kind: 'wrong type', path, value: wrongTypeFor(declared.find(([k]) => k === path)![1]) }))];
  if (required.length) options.push(fc.constantFrom(...required).map((path) => ({ kind: 'drop required', path })));
  return fc
    .tuple(validBodiesOf(op, f), fc.oneof(...options))
    .map(([valid, mutation]) => ({ body: applyMutation(valid, mutation), mutation }))
    .filter(({ body }) => validateRequestBody(body, op) === false);
}
