/**
 * The `auth` header: a JWT with no `Bearer` prefix. The contract declares it as an apiKey security scheme, which
 * openapi-fetch's types do not carry, so it is set here, in the client's one middleware, on every attempt.
 * App credentials are turned into short-lived HS256 tokens by mint.ts, loaded on the first request so that a client
 * given a ready `jwt` never loads it (nor the JWT library).
 */
import type { Middleware } from 'openapi-fetch';
import type { NormalizedOptions } from './options.js';
import type { Redact } from './redact.js';

export type TokenSource = () => string | Promise<string>;

export function tokenSource(auth: NormalizedOptions['auth'], redact: Redact): TokenSource {
  if ('jwt' in auth) return () => auth.jwt;
  let minted: TokenSource | undefined;
  return () => minted?.() ?? import('./mint.js').then((m) => (minted ??= m.mintedTokenSource(auth, redact))());
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
