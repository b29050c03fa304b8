/**
 * `replay REPORT.json [--base-url URL]`: re-sends the failing exchanges a JSON report holds, as they were sent, to
 * the report's server or another one, and says for each whether it still fails (exit 1 if any does). The token is
 * KORE_JWT, or minted from KORE_CLIENT_ID and KORE_CLIENT_SECRET; redirects are never followed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addSecret, redact } from './redact.js';
import { failing, stillFails } from './reproduce.js';
import type { Reproduction } from './types.js';
import type { TargetReport } from './runner.js';
import { expiredToken, tamperSignature, validToken, type Credentials } from './tokens.js';

const help = `usage: kore-case-management-contract replay REPORT.json [--base-url URL]

Re-sends each failing request of a suite's JSON report (contract-<target>.json) and says whether it still fails.
  --base-url URL   where to send (default: the server the report was made against)
token: KORE_JWT, or KORE_CLIENT_ID + KORE_CLIENT_SECRET (HS256, minted here; KORE_JWT_SUB for its subject)
exit status: 0 none still fails, 1 one still fails, 2 the replay could not run`;

export interface ReplayResult {
  reproduction: Reproduction;
  /** Why it still fails; undefined when it passes now. */
  failure?: string;
  status?: number;
  /** Not re-sent: one request cannot tell (its check judges a sequence); counted with what still fails. */
  undecided?: true;
}

function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | undefined {
  if (env.KORE_CLIENT_ID && env.KORE_CLIENT_SECRET)
    return {
      kind: 'app',
      clientId: env.KORE_CLIENT_ID,
      clientSecret: addSecret(env.KORE_CLIENT_SECRET),
      ...(env.KORE_JWT_SUB ? { sub: env.KORE_JWT_SUB } : {}),
    };
  if (env.KORE_JWT) return { kind: 'jwt', jwt: addSecret(env.KORE_JWT) };
  return undefined;
}

/** The token of the kind the suite sent (the report names the kind, never the token). */
async function tokenFor(kind: string, credentials: Credentials): Promise<string | undefined> {
  if (kind === 'none') return undefined;
  if (kind === 'expired token') {
    const expired = expiredToken(credentials);
    if (!expired) throw new Error('an expired token needs KORE_CLIENT_ID and KORE_CLIENT_SECRET to be minted');
    return expired;
  }
  const valid = await validToken(credentials);
  return kind === 'tampered signature' ? tamperSignature(valid) : valid;
}

/** Checks that judge a sequence of requests (pages walked, a write read back): one re-sent request cannot clear them. */
const sequenceChecks: ReadonlySet<string> = new Set(['paging_conformance', 'stateful_links', 'semantic']);

export async function replay(report: TargetReport, baseUrl: string, credentials: Credentials, timeoutMs = 10_000): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for (const reproduction of report.verdicts.flatMap((v) => failing(v.reproduce))) {
    if (sequenceChecks.has(reproduction.check)) {
      results.push({
        reproduction,
        undecided: true,
        failure: `judged over a sequence of requests: re-run the suite with --operation ${reproduction.operation} to know`,
      });
      continue;
    }
    const { method, path, headers, body } = reproduction.request;
    const sent: Record<string, string> = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'auth' && name !== 'content-length'));
    try {
      const token = headers.auth === undefined ? undefined : await tokenFor(headers.auth, credentials);
      if (token) sent.auth = token;
      const answer = await fetch(new URL(path, baseUrl), { method, headers: sent, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      const text = await answer.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      results.push({ reproduction, status: answer.status, failure: stillFails(reproduction, answer.status, json) });
    } catch (error) {
      results.push({ reproduction, failure: redact(`no answer: ${(error as Error).message}`) });
    }
  }
  return results;
}

export async function replayCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'base-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(help);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    console.error(`replay takes one report file\n\n${help}`);
    return 2;
  }
  let report: TargetReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`replay: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  if (!Array.isArray(report.verdicts)) {
    console.error(`replay: ${file} is not a suite report (no "verdicts")`);
    return 2;
  }
  const baseUrl = parsed.values['base-url'] ?? report.baseUrl;
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    console.error(`replay: --base-url must be an http(s) URL (got ${baseUrl})`);
    return 2;
  }
  const credentials = credentialsFromEnv(env);
  if (!credentials) {
    console.error('replay: set KORE_JWT, or KORE_CLIENT_ID and KORE_CLIENT_SECRET');
    return 2;
  }
  const results = await replay(report, baseUrl, credentials);
  for (const r of results) {
    const { check, operation, probe } = r.reproduction;
    const verdict = r.undecided ? 'NEEDS THE SUITE' : r.failure ? 'STILL FAILS' : 'passes now';
    console.log(redact(`${verdict}  ${operation} ${probe} (${check}): ${r.failure ?? `answered ${r.status}`}`));
  }
  const failing = results.filter((r) => r.failure).length;
  console.log(results.length === 0 ? `${file} holds no failing request` : `${failing} of ${results.length} still fail(s) on ${baseUrl}`);
  return failing ? 1 : 0;
}
