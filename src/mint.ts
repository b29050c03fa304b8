/**
 * Tokens minted from app credentials: HS256 with jose, cached and renewed before they expire. jose's signer is loaded
 * by the first token: a client given a ready `jwt` never loads it, and import() works from the CommonJS build too.
 */
import { KoreError } from './errors.js';
import { redactorOf } from './redact.js';
import type { Secrets } from './secrets.js';
import { messageOf } from './values.js';

export const tokenLifetimeSeconds = 3600; // the platform rejects a JTI-checked token that lives longer than 1 h
export const refreshMarginSeconds = 60; // renew this long before expiry, so a token never expires in flight

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  subject: string;
}

/** A token with the documented payload `{sub, appId}`, `iat` = now, `exp` = now + lifetime, and a fresh `jti`. */
export async function mintToken(app: AppCredentials, now: number, lifetimeSeconds: number): Promise<string> {
  const { SignJWT } = await import('jose/jwt/sign'); // the signer alone: import('jose') would load all of jose
  return new SignJWT({ appId: app.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(app.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .setJti(crypto.randomUUID()) // a reused jti is rejected as a replay
    .sign(new TextEncoder().encode(app.clientSecret));
}

/** The current token: the cached one while it has more than the margin left, else one minted (once) for all callers. */
export function mintedTokenSource(app: AppCredentials, secrets: Secrets): () => string | Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    const now = Math.floor(Date.now() / 1000);
    if (cached && cached.expiresAt - refreshMarginSeconds > now) return cached.token;
    pending ??= mintToken(app, now, tokenLifetimeSeconds)
      .then((token) => (secrets.add(token), (cached = { token, expiresAt: now + tokenLifetimeSeconds }), token))
      .catch((e: unknown) => {
        // redacted here too: `client.api` (openapi-fetch's client) mints through the same middleware, past no boundary
        throw new KoreError(`could not mint the auth JWT: ${redactorOf(secrets)(messageOf(e))}`);
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}
