/**
 * Secrets (the `auth` JWT, client secrets) must never reach a log line, an error message or a serialized error.
 * Every text the SDK produces from outside input goes through a redactor built from the client's own secrets;
 * anything shaped like a JWT is masked too, so a minted token is covered without being tracked.
 */
const jwtShape = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

export type Redact = (text: string) => string;

export function createRedactor(secrets: (string | undefined)[]): Redact {
  const known = secrets.filter((s): s is string => !!s && s.length >= 4);
  return (text) => known.reduce((t, s) => t.split(s).join('[redacted]'), text.replace(jwtShape, '[redacted]'));
}
