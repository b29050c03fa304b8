/**
 * Platform error codes: the `code` values an error body carries, at any depth. Only short codes count (4002,
 * "INVALID_TOKEN"): anything longer or spaced is text, and never kept.
 */
const isCode = (v: unknown): v is string | number =>
  (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^[A-Za-z0-9_.-]{1,32}$/.test(v));

export function codesIn(body: unknown, found: Set<string | number> = new Set()): Set<string | number> {
  if (Array.isArray(body)) body.forEach((b) => codesIn(b, found));
  else if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) k === 'code' && isCode(v) ? found.add(v) : codesIn(v, found);
  return found;
}
