/**
 * A JSON Schema of the types of values seen, never of the values: an overlay learned from a real tenant must not
 * carry its names, emails, phone numbers or free text. Strings keep only a `format` when every one has it.
 */
type Schema = Record<string, unknown>;

const maxDepth = 6;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

/** The schema of the types of `values` (all of one place in the answers). */
export function inferSchema(values: unknown[], depth = 0): Schema {
  const types = [...new Set(values.map(typeOf))].filter((t) => ['null', 'array', 'integer', 'number', 'string', 'boolean', 'object'].includes(t));
  // integer and number seen together: number covers both
  const merged = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  const schema: Schema = { type: merged.length === 1 ? merged[0] : merged.sort() };
  if (depth >= maxDepth) return schema;
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length > 0 && strings.every((s) => isoDateTime.test(s))) schema.format = 'date-time';
  const objects = values.filter((v): v is Record<string, unknown> => typeOf(v) === 'object');
  if (objects.length > 0) {
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].filter(safeKey);
    schema.properties = Object.fromEntries(
      keys.map((k) => [
        k,
        inferSchema(
          objects.filter((o) => k in o).map((o) => o[k]),
          depth + 1,
        ),
      ]),
    );
    // A key every answer had is required: the tenant showed it is always there.
    const always = keys.filter((k) => objects.every((o) => k in o));
    if (always.length) schema.required = always;
  }
  const items = values.filter(Array.isArray).flat();
  if (values.some(Array.isArray) && items.length > 0) schema.items = inferSchema(items, depth + 1);
  return schema;
}

/**
 * A key that may go into a contract: an identifier-like name. A key that is itself data (an email, a phone
 * number, a value used as a map key) is left out.
 */
export const safeKey = (key: string): boolean => /^[A-Za-z_$][\w$-]{0,63}$/.test(key) && !/@|^\+?\d/.test(key);
