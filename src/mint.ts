/**
 * HS256 token minting with jose, loaded lazily by auth.ts so that it stays out of the main bundle chunk.
 * jose is imported with import() even here: it ships ESM only, and import() also works from the CommonJS build.
 */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
  subject: string;
}

/** A token with the documented payload `{sub, appId}`, `iat` = now, `exp` = now + lifetime, and a fresh `jti`. */
export async function mintToken(app: AppCredentials, now: number, lifetimeSeconds: number): Promise<string> {
  const { SignJWT } = await import('jose');
  return new SignJWT({ appId: app.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(app.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .setJti(crypto.randomUUID()) // a reused jti is rejected as a replay
    .sign(new TextEncoder().encode(app.clientSecret));
}
