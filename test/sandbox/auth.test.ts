import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { RunningSandbox } from '../../sandbox/server.js';
import { mintJwt } from '../../contract-tests/tokens.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { mintToken as mintSdkToken, tokenLifetimeSeconds } from '../../src/mint.js';
import { SEED, createTask, devToken, envelopeMessages, validBody, withSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await withSandbox();
});
afterAll(() => sb.close());

async function expect401(auth: string | null, messagePart: RegExp) {
  const sent = await createTask(sb, validBody(sb), { auth });
  expect(sent.status).toBe(401);
  expect(sent.json.errors[0].code).toBe(4002);
  expect(envelopeMessages(sent).join(' ')).toMatch(messagePart);
  return sent;
}

describe('sandbox auth (the auth header carries an HS256 JWT, no Bearer)', () => {
  it('accepts a token signed with the dev app secret', async () => {
    const sent = await createTask(sb, validBody(sb));
    expect(sent.status).toBe(200);
  });

  it('refuses a missing auth header with 401 / 4002', () => expect401(null, /auth header is required/));

  it('refuses a malformed token', () => expect401('not-a-jwt', /not a JWT/));

  it('refuses a Bearer-prefixed token and says why', async () => {
    await expect401(`Bearer ${await devToken(sb)}`, /without "Bearer"/);
  });

  it('refuses a token signed with the wrong secret, without echoing the token', async () => {
    const token = await mintToken({ clientId: sb.seed.clientId, clientSecret: 'not-the-secret-but-long-enough-for-hs256!!' });
    const sent = await expect401(token, /signature/);
    expect(sent.text).not.toContain(token);
    expect(sent.text).not.toContain(sb.seed.clientSecret);
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ appId: sb.seed.clientId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sb.seed.userId)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(sb.seed.clientSecret));
    await expect401(token, /expired/);
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT({ appId: sb.seed.clientId }).setSubject(sb.seed.userId).encode();
    await expect401(token, /HS256/);
  });

  it('refuses another HMAC algorithm (HS512) even with the right secret', async () => {
    const token = await new SignJWT({ appId: sb.seed.clientId })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(sb.seed.userId)
      .sign(new TextEncoder().encode(sb.seed.clientSecret));
    await expect401(token, /HS256/);
  });

  it('refuses a token without appId, and one naming an unknown app', async () => {
    const noAppId = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(sb.seed.clientSecret));
    await expect401(noAppId, /appId/);
    await expect401(await mintToken({ clientId: 'cs-unknown', clientSecret: sb.seed.clientSecret }), /no app/);
  });

  it('answers an app without the Case Management scope with 401 (as the platform does)', async () => {
    await expect401(await mintToken({ clientId: SEED.noScopeClientId, clientSecret: SEED.noScopeSecret }), /scope/);
  });

  it('answers an app not allowed on the stream with 403', async () => {
    const token = await mintToken({ clientId: SEED.otherAppClientId, clientSecret: SEED.otherAppSecret });
    const sent = await createTask(sb, validBody(sb), { auth: token });
    expect(sent.status).toBe(403);
    expect(envelopeMessages(sent)[0]).toMatch(/not allowed on stream/);
  });

  it('answers an accountId header that does not own the stream with 403, and accepts the right one', async () => {
    const wrong = await createTask(sb, validBody(sb), { headers: { AccountId: SEED.otherAccountId } });
    expect(wrong.status).toBe(403);
    expect(envelopeMessages(wrong)[0]).toMatch(/^accountId/);
    const right = await createTask(sb, validBody(sb), { headers: { accountId: sb.seed.accountId } });
    expect(right.status).toBe(200);
  });

  describe('tokens that are refused: a second spelling, a future iat, an endless or absurd lifetime', () => {
    const secret = () => new TextEncoder().encode(sb.seed.clientSecret);
    const now = () => Math.floor(Date.now() / 1000);
    /** A dev-app token with these claims (iat now and exp in an hour unless given; null leaves one out). */
    const signed = (claims: { iat?: number | null; exp?: number | null }) => {
      const payload: Record<string, unknown> = { appId: sb.seed.clientId, sub: sb.seed.userId, iat: now(), exp: now() + 3600 };
      for (const [key, value] of Object.entries(claims)) {
        if (value === null) delete payload[key];
        else payload[key] = value;
      }
      return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret());
    };

    it('accepts a well-formed token of an hour, issued now', async () => {
      expect((await createTask(sb, validBody(sb), { auth: await signed({}) })).status).toBe(200);
    });

    it('refuses the signature with = padding appended (the same token spelt twice)', async () => {
      const token = await signed({});
      expect((await createTask(sb, validBody(sb), { auth: token })).status).toBe(200);
      await expect401(`${token}=`, /not a JWT.*without padding/);
      await expect401(`${token}==`, /not a JWT/);
    });

    it('refuses iat a million seconds ahead, and accepts one within the 60 s clock skew', async () => {
      await expect401(await signed({ iat: now() + 1_000_000 }), /iat is in the future/);
      expect((await createTask(sb, validBody(sb), { auth: await signed({ iat: now() + 30 }) })).status).toBe(200);
    });

    it("accepts the SDK's and the suite's own tokens", async () => {
      const app = { clientId: sb.seed.clientId, clientSecret: sb.seed.clientSecret };
      const sdkToken = await mintSdkToken({ ...app, subject: sb.seed.userId }, now(), tokenLifetimeSeconds);
      const suiteToken = await mintJwt({ kind: 'app', ...app, sub: sb.seed.userId });
      for (const auth of [sdkToken, suiteToken]) expect((await createTask(sb, validBody(sb), { auth })).status).toBe(200);
    });

    it('refuses a token without exp, with exp 1e308, a fractional exp or one more than an hour ahead', async () => {
      await expect401(await signed({ exp: null }), /needs an exp claim/);
      await expect401(await signed({ exp: 1e308 }), /exp must be a safe integer/);
      await expect401(await signed({ exp: now() + 600.5 }), /exp must be a safe integer/);
      await expect401(await signed({ exp: now() + 86_400 }), /at most one hour ahead/);
    });
  });

  describe('an app enforcing JTI', () => {
    const jtiToken = (o: { jti?: string | false; expiresInSeconds?: number } = {}) =>
      mintToken({ clientId: SEED.jtiClientId, clientSecret: SEED.jtiSecret, ...o });

    it('accepts a token once and refuses its replay', async () => {
      const token = await jtiToken();
      expect((await createTask(sb, validBody(sb), { auth: token })).status).toBe(200);
      await expect401(token, /replay/);
    });

    it('refuses a token without jti, and one living longer than an hour', async () => {
      await expect401(await jtiToken({ jti: false }), /jti/);
      await expect401(await jtiToken({ expiresInSeconds: 7200 }), /one hour/);
    });
  });
});
