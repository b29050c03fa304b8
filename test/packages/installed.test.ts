/**
 * The three packages as a user's CI gets them: `npm pack` of the SDK, the suite and the sandbox (once per test run,
 * test/helpers/packed.ts), installed from the tarballs into an empty folder with an empty npm cache (their
 * third-party dependencies packed from this project's node_modules, `--offline`). There: the sandbox's bin starts
 * and prints its variables, the suite's bin checks it, a failing run's report holds curls without the token,
 * `replay` re-sends them, and the CI recipes in examples/ci/ validate and their very command lines pass.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGES, npmEnv, packedPackages, root } from '../helpers/packed.js';

let work: string;
let app: string;
let env: NodeJS.ProcessEnv;
let packOutput: string;
let sdkInstall: { status: number | null; stderr: string };
const sandboxes: ChildProcess[] = [];

const run = (cmd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(cmd, args, { cwd: app, encoding: 'utf8', env: { ...env, ...extraEnv }, timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
};
const binOf = (name: string) => join(app, 'node_modules/.bin', name);
const suite = (args: string[], extraEnv: NodeJS.ProcessEnv) => run(binOf('kore-case-management-contract'), args, extraEnv);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** The installed sandbox's bin, started as a CI job does (in the background), and the variables it printed. */
async function startSandbox(...flags: string[]): Promise<Record<string, string>> {
  const child = spawn(binOf('kore-case-management-sandbox'), ['--port', '0', '--print-env', '--quiet', ...flags], {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  sandboxes.push(child);
  const vars: Record<string, string> = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /^export (KORE_\w+)='([^']*)'$/.exec(line);
    if (!m) throw new Error(`not an export line: ${line}`);
    vars[m[1]!] = m[2]!;
    if (m[1] === 'KORE_CASE_TEMPLATE_ID') break; // the last line
  }
  return vars;
}

/** The suite against the sandbox, unpaced (the live target's pace is for a tenant's 60 requests a minute). */
const unpaced = { CONTRACT_RATE_PER_MINUTE: '100000', CONTRACT_PBT_RUNS: '5' };

let healthy: Record<string, string>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kore-packages-'));
  env = { ...npmEnv(join(work, 'npm-cache')), npm_config_offline: 'true' }; // empty cache, no registry
  for (const name of Object.keys(env))
    if (name.startsWith('KORE_') || name.startsWith('CONTRACT_') || name === 'GITHUB_STEP_SUMMARY') delete env[name];
  app = join(work, 'app');
  mkdirSync(join(app, 'ci'), { recursive: true });
  const packed = await packedPackages();
  packOutput = packed.output;
  for (const tarball of Object.values(packed.tarballs)) copyFileSync(tarball, join(app, 'ci', basename(tarball)));
  const deps = packed.dependencies;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ci-job', private: true }));
  const install = (tarballs: string[]) => spawnSync('npm', ['install', '--no-audit', '--no-fund', ...tarballs], { cwd: app, encoding: 'utf8', env });
  sdkInstall = install(['./ci/kore-case-management-0.1.0.tgz', ...deps]);
  const rest = install(['./ci/kore-case-management-contract-0.1.0.tgz', './ci/kore-case-management-sandbox-0.1.0.tgz']);
  if (rest.status !== 0) throw new Error(rest.stderr);
  healthy = await startSandbox();
}, 300_000);

afterAll(() => {
  for (const child of sandboxes) child.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('npm pack --json prints JSON only, one entry per package', () => {
    expect(JSON.parse(packOutput).map((p: { name: string }) => p.name)).toEqual(PACKAGES);
  });

  it("npm pack at the root ships every package built (its prepack runs the workspaces' builds): the release bundle, JSON only", () => {
    // The builds ran in the workspaces' packs above: the root's prepack runs the very same scripts, so not again here.
    const scriptsOf = (dir: string) => readJson(join(root, dir, 'package.json')).scripts;
    expect(scriptsOf('.')).toMatchObject({
      prepack: 'npm run build && npm run build:packages',
      build: 'tsx scripts/build-sdk.ts',
      'build:packages': 'tsx scripts/build-packages.ts',
    });
    expect(['src', 'contract-tests', 'sandbox'].map((dir) => scriptsOf(dir).prepack)).toEqual([
      'tsx ../scripts/build-sdk.ts',
      'tsx ../scripts/build-packages.ts contract',
      'tsx ../scripts/build-packages.ts sandbox',
    ]);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env });
    expect(pack.status, pack.stderr).toBe(0);
    const [bundle] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
    const paths = bundle!.files.map((f) => f.path);
    for (const built of [
      'src/dist/index.js',
      'src/dist/index.cjs',
      'src/dist/index.d.ts',
      'contract-tests/dist/bin.js',
      'contract-tests/generated/openapi.json',
      'sandbox/dist/cli.js',
    ])
      expect(paths).toContain(built);
    expect(paths.some((p) => p.startsWith('node_modules/') || p.startsWith('test/'))).toBe(false);
  });

  it('the SDK installs with no script warning: its manifest has no install-time script', () => {
    expect(sdkInstall.status).toBe(0);
    expect(sdkInstall.stderr).not.toMatch(/install-scripts|allowScripts|prepare/);
    const scripts = readJson(join(app, 'node_modules/kore-case-management/package.json')).scripts ?? {};
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts).not.toHaveProperty(hook);
  });

  it('the suite carries the contract and none of the contributor tools (Prism, Redocly, the generator, a browser, SQLite)', () => {
    expect(readJson(join(app, 'node_modules/kore-case-management-contract/generated/openapi.json')).openapi).toBe('3.1.0');
    const installed = readdirSync(join(app, 'node_modules'));
    for (const tool of ['@stoplight', '@redocly', '@openapitools', 'playwright-core', 'better-sqlite3', 'esbuild', 'tsx'])
      expect(installed).not.toContain(tool);
  });

  it("the sandbox's bin prints the variables the suite takes, and serves", async () => {
    expect(Object.keys(healthy)).toEqual(
      expect.arrayContaining([
        'KORE_BASE_URL',
        'KORE_STREAM_ID',
        'KORE_CLIENT_ID',
        'KORE_CLIENT_SECRET',
        'KORE_CASE_ID',
        'KORE_CASE_REF_ID',
        'KORE_TASK_TEMPLATE_ID',
        'KORE_CASE_TEMPLATE_ID',
      ]),
    );
    const answer = await fetch(`${healthy.KORE_BASE_URL}/caseManagement/api/public/analytics/${healthy.KORE_STREAM_ID}/createTask`, {
      method: 'POST',
      body: '{}',
    });
    expect(answer.status).toBe(401); // no token: the sandbox answers, and checks auth
    // the token its banner tells users to mint comes from the installed command (no tsx, no checkout)
    const minted = run(binOf('kore-case-management-sandbox'), ['mint']);
    expect(minted.status, minted.output).toBe(0);
    const listed = await fetch(`${healthy.KORE_BASE_URL}/caseManagement/api/public/analytics/${healthy.KORE_STREAM_ID}/getTasks`, {
      method: 'POST',
      headers: { auth: minted.stdout.trim(), accountId: healthy.KORE_ACCOUNT_ID!, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(listed.status).toBe(200);
  });

  it('--base-url names the server, and --operation createTask and --read-only narrow the run', () => {
    // (the whole run passing the sandbox is the CI recipes' test below)
    const { KORE_BASE_URL, ...rest } = healthy;
    const one = suite(['--base-url', KORE_BASE_URL!, '--operation', 'createTask', '--reports', 'reports-one'], { ...rest, ...unpaced });
    expect(one.status, one.output).toBe(0);
    const report = readJson(join(app, 'reports-one/contract-live.json'));
    expect(report.selection).toMatchObject({ selected: ['createTask'], readOnly: false, creates: { created: expect.any(Number) } });
    const breaking = report.verdicts
      .flatMap((v: { reproduce?: { severity: string }[] }) => v.reproduce ?? [])
      .filter((r: { severity: string }) => r.severity === 'breaking');
    expect(breaking).toEqual([]);
    const readOnly = suite(['--read-only', '--reports', 'reports-ro'], { ...healthy, ...unpaced });
    expect(readOnly.status, readOnly.output).toBe(0);
    expect(readJson(join(app, 'reports-ro/contract-live.json')).selection).toMatchObject({ readOnly: true, creates: { created: 0 } });
  }, 240_000);

  it('learn writes an overlay from a report, and --overlay is read: one that cannot apply stops the run by name', () => {
    const learned = suite(['learn', 'reports-one/contract-live.json', '--out', 'tenant.overlay.yaml'], {});
    expect(learned.status, learned.output).toBe(0);
    expect(readFileSync(join(app, 'tenant.overlay.yaml'), 'utf8')).toMatch(/^overlay: 1\.0\.0/);
    const applied = suite(['--operation', 'createTask', '--overlay', 'tenant.overlay.yaml', '--reports', 'reports-overlay'], {
      ...healthy,
      ...unpaced,
    });
    expect(applied.status, applied.output).toBe(0);
    const missing = suite(['--operation', 'createTask', '--overlay', 'no-such.overlay.yaml', '--reports', 'reports-overlay'], {
      ...healthy,
      ...unpaced,
    });
    expect(missing.status).toBe(2);
    expect(missing.output).toMatch(/no-such\.overlay\.yaml: cannot be read as an overlay/);
  }, 240_000);

  describe('a failing run', () => {
    let drifted: Record<string, string>;
    let token: string;
    let report: { verdicts: { check: string; reproduce?: { curl: string; probe: string }[] }[] };
    let outcome: ReturnType<typeof run>;

    beforeAll(async () => {
      drifted = await startSandbox('--drift', 'accepts-invalid-input');
      // A real token for the dev app, planted in the run: it must reach no report.
      token = await new SignJWT({ appId: drifted.KORE_CLIENT_ID })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(drifted.KORE_USER_ID!)
        .setIssuedAt()
        .setExpirationTime('20m')
        .sign(new TextEncoder().encode(drifted.KORE_CLIENT_SECRET));
      const { KORE_CLIENT_ID, KORE_CLIENT_SECRET, ...rest } = drifted;
      outcome = suite(['--reports', 'reports-fail', '--seed', '7'], { ...rest, KORE_JWT: token, ...unpaced });
      report = readJson(join(app, 'reports-fail/contract-live.json'));
    }, 300_000);

    it('exits 1, and its JSON and Markdown reports hold a curl per failing request, the token as $KORE_JWT', () => {
      expect(outcome.status, outcome.output).toBe(1);
      const negative = report.verdicts.find((v) => v.check === 'negative_data_rejection')!;
      expect(negative.reproduce?.length).toBeGreaterThan(0);
      for (const r of negative.reproduce!)
        expect(r.curl).toMatch(/^curl -sS -X POST 'http:\/\/127\.0\.0\.1:\d+\/caseManagement\/[^']+' \\\n[\s\S]*-H "auth: \$KORE_JWT"/);
      const markdown = readFileSync(join(app, 'reports-fail/contract-summary.md'), 'utf8');
      expect(markdown).toContain('### Reproduce');
      expect(markdown).toContain(negative.reproduce![0]!.curl);
    });

    it('no report and no output line holds the token', () => {
      for (const file of readdirSync(join(app, 'reports-fail'))) expect(readFileSync(join(app, 'reports-fail', file), 'utf8')).not.toContain(token);
      expect(outcome.output).not.toContain(token);
    });

    it('a curl from the report, run as printed, reproduces the failure', () => {
      const { curl } = report.verdicts.find((v) => v.check === 'negative_data_rejection')!.reproduce![0]!;
      const r = spawnSync('bash', ['-c', `${curl} -o /dev/null -w '%{http_code}'`], { encoding: 'utf8', env: { ...env, KORE_JWT: token } });
      expect(r.stdout).toBe('200'); // invalid input accepted, as the report says
    });

    it('replay says each still fails on the drifted sandbox (exit 1) and passes on a healthy one (exit 0)', () => {
      const still = suite(['replay', 'reports-fail/contract-live.json'], { KORE_JWT: token });
      expect(still.status, still.output).toBe(1);
      expect(still.stdout).toMatch(/STILL FAILS/);
      expect(still.stdout).not.toMatch(/passes now/);
      const fixed = suite(['replay', 'reports-fail/contract-live.json', '--base-url', healthy.KORE_BASE_URL!], {
        KORE_CLIENT_ID: healthy.KORE_CLIENT_ID,
        KORE_CLIENT_SECRET: healthy.KORE_CLIENT_SECRET,
      });
      expect(fixed.status, fixed.output).toBe(0);
      expect(fixed.stdout).toMatch(/passes now/);
      expect(fixed.stdout).not.toMatch(/STILL FAILS/);
    }, 120_000);
  });

  describe('the CI recipes (examples/ci/)', () => {
    const github = join(root, 'examples/ci/github-actions.yml');
    const gitlab = join(root, 'examples/ci/gitlab-ci.yml');

    it('the GitHub Actions workflow validates (@action-validator/cli), and a broken copy does not', () => {
      const validator = join(root, 'node_modules/.bin/action-validator');
      expect(spawnSync(validator, [github], { encoding: 'utf8' }).status).toBe(0);
      const broken = join(work, 'broken.yml');
      writeFileSync(broken, readFileSync(github, 'utf8').replace('runs-on:', 'runs_on:'));
      expect(spawnSync(validator, [broken], { encoding: 'utf8' }).status).toBe(1);
    });

    it('schedules the run, takes the client id and secret from secrets and uploads the reports', () => {
      const workflow = parse(readFileSync(github, 'utf8'));
      expect(workflow.on.schedule).toHaveLength(1);
      const job = workflow.jobs.contract;
      expect(job.env.KORE_CLIENT_ID).toBe('${{ secrets.KORE_CLIENT_ID }}');
      expect(job.env.KORE_CLIENT_SECRET).toBe('${{ secrets.KORE_CLIENT_SECRET }}');
      expect(job.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@'))?.with.path).toBe('reports/');
      expect(parse(readFileSync(gitlab, 'utf8'))['kore-contract'].artifacts.reports.junit).toBe('reports/contract-live.xml');
    });

    const githubCommands = (): string[] =>
      parse(readFileSync(github, 'utf8')).jobs.contract.steps.flatMap((s: { run?: string }) => (s.run ? [s.run] : []));
    const gitlabCommands = (): string[] => parse(readFileSync(gitlab, 'utf8'))['kore-contract'].script;

    it('both recipes run the very same command lines, so the one run below proves both', () => {
      expect(githubCommands().length).toBeGreaterThan(0);
      expect(gitlabCommands()).toEqual(githubCommands());
    });

    it('those command lines pass against the sandbox, with the JUnit report and the step summary written', () => {
      // Our packages from the tarballs in ci/, as the recipes say; their third-party dependencies from the registry.
      const dir = mkdtempSync(join(work, 'job-'));
      mkdirSync(join(dir, 'ci'));
      for (const f of readdirSync(join(app, 'ci'))) copyFileSync(join(app, 'ci', f), join(dir, 'ci', f));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ci-job', private: true }));
      const summary = join(dir, 'step-summary.md');
      for (const command of githubCommands()) {
        const r = spawnSync('bash', ['-eo', 'pipefail', '-c', command], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...env, ...healthy, ...unpaced, GITHUB_STEP_SUMMARY: summary, npm_config_offline: 'false' },
          timeout: 240_000,
        });
        expect(r.status, `${command}\n${r.stdout}${r.stderr}`).toBe(0);
      }
      expect(readFileSync(join(dir, 'reports/contract-live.xml'), 'utf8')).toMatch(/<testsuite/);
      expect(readFileSync(summary, 'utf8')).toMatch(/keeps the contract/);
    }, 300_000);
  });
});
