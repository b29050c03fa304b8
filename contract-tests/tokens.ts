/**
 * Tokens for the auth checks, minted here with jose (not with the SDK: the suite must not trust the code it checks).
 * HS256 over the app's client secret, payload `{ sub, appId }` plus iat, exp and a fresh jti.
 * Every token and secret is registered with the redactor, so no report can print one.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { addSecret } from './redact.js';

export type Credentials = { kind: 'jwt'; jwt: string } | { kind: 'app'; clientId: string; clientSecret: string; sub?: string };

export async function mintJwt(app: Extract<Credentials, { kind: 'app' }>, lifetimeSeconds = 600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ appId: app.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(app.sub ?? app.clientId)
    .setIssuedAt(lifetimeSeconds > 0 ? now : now + lifetimeSeconds - 60)
    .setExpirationTime(now + lifetimeSeconds)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(app.clientSecret));
  return addSecret(jwt);
}

/** A token the target should accept: the static one, or a freshly minted one. */
export function validToken(credentials: Credentials): Promise<string> {
  return credentials.kind === 'jwt' ? Promise.resolve(credentials.jwt) : mintJwt(credentials);
}

/** An expired token (exp ten minutes ago), only possible with app credentials. */
export function expiredToken(credentials: Credentials): Promise<string> | undefined {
  return credentials.kind === 'app' ? mintJwt(credentials, -600) : undefined;
}

/**
 * The same token with one signature character changed in the middle (the last base64url character may only
 * carry padding bits, so changing it might not change the signature).
 */
export function tamperSignature(jwt: string): string {
  const [header, payload, signature = ''] = jwt.split('.');
  const i = Math.floor(signature.length / 2);
  const swapped = signature[i] === 'A' ? 'B' : 'A';
  return addSecret(`${header}.${payload}.${signature.slice(0, i)}${swapped}${signature.slice(i + 1)}`);
}
