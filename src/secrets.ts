/**
 * The secrets a client knows (its JWT or client secret, and the last tokens it minted) and the one judgement the
 * entry makes without the redactor (redact.ts, a lazy chunk loaded by the first failure, the logger or a request id
 * that is not plain): whether a short text, a success's request id, surely quotes none of them.
 */
export interface Secrets {
  /** Replaced, never changed in place, when a token is minted: the redactor re-indexes when it sees a new list. */
  list: string[];
  add(token: string): void;
}

const maxMinted = 4; // minted tokens remembered (one an hour: older ones have expired)

export function secretsOf(own: string): Secrets {
  const s: Secrets = { list: [own], add: (token) => void (s.list = [own, token, ...s.list.slice(1, maxMinted)]) };
  return s;
}

/**
 * Short, only [\w.:-] (nothing %-encoded, no whitespace), nothing JWT-like, and no 16-character run (or the whole,
 * when shorter) of a known secret: the redactor would leave such a text unchanged, so it may leave as it is.
 */
export function isPlain(text: string, secrets: Secrets): boolean {
  if (!/^[\w.:-]{1,128}$/.test(text) || text.includes('eyJ')) return false;
  for (let s of secrets.list) {
    s = s.replace(/[\s+]/g, ''); // as the redactor sees it
    if (s.length < 16 ? text.includes(s) : [...text.slice(15)].some((_, i) => s.includes(text.slice(i, i + 16)))) return false;
  }
  return true;
}
