/**
 * The CLI as users run it: startup output, `--drift list`, and SIGTERM draining in-flight requests.
 * One real process per distinct behaviour (serving, exit 0 from npm run, exit 2 on a bad flag, SIGTERM draining);
 * the messages of the other quick exits are read from the same scripts run in this process (runInProcess), which
 * is what they are up to the exit itself, for a fraction of a node + tsx start each.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { cliOptions } from '../../sandbox/cli-options.js';
import { driftModes } from '../../sandbox/drift/drift.js';
import { DEV_CLIENT_SECRET, defaultTenant, seedInfoOf } from '../../sandbox/tenant/seed.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { SEED, storedTasks, validBodyFor, withSandbox } from './helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const cli = ['--import', 'tsx', 'sandbox/cli.ts'];
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI on a free port and resolves once it has printed its whole banner. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [...cli, '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = /Reference sandbox: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('curl -s')) resolve({ child, url, output: () => output });
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${output}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm run sandbox (sandbox/cli.ts)', () => {
  // two servers serve every banner and CORS check: one with named origins (and a short secret), one with --no-cors
  let named: Awaited<ReturnType<typeof startCli>>;
  let off: Awaited<ReturnType<typeof startCli>>;
  beforeAll(async () => {
    [named, off] = await Promise.all([
      startCli(['--cors-origin', 'https://app.example.com', '--cors-origin', 'http://localhost:3000', '--client-secret', 'abc']),
      startCli(['--no-cors']),
    ]);
  });
  afterAll(() => {
    for (const started of [named, off]) if (started?.child.exitCode === null) started.child.kill('SIGKILL');
  });

  it('--cors-origin allows the origins named (and no local one); --no-cors sends no CORS headers', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/__sandbox/health`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    expect((await preflight(named.url, 'https://app.example.com')).headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect((await preflight(named.url, 'http://localhost:3000')).status).toBe(204);
    expect((await preflight(named.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    const refused = await preflight(off.url, 'http://localhost:5173');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.status).toBe(405);
    expect(named.output()).toContain('cors=https://app.example.com,http://localhost:3000');
  });

  it('shows nothing of a secret given to it, even a short one, and says to export it', () => {
    expect(named.output()).toContain('# KORE_CLIENT_SECRET: the secret you gave for');
    expect(named.output()).not.toMatch(/abc/);
    expect(named.output()).not.toMatch(/^export KORE_CLIENT_SECRET=/m);
  });

  it("prints the base URL, the seeded ids, how to mint a token and the dev app's fixed secret, said to be no secret; SIGTERM exits 0", async () => {
    const exited = [named, off].map(({ child }) => exitOf(child));
    for (const { child } of [named, off]) child.kill('SIGTERM');
    expect(await Promise.all(exited)).toEqual([0, 0]);
    const text = off.output();
    for (const id of [SEED.streamId, SEED.caseId, SEED.caseRefId, SEED.caseTemplateId, SEED.taskTemplateId, SEED.accountId, SEED.creatorUserId])
      expect(text).toContain(id);
    for (const op of ['createCase', 'getCases', 'updateCase/{caseId}', 'createTask', 'getTasks', 'updateTask/{taskId}']) expect(text).toContain(op);
    expect(text).toContain('sandbox/mint.ts');
    expect(text).toContain(`export KORE_CLIENT_SECRET='${DEV_CLIENT_SECRET}'`);
    expect(text).toMatch(/fixed value from sandbox\/tenant\/seed\.ts: not a secret/);
  });

  it("--drift list prints every mode, createTask's then the family's, one a line", async () => {
    const run = await runInProcess('sandbox/cli.ts', ['--drift', 'list']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/, 1)[0])).toEqual(driftModes.map((d) => d.name));
  });

  it('npm run sandbox -- --help prints the usage: every flag with its default, exit 0', async () => {
    const run = spawnSync('npm', ['run', '-s', 'sandbox', '--', '--help'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run sandbox -- \[flags\]/);
    for (const flag of Object.keys(cliOptions)) expect(run.stdout).toMatch(new RegExp(`^ +(-h, )?--${flag}\\b`, 'm'));
    expect(run.stdout).toMatch(/--port N .*default: 4020/);
    expect(run.stdout).toMatch(/--cors-origin ORIGIN .*default: http:\/\/localhost:\*/);
    expect(run.stderr).toBe('');
    const short = await runInProcess('sandbox/cli.ts', ['-h']);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(run.stdout);
  });

  it('mint prints a token for the dev app that the sandbox accepts (the installed command has no tsx)', async () => {
    const minted = spawnSync(process.execPath, [...cli, 'mint', '--expires', '600'], { cwd: root, encoding: 'utf8' }); // it writes to stdout itself
    expect(minted.status, minted.stderr).toBe(0);
    expect(minted.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const sb = await startSandbox({ port: 0 });
    try {
      const answer = await fetch(`${sb.url}/caseManagement/api/public/analytics/${sb.seed.streamId}/getTasks`, {
        method: 'POST',
        headers: { auth: minted.stdout.trim(), accountId: sb.seed.accountId, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(answer.status).toBe(200);
    } finally {
      await sb.close();
    }
  });

  it('refuses an unknown flag pointing at --help, without a stack trace', () => {
    const run = spawnSync(process.execPath, [...cli, '--bogus'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^sandbox: Unknown option '--bogus' \(--help lists the flags\)$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    [['--rate-limit', 'lots'], /^sandbox: --rate-limit must be a non-negative integer \(got lots\)$/m],
    [['--port', '70000'], /^sandbox: --port must be an integer from 0 to 65535 \(got 70000\)$/m],
    [['--data', 'tenant.json', '--client-id', 'cs-x'], /^sandbox: --client-id\/--client-secret cannot be combined with --data/m],
    [['--db', '/no/such/dir/x.db'], /^sandbox: --db \/no\/such\/dir\/x\.db: /m],
    [['--cors-origin', 'http://localhost:5173/'], /^sandbox: --cors-origin "http:\/\/localhost:5173\/" is not an origin/m],
    [['--no-cors', '--cors-origin', '*'], /^sandbox: --no-cors cannot be combined with --cors-origin$/m],
    [['--answers', 'short'], /^sandbox: --answers must be current or full \(got short\)$/m],
  ])('refuses %j with a message naming the flag and exit code 2', async (args, message) => {
    const run = await runInProcess('sandbox/cli.ts', ['--port', '0', ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('sandbox/mint.ts answers --help, and refuses an unknown flag without a stack trace', async () => {
    const help = await runInProcess('sandbox/mint.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--client-id ID/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'sandbox/mint.ts', '--bogus'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^mint: Unknown option '--bogus'/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stdout).toBe('');
  });

  it('SIGTERM drains: an in-flight create completes and is stored, then the process exits 0 and stops listening', async () => {
    const db = join(dir, 'drain.db');
    const { child, url } = await startCli(['--faults', '--db', db, '--quiet']);
    const seed = seedInfoOf(defaultTenant());
    const token = await mintToken({ clientId: seed.clientId, clientSecret: seed.clientSecret });
    const inFlight = fetch(`${url}/caseManagement/api/public/analytics/${SEED.streamId}/createTask`, {
      method: 'POST',
      headers: { auth: token, 'content-type': 'application/json', 'x-sandbox-fault': 'latency=400' },
      body: JSON.stringify(validBodyFor(seed)),
    });
    await new Promise((r) => setTimeout(r, 150));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    const task = await response.json();
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/__sandbox/health`)).rejects.toThrow();

    const reopened = await withSandbox({ db });
    try {
      const listed = await (await storedTasks(reopened, { fields: '_id,refId' })).json();
      expect(listed.tasks).toEqual([{ _id: task._id, refId: 'TS000001' }]);
    } finally {
      await reopened.close();
    }
  });
});
