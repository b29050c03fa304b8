/**
 * The sandbox hands over in one paste: the `export KORE_…=` lines its banner prints are what the contract suite takes
 * (every variable it needs, each valid), `--print-env` prints those lines alone, and each printed curl, run by a shell
 * as a user pastes it after minting a token, answers 2xx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveVariables, malformedLiveVariables, missingLiveVariables } from '../../contract-tests/targets/live.js';

const root = new URL('../../', import.meta.url).pathname;

/** The variables a shell has after running `lines` (nothing of this process's KORE_* leaks in). */
function exported(lines: string): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KORE_')));
  const run = spawnSync('bash', ['-euc', `${lines}\nenv -0`], { cwd: root, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bash failed: ${run.stderr}`);
  return Object.fromEntries(
    run.stdout
      .split('\0')
      .filter((l) => l.startsWith('KORE_'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('npm run sandbox: the handover', () => {
  let child: ChildProcess;
  let banner = '';
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        banner += chunk;
        if (/^curl -sS \S+updateTask/m.test(banner)) resolve();
      });
      child.on('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${banner}`)));
    });
  });
  afterAll(() => child?.kill('SIGTERM'));

  const block = () => banner.slice(banner.indexOf('export KORE_BASE_URL='));
  const envBlock = () => block().slice(0, block().indexOf('\n\n'));

  it('prints export lines that give the suite every variable it reads, each valid', () => {
    const env = exported(envBlock());
    expect(missingLiveVariables(env)).toEqual([]);
    expect(malformedLiveVariables(env)).toEqual([]);
    for (const name of [...liveVariables.required, ...liveVariables.optional, 'KORE_CLIENT_ID', 'KORE_CLIENT_SECRET'])
      expect(env, name).toHaveProperty(name);
    expect(env.KORE_BASE_URL).toBe(/Reference sandbox: (\S+)/.exec(banner)?.[1]);
    expect(env.KORE_USER_EMAIL).toMatch(/^[^@\s]+@[^@\s]+$/);
  });

  it('prints a curl per operation that answers 2xx when pasted after the token line', () => {
    const curls = block()
      .split('\n')
      .filter((l) => /^(export KORE_JWT=|curl |export KORE_TASK_ID=)/.test(l));
    expect(curls.filter((l) => l.includes('curl '))).toHaveLength(6);
    // each curl as printed, its status line appended; createTask's answer is read by the printed pipe
    const script = [
      envBlock(),
      ...curls.map((l) => (l.startsWith('curl ') ? `${l} -o /dev/null -w '%{http_code}\\n'` : l)),
      'echo "task ${KORE_TASK_ID}"',
    ].join('\n');
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const statuses = run.stdout.trim().split('\n');
    expect(statuses.at(-1)).toMatch(/^task ti-/);
    // five statuses; createTask's answer is piped into KORE_TASK_ID instead, whose task id is checked above
    expect(statuses.slice(0, -1)).toEqual(['200', '200', '200', '200', '200']);
    for (const op of ['createCase', 'getCases', 'updateCase/$KORE_CASE_ID', 'createTask', 'getTasks', 'updateTask/$KORE_TASK_ID']) {
      expect(
        curls.some((l) => l.includes(`/$KORE_STREAM_ID/${op}"`)),
        op,
      ).toBe(true);
    }
  }, 30_000);

  it('--print-env prints the same export lines alone on stdout, then serves (logs on stderr)', async () => {
    const printer = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--print-env'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        printer.stdout!.on('data', (chunk) => {
          out += chunk;
          if (/^export KORE_CASE_TEMPLATE_ID=.*\n/m.test(out)) resolve();
        });
        printer.on('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
      });
      const printed = exported(out);
      const banner = exported(envBlock());
      expect(
        out
          .trim()
          .split('\n')
          .every((l) => l.startsWith('export KORE_')),
      ).toBe(true);
      expect({ ...printed, KORE_BASE_URL: '' }).toEqual({ ...banner, KORE_BASE_URL: '' });
      expect((await fetch(`${printed.KORE_BASE_URL}/__sandbox/health`)).status).toBe(200);
    } finally {
      printer.kill('SIGTERM');
    }
  });
});
