/**
 * Every secret the suite handles (tokens, client secrets) is registered here; reports pass their text through
 * `redact`. A server may echo a secret in another form, so each is matched as it may come back: any character
 * percent-encoded (either case), and whitespace (or encoded whitespace, or `+`) between any two characters. A JWT's
 * signature is registered on its own too: echoed apart from the token, it must not survive either.
 */
const secrets = new Set<string>();
let echoes: RegExp | undefined;

const separator = '(?:\\s|%20|%09|%0a|%0d|\\+)*';
const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const percentEncoded = (c: string) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** The pattern of a secret in every echo form above (the regex is case-insensitive for the hex digits). */
function echoPattern(secret: string): string {
  return [...secret].map((c) => `(?:${escape(c)}|${percentEncoded(c)})`).join(separator);
}

export function addSecret<T extends string | undefined>(secret: T): T {
  if (!secret || secret.length < 8) return secret;
  secrets.add(secret);
  const signature = secret.split('.')[2];
  if (signature && signature.length >= 16) secrets.add(signature);
  // Longest first: a token is redacted whole before its signature alone could match inside it.
  echoes = new RegExp([...secrets].sort((a, b) => b.length - a.length).map(echoPattern).join('|'), 'gi');
  return secret;
}

// A JWT-shaped string we did not register (e.g. another token a server echoed), dots plain or percent-encoded.
const jwtShape = /eyJ[\w-]+\s*(?:\.|%2e)\s*eyJ[\w-]+\s*(?:\.|%2e)\s*[\w-]+/gi;

export function redact(text: string): string {
  const out = echoes ? text.replace(echoes, '[redacted]') : text;
  return out.replace(jwtShape, '[redacted jwt]');
}
