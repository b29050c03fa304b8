/** The secrets a client knows: its JWT or client secret, and the last tokens it minted. */
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
