/** Mints a platform-style token for the sandbox's apps (the SDK has its own minting; this is for the CLI and tests). */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export interface MintOptions {
  clientId: string;
  clientSecret: string;
  sub?: string; // default: the client id
  expiresInSeconds?: number; // default 3600
  jti?: string | false; // default: a fresh UUID; false leaves it out
}

export async function mintToken(o: MintOptions): Promise<string> {
  const jwt = new SignJWT({ appId: o.clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(o.sub ?? o.clientId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (o.expiresInSeconds ?? 3600));
  if (o.jti !== false) jwt.setJti(o.jti ?? randomUUID());
  return jwt.sign(new TextEncoder().encode(o.clientSecret));
}
