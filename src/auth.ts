/**
 * The `auth` header: a JWT with no `Bearer` prefix. The contract declares it as an apiKey security scheme, which
 * openapi-fetch's types do not carry, so the client sets it itself: a ready `jwt` as a default header of the
 * openapi-fetch client (nothing to do per request), app credentials through a middleware that signs each attempt
 * with a current token. mint.ts makes those short-lived HS256 tokens; it is loaded on the first request, so that a
 * client given a ready `jwt` never loads it (nor the JWT library).
 */
import type { Middleware } from 'openapi-fetch';
import type { AppCredentials } from './mint.js';
import type { Secrets } from './secrets.js';

export function mintingMiddleware(credentials: AppCredentials, secrets: Secrets): Middleware {
  let minted: (() => string | Promise<string>) | undefined;
  const token = () => minted?.() ?? import('./mint.js').then((m) => (minted ??= m.mintedTokenSource(credentials, secrets))());
  const sign = (request: Request, value: string) => (request.headers.set('auth', value), request);
  return {
    // synchronous when the token is at hand (a cached one): no promise on the hot path
    onRequest({ request }) {
      const value = token();
      return typeof value == 'string' ? sign(request, value) : value.then((v) => sign(request, v));
    },
  };
}
