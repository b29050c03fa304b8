/**
 * CORS, so a browser app on the developer's machine can call the sandbox without a proxy. By default only local
 * origins (http://localhost:*, http://127.0.0.1:*, http://[::1]:*) are allowed; `--cors-origin` names others (or
 * `*`), `--no-cors` turns it off. A request without an Origin header (curl, SDKs, tests) costs one header lookup.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `local` (the default), `*`, a list of exact origins, or false for none. */
export type CorsOrigins = 'local' | '*' | string[] | false;

const localOrigin = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const preflightHeaders = {
  'access-control-allow-methods': 'GET, POST, DELETE',
  'access-control-allow-headers': 'auth, accountId, content-type, x-sandbox-fault',
  'access-control-max-age': '600',
};
const exposeHeaders = 'x-request-id, retry-after';

/** Why an `--cors-origin` value cannot be used, or undefined when it can (`*` or a bare origin). */
export function corsOriginProblem(value: string): string | undefined {
  if (value === '*') return undefined;
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  return origin === value ? undefined : `${JSON.stringify(value)} is not an origin (scheme://host[:port], no path or trailing slash) nor *`;
}

/**
 * Adds the CORS headers for an allowed origin and answers its preflight. Returns true when the request has been
 * answered (a preflight); an origin not allowed gets no CORS headers and goes on as any other request.
 */
export function corsHandler(origins: CorsOrigins): ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined {
  if (origins === false || (Array.isArray(origins) && origins.length === 0)) return undefined;
  const listed = Array.isArray(origins) ? new Set(origins.map((o) => o.toLowerCase())) : undefined;
  const allowed = (origin: string) => origins === '*' || (listed ? listed.has(origin.toLowerCase()) : localOrigin.test(origin));
  return (req, res) => {
    const origin = req.headers.origin;
    if (origin === undefined || !allowed(origin)) return false;
    res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
    if (origins !== '*') res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      const privateNetwork =
        req.headers['access-control-request-private-network'] === 'true' ? { 'access-control-allow-private-network': 'true' } : {};
      res.writeHead(204, { ...preflightHeaders, ...privateNetwork });
      res.end();
      return true;
    }
    res.setHeader('access-control-expose-headers', exposeHeaders);
    return false;
  };
}
