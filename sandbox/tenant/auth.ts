/**
 * Platform auth: the `auth` header carries an HS256 JWT (no `Bearer`) signed with the secret of the app named
 * by its `appId` claim. Every refusal is 401 with code 4002, as observed on the platform (wrong scope included).
 * Messages name what is wrong, never the token or a secret.
 */
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ErrorCode, problem, type Problem } from '../http/errors.js';
import { caseManagementScope, type App, type TenantIndex } from './tenant.js';

export interface Caller {
  app: App;
  sub: string;
}

const unauthorized = (msg: string): Problem => problem(401, ErrorCode.unauthorized, msg);
// The one lifetime the platform documents is for JTI apps (exp at most an hour ahead); every app is held to it.
const maxLifetimeSeconds = 3600;
const clockSkewSeconds = 60; // a client's clock may run this far ahead of ours (iat, and exp's distance)
// Three base64url parts without padding: a `=` appended to the signature is a second spelling of one token.
// (An empty signature is left to the alg check, which names what is wrong with it.)
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const cacheLimit = 10_000;

/** Synchronous for a token already verified (the common case under load), a promise otherwise. */
export type Authenticate = (header: string | undefined) => Caller | Problem | Promise<Caller | Problem>;

export function createAuthenticator(tenant: TenantIndex): Authenticate {
  const secrets = new Map(tenant.data.apps.map((app) => [app.clientId, new TextEncoder().encode(app.clientSecret)]));
  // A verified token's signature stays valid: cache it (bounded) and recheck only what time or use can change.
  const verified = new Map<string, { app: App; claims: JWTPayload }>();
  const seenJtis = new Map<string, number>(); // jti -> exp (seconds), kept until it expires

  function checkJti(claims: JWTPayload, nowSeconds: number): Problem | undefined {
    if (typeof claims.jti !== 'string' || claims.jti === '') return unauthorized('auth: this app enforces JTI: the token needs a jti claim');
    if (seenJtis.has(claims.jti)) return unauthorized('auth: this token was already used (jti replay)');
    if (seenJtis.size >= cacheLimit) for (const [jti, exp] of seenJtis) if (exp < nowSeconds) seenJtis.delete(jti);
    seenJtis.set(claims.jti, claims.exp!);
    return undefined;
  }

  async function verifyAndCheck(token: string): Promise<Caller | Problem> {
    const result = await verify(token, tenant, secrets);
    if ('status' in result) return result;
    if (verified.size >= cacheLimit) verified.clear();
    verified.set(token, result);
    return check(result);
  }

  function check({ app, claims }: { app: App; claims: JWTPayload }): Caller | Problem {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const lifetime = lifetimeProblem(claims, nowSeconds);
    if (lifetime) return unauthorized(lifetime);
    if (typeof claims.sub !== 'string' || claims.sub === '') return unauthorized('auth: the token has no sub claim');
    if (!app.scopes.includes(caseManagementScope)) {
      return unauthorized(`auth: app ${app.clientId} is not mapped to the "${caseManagementScope}" API scope`);
    }
    if (app.enforceJti) {
      const replay = checkJti(claims, nowSeconds);
      if (replay) return replay;
    }
    return { app, sub: claims.sub };
  }

  return function authenticate(header) {
    if (header === undefined || header.trim() === '') return unauthorized('auth: the auth header is required: the JWT itself, with no Bearer prefix');
    const token = header.trim();
    if (/^bearer\s/i.test(token)) return unauthorized('auth: send the JWT itself in the auth header, without "Bearer"');
    const entry = verified.get(token);
    return entry ? check(entry) : verifyAndCheck(token);
  };
}

/** The token's app and claims once its signature is the app's, or what is wrong with it. */
async function verify(token: string, tenant: TenantIndex, secrets: Map<string, Uint8Array>): Promise<{ app: App; claims: JWTPayload } | Problem> {
  let alg: string | undefined;
  let appId: unknown;
  if (!compactJws.test(token)) return unauthorized('auth: not a JWT (expected header.payload.signature, each base64url without padding)');
  try {
    alg = decodeProtectedHeader(token).alg;
    appId = decodeJwt(token).appId;
  } catch {
    return unauthorized('auth: not a JWT (expected header.payload.signature)');
  }
  if (alg !== 'HS256') return unauthorized(`auth: the token must be signed with HS256 (got alg ${JSON.stringify(alg ?? null)})`);
  if (typeof appId !== 'string') return unauthorized('auth: the token has no appId claim (the client id of the app)');
  const app = tenant.apps.get(appId);
  const secret = secrets.get(appId);
  if (!app || !secret) return unauthorized(`auth: no app with client id ${appId}`);
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    return { app, claims: payload };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return unauthorized('auth: the token has expired');
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) return unauthorized("auth: the token's signature does not match the app's secret");
    if (err instanceof joseErrors.JWTClaimValidationFailed) return unauthorized(`auth: claim ${err.claim} is invalid (${err.reason})`);
    return unauthorized('auth: the token could not be verified');
  }
}

/** `exp` an integer, past now and at most an hour ahead; `iat`, when given, an integer not in the future. */
function lifetimeProblem({ exp, iat }: JWTPayload, nowSeconds: number): string | undefined {
  if (exp === undefined) return 'auth: the token needs an exp claim (a token that never expires is refused)';
  if (!Number.isSafeInteger(exp)) return 'auth: claim exp must be a safe integer (seconds since the epoch)';
  if (exp <= nowSeconds) return 'auth: the token has expired';
  if (exp - nowSeconds > maxLifetimeSeconds + clockSkewSeconds) return 'auth: exp must be at most one hour ahead';
  if (iat !== undefined && !Number.isSafeInteger(iat)) return 'auth: claim iat must be a safe integer (seconds since the epoch)';
  if (iat !== undefined && iat > nowSeconds + clockSkewSeconds) return 'auth: claim iat is in the future (issued later than now)';
  return undefined;
}
