/**
 * The `auth` header: a JWT with no `Bearer` prefix. The contract declares it as an apiKey security scheme, which
 * openapi-fetch's types do not carry, so it is set here, in the client's one middleware, on every attempt.
 * App credentials are turned into short-lived HS256 tokens by mint.ts, loaded on first use so that a client
 * given a ready `jwt` never loads the JWT library.
 */
import type { Middleware } from 'openapi-fetch';
import { KoreError } from './errors.js';
import type { NormalizedOptions } from './options.js';
import type { Redact } from './redact.js';

export const tokenLifetimeSeconds = 3600; // the platform rejects a JTI-checked token that lives longer than 1 h
export const refreshMarginSeconds = 60; // renew this long before expiry, so a token never expires in flight

export type TokenSource = () => string | Promise<string>;

export function tokenSource(auth: NormalizedOptions['auth'], redact: Redact): TokenSource {
  if ('jwt' in auth) return () => auth.jwt;
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    const now = Math.floor(Date.now() / 1000);
    if (cached && cached.expiresAt - refreshMarginSeconds > now) return cached.token;
    pending ??= import('./mint.js')
      .then((m) => m.mintToken(auth, now, tokenLifetimeSeconds))
      .then((token) => ((cached = { token, expiresAt: now + tokenLifetimeSeconds }), token))
      .catch((e: unknown) => {
        throw new KoreError(`could not mint the auth JWT: ${redact(String((e as Error)?.message ?? e))}`);
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}

export function authMiddleware(token: TokenSource): Middleware {
  const sign = (request: Request, value: string) => (request.headers.set('auth', value), request);
  return {
    // synchronous when the token is at hand (a static jwt, a cached one): no promise on the hot path
    onRequest({ request }) {
      const value = token();
      return typeof value == 'string' ? sign(request, value) : value.then((v) => sign(request, v));
    },
  };
}
