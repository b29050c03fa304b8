/** Every secret the suite handles (tokens, client secrets) is registered here; reports pass their text through `redact`. */
const secrets = new Set<string>();

export function addSecret<T extends string | undefined>(secret: T): T {
  if (secret && secret.length >= 8) secrets.add(secret);
  return secret;
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  // A JWT-shaped string we did not mint (e.g. echoed by a server) is hidden too.
  return out.replace(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g, '[redacted jwt]');
}
