/**
 * The `auth` header: a JWT with no `Bearer` prefix, which openapi-fetch's types do not carry. A ready `jwt` is a
 * default header of the openapi-fetch client; app credentials go through a middleware that signs each attempt.
 */
import type { Middleware } from 'openapi-fetch';
import { mintedTokenSource, type AppCredentials } from './mint.js';
import type { Secrets } from './secrets.js';

export function mintingMiddleware(credentials: AppCredentials, secrets: Secrets): Middleware {
  const token = mintedTokenSource(credentials, secrets);
  const sign = (request: Request, value: string) => (request.headers.set('auth', value), request);
  return {
    // synchronous when a cached token is at hand: no promise on the hot path
    onRequest({ request }) {
      const value = token();
      return typeof value == 'string' ? sign(request, value) : value.then((v) => sign(request, v));
    },
  };
}
