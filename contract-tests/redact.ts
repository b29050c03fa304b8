/**
 * Every secret the suite handles is registered here, and reports pass their text through `redact`: a secret is found
 * as a server may echo it (percent-encoded, split by whitespace or `+`), in one pass over a normalised copy of the text.
 */
/**
 * The registered secrets without separators, by their last KEY characters (a signature's, random, where tokens all
 * begin alike): a text is scanned once, whatever the number of secrets (a run mints hundreds of tokens, and a process
 * may run the suite many times). The few shorter than KEY are looked for one by one.
 */
const KEY = 8;
const byEnding = new Map<string, string[]>();
const short: string[] = [];
const known = new Set<string>();

const isSeparator = (c: string) => c === '+' || c === ' ' || c === '\n' || c === '\r' || c === '\t' || (c > '~' && /\s/.test(c));

function register(secret: string) {
  const normal = [...secret].filter((c) => !isSeparator(c)).join('');
  if (!normal || known.has(normal)) return; // all separators: nothing a reader could recover
  known.add(normal);
  if (normal.length < KEY) return void short.push(normal);
  const key = normal.slice(-KEY);
  byEnding.set(key, [...(byEnding.get(key) ?? []), normal]);
}

export function addSecret<T extends string | undefined>(secret: T): T {
  if (!secret || secret.length < 8) return secret;
  register(secret);
  const signature = secret.split('.')[2];
  if (signature && signature.length >= 16) register(signature);
  return secret;
}

/** The text without separators and with %XX decoded; `from[i]`/`to[i]` span the original of normalised character i. */
function normalise(text: string): { chars: string; from: number[]; to: number[] } {
  let chars = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const encoded = text[i] === '%' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3));
    const c = encoded ? String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)) : text[i]!;
    const width = encoded ? 3 : 1;
    if (!isSeparator(c)) {
      chars += c;
      from.push(i);
      to.push(i + width);
    }
    i += width;
  }
  return { chars, from, to };
}

// A JWT-shaped string we did not register (e.g. another token a server echoed), dots plain or percent-encoded.
const jwtShape = /eyJ[\w-]+\s*(?:\.|%2e)\s*eyJ[\w-]+\s*(?:\.|%2e)\s*[\w-]+/gi;

/** Where registered secrets occur in the normalised text: [start, end) of each occurrence, in any order. */
function occurrences(chars: string): [number, number][] {
  const found: [number, number][] = [];
  for (let end = KEY; end <= chars.length; end++)
    for (const secret of byEnding.get(chars.slice(end - KEY, end)) ?? []) if (chars.endsWith(secret, end)) found.push([end - secret.length, end]);
  for (const secret of short)
    for (let at = chars.indexOf(secret); at !== -1; at = chars.indexOf(secret, at + 1)) found.push([at, at + secret.length]);
  return found;
}

export function redact(text: string): string {
  // Spans of the original text: registered secrets (found in the normalised copy) and JWT-shaped strings nobody
  // registered, all found before anything is replaced, so that one replacement cannot break the other's match.
  const spans: [number, number, string][] = [];
  if (known.size > 0) {
    const { chars, from, to } = normalise(text);
    for (const [start, end] of occurrences(chars)) spans.push([from[start]!, to[end - 1]!, '[redacted]']);
  }
  for (const m of text.matchAll(jwtShape)) spans.push([m.index, m.index + m[0].length, '[redacted jwt]']);
  // Overlapping spans are merged (a signature inside its token; a registered token is JWT-shaped too), then
  // replaced right to left; a merge that holds a registered secret says [redacted].
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number, string][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (!last || span[0] >= last[1]) merged.push([...span]);
    else {
      last[1] = Math.max(last[1], span[1]);
      if (span[2] == '[redacted]') last[2] = span[2];
    }
  }
  let out = text;
  for (const [start, end, label] of merged.reverse()) out = `${out.slice(0, start)}${label}${out.slice(end)}`;
  return out;
}
