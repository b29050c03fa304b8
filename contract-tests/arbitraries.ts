/**
 * fast-check arbitraries from any operation's request schema: valid bodies that keep to what the pages document
 * (fixture ids where a row names tenant data), and invalid ones (one mutation each). Ajv decides valid and invalid.
 */
import fc from 'fast-check';
import { documentedForm } from './bodies.js';
import { rowOf, tagged } from './operations.js';
import { declaredProperties, deref, specOf, validateRequestBody, type Json, type OperationId } from './spec.js';

import type { Fixtures } from './targets/target.js';

type Arb = fc.Arbitrary<Json>;
const maxGeneratedLength = 40;
const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);

/** Ordinary text: one to a few words of letters and digits, within the schema's lengths. */
const plainText = (minLength: number, maxLength: number): Arb =>
  fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ').padEnd(minLength, 'x').slice(0, Math.max(1, maxLength)).trimEnd());

/** One arbitrary per pattern, made once: fast-check's stringMatching costs milliseconds to build and nothing to reuse. */
const byPattern = new Map<string, Arb>();
function matching(pattern: string): Arb {
  let arb = byPattern.get(pattern);
  if (!arb) byPattern.set(pattern, (arb = fc.stringMatching(new RegExp(pattern))));
  return arb;
}

function stringArb(s: Json): Arb {
  if (s.pattern) return matching(s.pattern);
  if (s.format === 'email') return fc.tuple(word, word).map(([user, domain]) => `${user}@${domain.toLowerCase()}.example`);
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  const minLength = s.minLength ?? 1;
  return plainText(minLength, Math.max(minLength, Math.min(s.maxLength ?? maxGeneratedLength, maxGeneratedLength)));
}

/** An object with its required keys always present and the optional ones sometimes. */
function objectArb(properties: Record<string, Json>, required: string[], path: string, fixed: Record<string, Arb>): Arb {
  const model: Record<string, Arb> = {};
  // A property whose form the contract does not document (a list of untyped items) is left out.
  for (const [key, schema] of Object.entries(properties))
    if (fixed[`${path}${key}`] || documentedForm(schema)) model[key] = schemaArb(schema, `${path}${key}`, fixed);
  return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
}

/**
 * Objects, strings and the `allOf: [base, {anyOf: [branches]}]` shape of userInfo: one branch is chosen and its
 * `required` added to the base's. `fixed` replaces the arbitrary at a dotted path (fixture ids).
 */
function schemaArb(schema: Json, path: string, fixed: Record<string, Arb>): Arb {
  const at = path.replace(/\.$/, '');
  if (fixed[at]) return fixed[at]!;
  const s = deref(schema);
  if (s.allOf) {
    const base = deref(s.allOf[0]);
    const branches = (s.allOf.slice(1).flatMap((p: Json) => deref(p).anyOf ?? []) as Json[]).map(deref);
    // No alternatives: the members' properties and requirements together (ListFilter and what a list adds).
    if (branches.length === 0)
      return objectArb(
        Object.fromEntries(declaredProperties(s) ?? []),
        s.allOf.flatMap((p: Json) => deref(p).required ?? []),
        at ? `${at}.` : '',
        fixed,
      );
    return fc.oneof(
      ...branches.map((b) => objectArb(base.properties ?? {}, [...(base.required ?? []), ...(b.required ?? [])], at ? `${at}.` : '', fixed)),
    );
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

/** A fixture id in place at a dotted path of a body. */
const at = (body: Json, path: string): Json => path.split('.').reduce((node: Json, key) => node?.[key], body);
function setAt(body: Json, path: string, value: Json): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  return { ...body, [head]: rest.length ? setAt(body?.[head] ?? {}, rest.join('.'), value) : value };
}

/**
 * The body with each fixture id still in place replaced by the sample's, for validation only: ids are opaque,
 * and a tenant's ids of another shape than the samples must not make every generated body "invalid" (which
 * would make generation spin forever).
 */
export function withSampleIds(op: OperationId, body: Json, f: Fixtures): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const sample = specOf(op).sampleRequest ?? {};
  let out = body;
  for (const [path, fixture] of Object.entries(rowOf(op).fixtureFields ?? {}))
    if (f[fixture] !== undefined && at(body, path) === f[fixture] && at(sample, path) !== undefined) out = setAt(out, path, at(sample, path));
  return out;
}

/** Whether a body is valid by the contract, the target's fixture ids read as the samples' (ids are opaque). */
export const validByContract = (op: OperationId, body: Json, f: Fixtures): boolean => validateRequestBody(withSampleIds(op, body, f), op) === true;

const stripUndefined = (value: Json): Json =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, stripUndefined(v)]),
      )
    : value;

/**
 * An operation's valid bodies: generated from its request schema, the properties its row allows, the target's
 * fixtures where a body names tenant data (cases, templates, the user), and the run's tag in every name; what a
 * create makes always has a name, so that a live run's records can be found and closed.
 */
export function validBodiesOf(op: OperationId, f: Fixtures): fc.Arbitrary<Record<string, Json>> {
  const row = rowOf(op);
  const fixed: Record<string, Arb> = { name: stringArb({ minLength: 1 }).map((n: string) => tagged(f, n)) };
  // A made-up id may not exist on a real tenant: the fixture's, or none (an optional one is then left out).
  for (const [path, fixture] of Object.entries(row.fixtureFields ?? {})) fixed[path] = fc.constant(f[fixture]);
  return schemaArb(specOf(op).requestSchema, '', fixed)
    .map((body) => stripUndefined(row.generated ? Object.fromEntries(Object.entries(body).filter(([k]) => row.generated!.includes(k))) : body))
    .map((body) => (row.provides && f.runTag && body.name === undefined ? { ...body, name: tagged(f, `generated ${op}`) } : body))
    .filter((body) => validByContract(op, body, f));
}

export interface Mutation {
  kind: string;
  path: string;
  value?: Json;
  /** The rule it breaks is inferred (a pattern: ids are opaque), so accepting it only warns. */
  inferred?: boolean;
}

const wrongTypeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
  fc.constant({}),
);

/** The paths of a request schema a mutation can aim at: its properties and those of the objects its row probes. */
function targetsOf(op: OperationId) {
  const schema = specOf(op).requestSchema;
  const only = rowOf(op).generated;
  const top = [...(declaredProperties(schema) ?? [])].filter(([k, s]) => documentedForm(s) && (!only || only.includes(k)));
  const objects = top.filter(([k, s]) => declaredProperties(s) && rowOf(op).probedObjects?.includes(k));
  const nested = objects.flatMap(([k, s]) =>
    [...declaredProperties(s)!].filter(([, i]) => documentedForm(i)).map(([i, is]) => [`${k}.${i}`, is] as [string, Json]),
  );
  const required = (s: Json): string[] => [...(deref(s).required ?? []), ...(deref(s).allOf ?? []).flatMap(required)];
  return {
    all: [...top, ...nested],
    required: [...required(schema).filter((k) => top.some(([t]) => t === k)), ...objects.flatMap(([k, s]) => required(s).map((r) => `${k}.${r}`))],
    withBranches: objects.filter(([, s]) => (deref(s).allOf ?? []).some((p: Json) => deref(p).anyOf)).map(([k]) => k),
  };
}

/** The mutations of an operation's bodies: a required field dropped, a wrong type, a broken pattern, no identifier. */
function mutationsOf(op: OperationId): fc.Arbitrary<Mutation> {
  const { all, required, withBranches } = targetsOf(op);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('wrong type'), path: fc.constantFrom(...all.map(([p]) => p)), value: wrongTypeValue }),
  ];
  if (required.length) options.push(fc.constantFrom(...required).map((path) => ({ kind: 'drop required', path })));
  const patterns = all.filter(([, s]) => deref(s)?.pattern);
  if (patterns.length)
    options.push(
      fc.constantFrom(...patterns).chain(([path, s]) =>
        fc
          .string({ maxLength: 20 })
          .filter((v) => !new RegExp(deref(s).pattern).test(v))
          .map((value) => ({ kind: 'break pattern', path, value, inferred: true })),
      ),
    );
  for (const path of withBranches) options.push(fc.constant({ kind: 'no identifier', path }));
  return fc.oneof(...options);
}

/** The mutation applied to a copy of the body; an object that needs an identifier keeps only its other fields. */
function applyMutation(body: Json, m: Mutation, op: OperationId): Json {
  const copy = structuredClone(body);
  const [head, tail] = m.path.split('.') as [string, string | undefined];
  if (m.kind === 'no identifier') {
    const schema = declaredProperties(specOf(op).requestSchema)!.get(head);
    const identifiers = (deref(schema).allOf ?? []).flatMap((p: Json) => (deref(p).anyOf ?? []).flatMap((b: Json) => deref(b).required ?? []));
    copy[head] = Object.fromEntries(Object.entries(copy[head] ?? {}).filter(([k]) => !identifiers.includes(k)));
    return copy;
  }
  const holder = tail ? (copy[head] ??= {}) : copy;
  const key = tail ?? head;
  if (m.kind === 'drop required') delete holder[key];
  else holder[key] = m.value;
  return copy;
}

/** An operation's invalid bodies: a valid one with one mutation the contract's schema refuses. */
export function invalidBodiesOf(op: OperationId, f: Fixtures): fc.Arbitrary<{ body: Json; mutation: Mutation }> {
  return fc
    .tuple(validBodiesOf(op, f), mutationsOf(op))
    .map(([valid, mutation]) => ({ body: applyMutation(valid, mutation, op), mutation }))
    .filter(({ body }) => validateRequestBody(withSampleIds(op, body, f), op) === false);
}
