/**
 * Every string that leaves the SDK (errors, log lines, request ids) goes through the client's redactor: it masks the
 * client's secrets, anything shaped like a JWT, and any run of 16+ characters of a secret as seen through %XX and
 * whitespace, since a hostile server may echo a secret altered.
 */
import type { Secrets } from './secrets.js';

const jwtShape = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const minPiece = 16;
const gram = 8; // the text's windows are taken every 8 characters: a run of 15 or more shared with a secret holds one
const mask = '[redacted]';

export type Redact = (text: string) => string;

type Grams = Map<string, [secret: string, offset: number][]>;

const redactors = new WeakMap<Secrets, [list: string[], redact: Redact]>();

/** The redactor of `secrets`, made again when a token is minted (the list is then a new one). */
export function redactorOf(secrets: Secrets): Redact {
  const [list, redact] = redactors.get(secrets) ?? [];
  if (list == secrets.list) return redact!;
  const made = createRedactor(secrets.list);
  redactors.set(secrets, [secrets.list, made]);
  return made;
}

function createRedactor(secrets: string[]): Redact {
  const known = secrets.filter((s) => s.length >= 4);
  const grams: Grams = new Map();
  for (const secret of known) {
    const s = secret.replace(/[\s+]/g, ''); // as the view sees it
    for (let i = 0; i + gram <= s.length; i++) {
      const g = s.slice(i, i + gram);
      grams.get(g)?.push([s, i]) ?? grams.set(g, [[s, i]]);
    }
  }
  return (text: string) => {
    for (const s of known) if (text.includes(s)) text = text.split(s).join(mask);
    text = text.replace(jwtShape, mask);
    return text.length < 2 * gram - 1 ? text : maskPieces(text, grams);
  };
}

const skipped = (c: string) => /[\s+]/.test(c);
const isHex = (c: string | undefined) => !!c && /[0-9a-fA-F]/.test(c);

/** The text with every run of 16+ characters of a known secret masked, as seen through %XX and whitespace. */
function maskPieces(text: string, grams: Grams): string {
  // the view: %XX decoded, whitespace and '+' dropped (native replaces: this runs on every text that leaves)
  const view = /[%+\s]/.test(text)
    ? text.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/[\s+]/g, '')
    : text;
  const found: [number, number][] = []; // runs of the view shared with a secret
  for (let j = 0; j + gram <= view.length; j += gram) {
    for (const [s, offset] of grams.get(view.slice(j, j + gram)) ?? []) {
      let [a, b, sa, sb] = [j, j + gram, offset, offset + gram];
      // widen the shared run both ways
      while (a > 0 && sa > 0 && view[a - 1] == s[sa - 1]) {
        a--;
        sa--;
      }
      while (b < view.length && sb < s.length && view[b] == s[sb]) {
        b++;
        sb++;
      }
      if (b - a >= Math.min(minPiece, s.length)) found.push([a, b]);
    }
  }
  if (!found.length) return text;
  // where each view character came from in the text (only when there is something to mask)
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    const start = i;
    if (c == '%' && isHex(text[i + 1]) && isHex(text[i + 2])) {
      c = String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    }
    if (!skipped(c)) {
      from.push(start);
      to.push(i + 1);
    }
  }
  let out = '';
  let at = 0;
  for (const [a, b] of found.map(([a, b]) => [from[a]!, to[b - 1]!] as const).sort((x, y) => x[0] - y[0])) {
    if (a >= at) out += text.slice(at, a) + mask;
    at = Math.max(at, b);
  }
  return out + text.slice(at);
}

/** A copy of `value` with every string redacted: Headers rebuilt, plain objects and arrays copied, errors redacted in place. */
export function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value == 'string') return redact(value);
  if (value instanceof Error) return redactError(value, redact);
  if (value instanceof Headers) return new Headers([...value].map(([k, v]) => [k, redact(v)]));
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact));
  if (value && typeof value == 'object' && Object.getPrototypeOf(value) == Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redact)]));
  return value;
}

/** The error itself, every string it carries redacted (its own properties: message, stack, fields, cause). */
export function redactError<T>(error: T, redact: Redact): T {
  if (error instanceof Error)
    for (const key of Object.getOwnPropertyNames(error)) Reflect.set(error, key, redactValue(Reflect.get(error, key), redact));
  return error;
}
