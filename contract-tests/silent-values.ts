/**
 * Values the pages are silent on (empty, very long, unusual characters, extreme numbers): valid by the schema, but
 * nothing says a server takes them. A fixed list per operation, sent apart; a refusal warns, showing the value.
 */
import { validByContract } from './arbitraries.js';
import { rowOf, tagged, type Body } from './operations.js';
import { declaredProperties, deref, specOf, type Json, type OperationId } from './spec.js';
import type { Fixtures } from './targets/target.js';

export interface SilentProbe {
  /** The request field, dotted (`userInfo.name`). */
  field: string;
  kind: 'empty' | 'long' | 'unusual characters' | 'extreme number';
  value: Json;
  body: Body;
}

const unusual = 'Ünïcødé ✓ 🚀 中文 "quotes" <b>tag</b> & \\ /';
/** At most this many fields per kind: a live run's requests are counted. */
const perKind = 2;

/** Free text: a string the contract gives no pattern, format or enum. */
const freeText = (s: Json) => s?.type === 'string' && !s.pattern && !s.format && !s.enum;

/** The fields of a valid body (and of its userInfo) with their schemas. */
function fieldsOf(op: OperationId, valid: Body): { field: string; schema: Json; set: (v: Json) => Body }[] {
  const declared = declaredProperties(specOf(op).requestSchema) ?? new Map();
  const out: { field: string; schema: Json; set: (v: Json) => Body }[] = [];
  for (const [key, value] of Object.entries(valid)) {
    const schema = deref(declared.get(key));
    if (!schema) continue;
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [inner, innerSchema] of declaredProperties(schema) ?? [])
        if (inner in value)
          out.push({ field: `${key}.${inner}`, schema: deref(innerSchema), set: (v) => ({ ...valid, [key]: { ...value, [inner]: v } }) });
    out.push({ field: key, schema, set: (v) => ({ ...valid, [key]: v }) });
  }
  return out;
}

/** The body each silent probe starts from: the operation's first valid body. */
const silentBase = (op: OperationId, f: Fixtures): Body => rowOf(op).valid(f)[0] ?? {};

export function silentProbes(op: OperationId, f: Fixtures): SilentProbe[] {
  const fields = fieldsOf(op, silentBase(op, f));
  const texts = fields.filter((x) => freeText(x.schema));
  const numbers = fields.filter((x) => x.schema.type === 'integer' || x.schema.type === 'number');
  // A name keeps the run's tag where it can, so that what a live run creates can still be found and closed.
  const named = (field: string, value: string) => (field === 'name' ? tagged(f, value) : value);
  const candidates: SilentProbe[] = [
    ...texts.map((x) => ({ field: x.field, kind: 'empty' as const, value: '', body: x.set('') })),
    ...texts.map((x) => {
      const value = named(x.field, 'long '.padEnd(Math.min(x.schema.maxLength ?? 5000, 5000) - (x.field === 'name' ? tagged(f, '').length : 0), 'x'));
      return { field: x.field, kind: 'long' as const, value, body: x.set(value) };
    }),
    ...texts.map((x) => ({
      field: x.field,
      kind: 'unusual characters' as const,
      value: named(x.field, unusual),
      body: x.set(named(x.field, unusual)),
    })),
    ...numbers.map((x) => {
      const value = x.schema.maximum ?? Number.MAX_SAFE_INTEGER;
      return { field: x.field, kind: 'extreme number' as const, value, body: x.set(value) };
    }),
  ];
  // Valid by the contract, or it is not a silent value but an invalid one (negative_data_rejection's business).
  const valid = candidates.filter((p) => validByContract(op, p.body, f));
  return valid.filter(
    (p, i) => valid.slice(0, i).filter((q) => q.kind === p.kind).length < (p.kind === 'empty' || p.kind === 'extreme number' ? perKind : 1),
  );
}

/** How a report shows a value: quoted, cut, with its length when long. */
export const shown = (value: Json) => {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 40)}…" (${String(value).length} characters)` : text;
};
