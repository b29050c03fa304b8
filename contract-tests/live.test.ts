/**
 * The live target's plumbing, end to end through the CLI (`npm run test:contract:live` runs the same command):
 * missing variables stop it at once, by name; pointed by KORE_* variables at a sandbox (as a user would point it at
 * their tenant) it runs every check, writes its reports and never prints a secret.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { runCli, suiteEnv } from './cli-run.js';
import { mintJwt } from './tokens.js';
import { malformedLiveVariables, missingLiveVariables } from './targets/live.js';

const cli = async (env: Record<string, string>, reports: string) =>
  runCli(['--target', 'live', '--reports', reports], { CONTRACT_PBT_RUNS: '5', ...env });

let sandbox: RunningSandbox;
let reports: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  reports = mkdtempSync(join(tmpdir(), 'contract-live-'));
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(reports, { recursive: true, force: true });
});

const fixtures = (s: RunningSandbox) => ({
  KORE_BASE_URL: s.url,
  KORE_STREAM_ID: s.seed.streamId,
  KORE_ACCOUNT_ID: s.seed.accountId,
  KORE_CASE_ID: s.seed.caseId,
  KORE_CASE_REF_ID: s.seed.caseRefId,
  KORE_TASK_TEMPLATE_ID: s.seed.taskTemplateId,
  KORE_CASE_TEMPLATE_ID: s.seed.caseTemplateId,
  KORE_USER_ID: s.seed.userId,
  KORE_CLOSED_STATUS: 'Closed',
  // Paced fast: the pace itself has its own test below.
  CONTRACT_RATE_PER_MINUTE: '60000',
});

describe('npm run test:contract:live -- --help', () => {
  it('prints the usage (flags, variables, exit codes) and exits 0, whatever the variables', async () => {
    // the script itself, tsx and all, as a user runs it (the other runs spawn the bundled CLI: cli-run.ts)
    const {
      status: code,
      stdout,
      stderr,
    } = spawnSync('npm', ['run', '--silent', 'test:contract:live', '--', '--help'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      env: suiteEnv({ KORE_BASE_URL: 'not a url', NO_COLOR: '1' }),
    });
    const output = stdout + stderr;
    expect(code, output).toBe(0);
    for (const text of [
      'usage:',
      '--strict',
      '--request-timeout N',
      'CONTRACT_DEADLINE_MS',
      'KORE_BASE_URL',
      'exit status: 0',
      '--operation ID',
      '--tag NAME',
      '--read-only',
      '--max-creates N',
      'CONTRACT_OPERATIONS',
      'CONTRACT_MAX_CREATES',
    ])
      expect(output).toContain(text);
    expect(output).not.toContain('Unknown option');
  }, 20_000);
  it('refuses a bad setting by name, exit 2', async () => {
    const { code, output } = await runCli(['--target', 'live', '--request-timeout', 'soon'], {});
    expect(code).toBe(2);
    expect(output).toContain('--request-timeout must be a positive whole number, got "soon"');
  }, 20_000);
});

describe('live target', () => {
  it('names every missing variable, and accepts either a JWT or app credentials', () => {
    expect(missingLiveVariables({})).toEqual([
      'KORE_BASE_URL',
      'KORE_STREAM_ID',
      'KORE_CASE_ID',
      'KORE_CASE_REF_ID',
      'KORE_TASK_TEMPLATE_ID',
      'KORE_CASE_TEMPLATE_ID',
      'KORE_JWT (or KORE_CLIENT_ID + KORE_CLIENT_SECRET)',
    ]);
    const base = {
      KORE_BASE_URL: 'x',
      KORE_STREAM_ID: 'x',
      KORE_CASE_ID: 'x',
      KORE_CASE_REF_ID: 'x',
      KORE_TASK_TEMPLATE_ID: 'x',
      KORE_CASE_TEMPLATE_ID: 'x',
    };
    expect(missingLiveVariables({ ...base, KORE_JWT: 'x' })).toEqual([]);
    expect(missingLiveVariables({ ...base, KORE_CLIENT_ID: 'x', KORE_CLIENT_SECRET: 'y' })).toEqual([]);
    expect(missingLiveVariables({ ...base, KORE_CLIENT_ID: 'x' })).toEqual(['KORE_CLIENT_SECRET (or KORE_JWT)']);
  });

  it('exits 2 at once, naming the missing variables and never a value', async () => {
    const { code, output } = await cli({ KORE_BASE_URL: 'http://127.0.0.1:9', KORE_CLIENT_SECRET: 'do-not-print-this-secret' }, reports);
    expect(code).toBe(2);
    expect(output).toContain(
      'missing KORE_STREAM_ID, KORE_CASE_ID, KORE_CASE_REF_ID, KORE_TASK_TEMPLATE_ID, KORE_CASE_TEMPLATE_ID, KORE_CLIENT_ID (or KORE_JWT)',
    );
    expect(output).not.toContain('do-not-print-this-secret');
  }, 20_000);

  it('refuses malformed variables by name before sending anything (a bad id would fail every probe for the wrong reason)', async () => {
    const env = { ...fixtures(sandbox), KORE_JWT: 'x', KORE_BASE_URL: 'platform.kore.ai', KORE_CASE_ID: 'cs-1', KORE_USER_ID: 'do not print this' };
    expect(malformedLiveVariables(env)).toEqual([
      'KORE_BASE_URL must be an http(s) URL, e.g. https://platform.kore.ai',
      expect.stringMatching(/^KORE_CASE_ID is not a plausible CaseId: its prefix or characters differ from the contract's \(e\.g\. ci-/),
      expect.stringMatching(/^KORE_USER_ID is not a plausible UserId/),
    ]);
    expect(malformedLiveVariables({ ...fixtures(sandbox), KORE_JWT: 'x' })).toEqual([]);
    const { code, output } = await cli(env, reports);
    expect(code).toBe(2);
    expect(output).toMatch(/^live target: KORE_BASE_URL must be an http\(s\) URL/m);
    expect(output).not.toContain('do not print this');
  }, 20_000);

  it('with app credentials: every check runs (a 429 cannot be provoked), reports are written, no secret is printed', async () => {
    const secret = sandbox.seed.clientSecret;
    const { code, output } = await cli({ ...fixtures(sandbox), KORE_CLIENT_ID: sandbox.seed.clientId, KORE_CLIENT_SECRET: secret }, reports);
    expect(code, output).toBe(0);
    expect(output).toMatch(/PASS {2}auth/);
    expect(output).toMatch(/PASS {2}semantic/);
    expect(output).toMatch(/SKIP {2}response_header_conformance/);
    expect(output).toMatch(/PASS {2}stateful_links/);
    // Live hygiene: the budget used is printed; everything created carries the run's tag and was closed.
    expect(output).toMatch(/requests: \d+ of budget 300, paced at 60000 a minute/);
    const { cleanup } = JSON.parse(readFileSync(join(reports, 'contract-live.json'), 'utf8'));
    expect(cleanup.created.length).toBeGreaterThan(5);
    for (const c of cleanup.created) {
      expect(c.name, JSON.stringify(c)).toMatch(/^contract-run \d{12}-[0-9a-f]{6} /);
      expect(c.closed, JSON.stringify(c)).toBe(true);
    }
    expect(readFileSync(join(reports, 'contract-summary.md'), 'utf8')).toContain('## Created on live');
    const written = readdirSync(reports);
    expect(written).toEqual(expect.arrayContaining(['contract-live.xml', 'contract-summary.md']));
    for (const text of [output, ...written.map((f) => readFileSync(join(reports, f), 'utf8'))]) {
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  }, 30_000);

  it('stays inside its request budget, paced, and keeps a fifth of it to close what it created', async () => {
    const started = performance.now();
    const { output } = await cli(
      {
        ...fixtures(sandbox),
        KORE_JWT: 'x',
        KORE_CLIENT_ID: sandbox.seed.clientId,
        KORE_CLIENT_SECRET: sandbox.seed.clientSecret,
        CONTRACT_REQUEST_BUDGET: '10',
        CONTRACT_RATE_PER_MINUTE: '600',
      },
      reports,
    );
    expect(output).toMatch(/requests: (9|10) of budget 10, paced at 600 a minute/);
    expect(output).toContain('the request budget of 10 was reached (8 sent; 2 kept for the cleanup)');
    expect(output).toMatch(/created by this run: \d+ created .* [12] closed/);
    // 600 a minute: one request every 100 ms.
    expect(performance.now() - started).toBeGreaterThan(800);
  }, 30_000);

  it('with a static KORE_JWT: the expired-token case is reported as not run, the token never printed', async () => {
    const jwt = await mintJwt({ kind: 'app', clientId: sandbox.seed.clientId, clientSecret: sandbox.seed.clientSecret, sub: sandbox.seed.userId });
    const { code, output } = await cli({ ...fixtures(sandbox), KORE_JWT: jwt }, reports);
    expect(code, output).toBe(0);
    expect(output).toContain('not run: createTask: expired token: a static KORE_JWT was given');
    expect(output).not.toContain(jwt);
    expect(readFileSync(join(reports, 'contract-live.xml'), 'utf8')).not.toContain(jwt.split('.')[2]!);
  }, 30_000);
});
