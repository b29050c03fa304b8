/**
 * `learn`: compares observed answers with the contract and proposes, for each difference, an OpenAPI Overlay action
 * with its evidence (fields, enum values, statuses, error bodies, id shapes seen; documented fields never seen).
 */
import { get, home as homeIn, jsonPath as jsonPathIn, pointerOf } from '../../scripts/lib/openapi-document.js';
import { bundle, patternPrefix, specOf, validatorAt, type Json, type OperationId } from '../spec.js';
import type { Observation } from './evidence.js';
import { codesIn } from '../error-codes.js';
import { inferSchema, safeKey } from './infer.js';
import { exampleShapeOf, shapeOf, syntheticId } from './shapes.js';

interface OverlayAction {
  target: string;
  description?: string;
  update?: Json;
  remove?: true;
}

/** How often something was seen, when, and where: every proposal carries it as `x-observed`. */
interface Seen {
  count: number;
  first?: string;
  last?: string;
  sources: string[];
}

export interface Proposal {
  kind: 'field-added' | 'enum-value' | 'status' | 'error-body' | 'id-shape' | 'field-never-seen';
  /** One line for a reviewer, with no value from the tenant in it (names of fields and statuses only). */
  summary: string;
  seen: Seen;
  actions: OverlayAction[];
}

export interface OverlayDocument {
  overlay: '1.0.0';
  info: { title: string; version: string; description?: string };
  actions: OverlayAction[];
}

export interface LearnOptions {
  /** A documented field is proposed as never seen once its parent was seen this many times without it. */
  absentAfter?: number;
}

const at = (pointer: string): Json => get(bundle, pointer);
const home = (pointer: string) => homeIn(bundle, pointer);
/** Where an Overlay action on the node at a pointer of the contract aims. */
const jsonPath = (pointer: string) => jsonPathIn(bundle, pointer);

/** The properties a schema declares (through allOf/anyOf/oneOf), each with the pointer of its own schema. */
function properties(pointer: string): Map<string, string> {
  const out = new Map<string, string>();
  const h = home(pointer);
  const node = at(h);
  if (!node || typeof node !== 'object') return out;
  for (const key of Object.keys(node.properties ?? {})) out.set(key, `${h}${pointerOf(['properties', key])}`);
  for (const combiner of ['allOf', 'anyOf', 'oneOf'])
    (node[combiner] ?? []).forEach((_: Json, i: number) => {
      for (const [k, p] of properties(`${h}/${combiner}/${i}`)) if (!out.has(k)) out.set(k, p);
    });
  return out;
}

/** Tallies of one kind, by key, with the observations' times and sources. */
class Tally<T = undefined> {
  readonly entries = new Map<string, { seen: Seen; data: T[] }>();
  add(key: string, o: Observation, data?: T) {
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { seen: { count: 0, sources: [] }, data: [] }));
    e.seen.count += 1;
    if (o.at && (!e.seen.first || o.at < e.seen.first)) e.seen.first = o.at;
    if (o.at && (!e.seen.last || o.at > e.seen.last)) e.seen.last = o.at;
    if (!e.seen.sources.includes(o.source)) e.seen.sources.push(o.source);
    if (data !== undefined) e.data.push(data);
  }
}

const observed = (seen: Seen, extra: Json = {}) => ({ 'x-provenance': 'observed', 'x-observed': { ...seen, ...extra } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const successSchema = (op: OperationId) => `${specOf(op).documentedResponse(200)!.pointer}/content/application~1json/schema`;

/** A schema of the error bodies seen: their types, with `code` fields listing the codes seen (codes are not data). */
function errorSchema(bodies: unknown[], codes: Set<string | number>): Json {
  const schema = inferSchema(bodies);
  const addCodes = (s: Json) => {
    if (!s || typeof s !== 'object') return;
    if (s.properties?.code && codes.size) s.properties.code.enum = [...codes].sort();
    Object.values(s.properties ?? {}).forEach(addCodes);
    addCodes(s.items);
  };
  addCodes(schema);
  return schema;
}

/** What the observations show, tallied by kind: the evidence every proposal is made from. */
function collect(observations: Observation[]) {
  const extra = new Tally<unknown>(); // `${home}|${key}`: an undeclared field, with its values (for types only)
  const present = new Tally(); // `${propertyPointer}`: a declared field seen
  const parents = new Tally(); // `${home}`: an object of that schema seen
  const enums = new Tally(); // `${holder}|${json value}`
  const shapes = new Tally(); // `${holder}|${shape}`
  const statuses = new Tally<unknown>(); // `${op}|${status}`: an undocumented status, with its bodies
  const successes = new Tally(); // `${op}|${status}`: every 2xx seen, to tell a documented one never used
  const errors = new Tally<unknown>(); // `${op}|${status}`: a documented error status whose body differs

  const walk = (value: unknown, pointer: string, o: Observation, depth = 0) => {
    if (depth > 12) return;
    const h = home(pointer);
    const node = at(h);
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(value)) {
      if (node.items) value.forEach((v) => walk(v, `${h}/items`, o, depth + 1));
      return;
    }
    if (isObject(value)) {
      const declared = properties(h);
      if (declared.size === 0) return; // a free-form object: any key is the contract's
      parents.add(h, o);
      for (const [key, v] of Object.entries(value)) {
        const p = declared.get(key);
        if (p) {
          present.add(p, o);
          walk(v, p, o, depth + 1);
        } else if (safeKey(key)) extra.add(`${h}|${key}`, o, v);
      }
      return;
    }
    if (Array.isArray(node.enum) && (typeof value === 'string' || typeof value === 'number') && !node.enum.includes(value))
      enums.add(`${h}|${JSON.stringify(value)}`, o);
    if (typeof node.pattern === 'string' && typeof value === 'string' && patternPrefix(node.pattern)) {
      const known = [node.example, ...(node.examples ?? [])].filter((e) => typeof e === 'string').map(exampleShapeOf);
      const shape = shapeOf(value);
      if (!known.includes(shape)) shapes.add(`${h}|${shape}`, o);
    }
  };

  for (const o of observations) {
    const spec = specOf(o.operation);
    const documented = spec.documentedResponse(o.status);
    const isSuccess = o.status >= 200 && o.status < 300;
    if (!documented) statuses.add(`${o.operation}|${o.status}`, o, o.body);
    if (isSuccess) successes.add(`${o.operation}|${o.status}`, o);
    if (isSuccess && o.body !== undefined)
      walk(o.body, documented ? `${documented.pointer}/content/application~1json/schema` : successSchema(o.operation), o);
    if (!isSuccess && documented && o.body !== undefined) {
      const schemaPointer = `${documented.pointer}/content/application~1json/schema`;
      const valid = at(schemaPointer) ? validatorAt(schemaPointer)(o.body) : true;
      const known = new Set(spec.errorCodes(o.status));
      const newCode = [...codesIn(o.body)].some((c) => !known.has(c));
      if (!valid || newCode) errors.add(`${o.operation}|${o.status}`, o, o.body);
    }
  }
  return { extra, present, parents, enums, shapes, statuses, successes, errors };
}
type Tallies = ReturnType<typeof collect>;

const responsesPath = (op: OperationId) => jsonPath(pointerOf(['paths', specOf(op).path, 'post', 'responses']));

/** Statuses the contract lacks, and a documented 2xx the tenant never used while it answered another. */
function statusProposals(t: Tallies, absentAfter: number): Proposal[] {
  const { statuses, successes } = t;
  const proposals: Proposal[] = [];
  for (const [key, { seen, data }] of statuses.entries) {
    const [op, status] = key.split('|') as [OperationId, string];
    const success = Number(status) >= 200 && Number(status) < 300;
    const bodies = data.filter((b) => b !== undefined);
    const sameBody = success && bodies.length > 0 && bodies.every((b) => validatorAt(successSchema(op))(b));
    const schema = sameBody ? { $ref: `#${successSchema(op)}` } : errorSchema(bodies, codesIn(bodies));
    proposals.push({
      kind: 'status',
      summary: `${op} answered ${status}, which the contract does not list (${seen.count} time(s))${sameBody ? ', with the body of its 200' : ''}`,
      seen,
      actions: [
        {
          target: responsesPath(op),
          description: `${op}: status ${status} observed`,
          update: {
            [status]: {
              description: `Observed: the tenant answered ${status}.`,
              ...(bodies.length ? { content: { 'application/json': { schema } } } : {}),
              ...observed(seen),
            },
          },
        },
      ],
    });
  }

  // A documented 2xx the tenant never used while it answered another: annotated, so a later run that sees it
  // again knows the tenant changed (nothing is removed).
  for (const op of new Set([...successes.entries.keys()].map((k) => k.split('|')[0] as OperationId))) {
    const used = [...successes.entries].filter(([k]) => k.startsWith(`${op}|`));
    const total = used.reduce((n, [, e]) => n + e.seen.count, 0);
    for (const status of specOf(op).documentedStatuses.filter((s) => s >= 200 && s < 300)) {
      if (successes.entries.has(`${op}|${status}`) || total < absentAfter) continue;
      const seen = { count: total, sources: [...new Set(used.flatMap(([, e]) => e.seen.sources))] };
      proposals.push({
        kind: 'status',
        summary: `${op}: documented ${status} never seen in ${total} successful answers (it answered ${used.map(([k]) => k.split('|')[1]).join(', ')})`,
        seen,
        actions: [
          {
            target: `${responsesPath(op)}['${status}']`,
            description: `${op}: ${status} never observed`,
            update: { 'x-observed-absent': { answers: total, ...seen } },
          },
        ],
      });
    }
  }
  return proposals;
}

/** Error answers unlike the documented ones: the response replaced by what the tenant answers, codes included. */
function errorBodyProposals(t: Tallies): Proposal[] {
  const { errors } = t;
  const proposals: Proposal[] = [];
  for (const [key, { seen, data }] of errors.entries) {
    const [op, status] = key.split('|') as [OperationId, string];
    const codes = codesIn(data);
    const target = `${responsesPath(op)}['${status}']`;
    proposals.push({
      kind: 'error-body',
      summary: `${op} ${status}: error bodies unlike the contract's (${seen.count} time(s)${codes.size ? `; codes seen: ${[...codes].join(', ')}` : ''})`,
      seen,
      actions: [
        // The response is replaced, not merged: a learned body schema must not be mixed with the one it replaces.
        { target, description: `${op}: the documented ${status} is replaced by the observed one`, remove: true },
        {
          target: responsesPath(op),
          update: {
            [status]: {
              description: `Observed: the tenant's ${status} answers.`,
              content: { 'application/json': { schema: errorSchema(data, codes) } },
              ...observed(seen),
            },
          },
        },
      ],
    });
  }
  return proposals;
}

/** Fields the contract lacks (their types), and documented fields never seen (reported, nothing removed). */
function fieldProposals(t: Tallies, absentAfter: number): Proposal[] {
  const { extra, parents, present } = t;
  const proposals: Proposal[] = [];
  for (const [key, { seen, data }] of extra.entries) {
    const [h, field] = key.split('|') as [string, string];
    const always = seen.count === parents.entries.get(h)?.seen.count;
    proposals.push({
      kind: 'field-added',
      summary: `${h.split('/').pop()}.${field}: a field the contract lacks (${seen.count} time(s)${always ? ', in every answer: proposed as required' : ''})`,
      seen,
      actions: [
        {
          target: jsonPath(h),
          description: `${field} observed`,
          update: { properties: { [field]: { ...inferSchema(data), ...observed(seen) } }, ...(always ? { required: [field] } : {}) },
        },
      ],
    });
  }

  for (const [h, { seen: parentSeen }] of parents.entries) {
    if (parentSeen.count < absentAfter) continue;
    const never = [...properties(h)].filter(([, p]) => !present.entries.has(p));
    if (never.length === 0) continue;
    proposals.push({
      kind: 'field-never-seen',
      summary: `${h.split('/').pop()}: ${never.length} documented field(s) never seen in ${parentSeen.count} answers: ${never.map(([f]) => f).join(', ')} (reported; nothing removed)`,
      seen: parentSeen,
      actions: never.map(([field, p]) => ({
        target: jsonPath(p),
        description: `${field} never observed`,
        update: { 'x-observed-absent': { answers: parentSeen.count, ...parentSeen } },
      })),
    });
  }
  return proposals;
}

/** Enum values the contract lacks, and id shapes (as synthetic examples: ids stay opaque). */
function valueProposals(t: Tallies): Proposal[] {
  const { enums, shapes } = t;
  const proposals: Proposal[] = [];
  for (const [key, { seen }] of enums.entries) {
    const [h, value] = key.split('|') as [string, string];
    proposals.push({
      kind: 'enum-value',
      summary: `${h.split('/').slice(-2).join('.')}: value ${value} seen, not in the enum (${seen.count} time(s))`,
      seen,
      actions: [
        {
          target: jsonPath(h),
          description: `enum value observed`,
          update: { enum: [JSON.parse(value)], 'x-observed-enum': [{ value: JSON.parse(value), ...seen }] },
        },
      ],
    });
  }

  for (const [key, { seen }] of shapes.entries) {
    const [h, shape] = key.split('|') as [string, string];
    proposals.push({
      kind: 'id-shape',
      summary: `${h.split('/').pop()}: ids shaped ${shape} (${seen.count} time(s)); shown as an example, the pattern is left alone`,
      seen,
      actions: [
        {
          target: jsonPath(h),
          description: `id shape observed`,
          update: { examples: [syntheticId(shape)], 'x-observed-shapes': [{ shape, ...seen }] },
        },
      ],
    });
  }
  return proposals;
}

export function learn(observations: Observation[], options: LearnOptions = {}): Proposal[] {
  const absentAfter = options.absentAfter ?? 5;
  const t = collect(observations);
  const fields = fieldProposals(t, absentAfter);
  const never = fields.filter((p) => p.kind === 'field-never-seen');
  return [
    ...statusProposals(t, absentAfter),
    ...errorBodyProposals(t),
    ...fields.filter((p) => p.kind !== 'field-never-seen'),
    ...valueProposals(t),
    ...never,
  ];
}

/** The proposals as one Overlay document; each proposal's first action names its kind and summary. */
export function overlayOf(proposals: Proposal[], info: { title: string; version: string; sources: string[] }): OverlayDocument {
  return {
    overlay: '1.0.0',
    info: {
      title: info.title,
      version: info.version,
      description: `Proposed from ${info.sources.join(', ')} by \`npm run learn\`: ${proposals.length} difference(s) between the tenant's answers and the contract. Review each action before committing it; every proposal carries x-provenance: observed and its evidence (x-observed).`,
    },
    actions: proposals.flatMap((p) =>
      p.actions.map((a, i) => ({ ...a, ...(i === 0 ? { 'x-proposal': { kind: p.kind, summary: p.summary } } : {}) })),
    ),
  };
}
