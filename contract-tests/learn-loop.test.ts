/**
 * The loop, as a user runs it: the suite against a tenant that keeps the pages but differs where they are silent
 * (the sandbox's tenant-dialect mode: another 2xx, another error envelope, task ids in other characters, an extra field),
 * `npm run learn` on its report, then the suite again with the overlay: held to it with --strict, that tenant
 * passes; a tenant that went back to the contract's answers breaks what was observed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli-run.js';

let dir: string;
let learned: { stdout: string };
let overlay: string;
const suite = (...args: string[]) =>
  runCli(['--target', 'sandbox', '--operation', 'createTask', '--reports', join(dir, `r${Math.random()}`), ...args], { CONTRACT_PBT_RUNS: '5' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'learn-loop-'));
  const observedRun = await runCli(
    ['--target', 'sandbox', '--drift', 'tenant-dialect', '--operation', 'createTask', '--reports', join(dir, 'observed')],
    { CONTRACT_PBT_RUNS: '5' },
  );
  expect(observedRun.code, observedRun.output).toBe(0); // harmless: warnings only
  overlay = join(dir, 'tenant.overlay.yaml');
  learned = await promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    'contract-tests/learn/cli.ts',
    join(dir, 'observed', 'contract-sandbox_drift_tenant-dialect_.json'),
    '--out',
    overlay,
  ]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run, learn, apply', () => {
  it('learn proposes exactly the differences of that tenant, each with its evidence', () => {
    const lines = learned.stdout
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim());
    const expected = [
      /^status +createTask answered 201, which the contract does not list \(\d+ time\(s\)\), with the body of its 200$/,
      /^status +createTask: documented 200 never seen in \d+ successful answers \(it answered 201\)$/,
      /^error-body +createTask 4\d\d: error bodies unlike the contract's/,
      /^field-added +Task\.sandboxRevision: a field the contract lacks \(\d+ time\(s\), in every answer: proposed as required\)$/,
      /^id-shape +TaskId: ids shaped ti-alnum32 /,
    ];
    // every difference of the mode is proposed, and nothing else is (documented fields never seen are reports)
    for (const e of expected)
      expect(
        lines.some((l) => e.test(l)),
        `${e}\n${lines.join('\n')}`,
      ).toBe(true);
    expect(lines.filter((l) => !l.startsWith('field-never-seen') && !expected.some((e) => e.test(l)))).toEqual([]);
    const file = readFileSync(overlay, 'utf8');
    expect(file).toMatch(/^overlay: 1\.0\.0/);
    expect(file).toContain('x-provenance: observed');
    expect(file).toMatch(/x-observed:\n\s+count: \d+\n(\s+.*\n)*?\s+first: "?20\d\d-/);
  });

  let strict: CliRun;
  it('with the overlay, --strict passes against the tenant it was learned from', async () => {
    strict = await suite('--drift', 'tenant-dialect', '--overlay', overlay, '--strict');
    expect(strict.code, strict.output).toBe(0);
  }, 60_000);

  it("against the contract's own answers, the same overlay reports each observed rule as broken", async () => {
    const run = await suite('--overlay', overlay);
    expect(run.code, run.output).toBe(1);
    const failures = run.output.slice(run.output.indexOf('failures (breaking)'), run.output.indexOf('warnings ('));
    expect(failures).toMatch(
      /FAIL +status_code_conformance\n +createTask 200: answered \d+ time\(s\) with a status the tenant was observed never to use/,
    );
    expect(failures).toMatch(/FAIL +response_schema_conformance\n +createTask \/sandboxRevision: is required but missing/);
    expect(failures).toMatch(/error answers \/error: is required but missing \(createTask 400/);
  }, 60_000);

  it('the docs built with the overlay show the observed rules as observed', async () => {
    const page = join(dir, 'docs', 'index.html');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/docs.ts', '--output', page, '--overlay', overlay]);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('sandboxRevision');
    expect(html).toMatch(/\*\*Observed:\*\* the tenant showed it \d+ time\(s\)/);
  }, 60_000);

  it('an overlay that is not one, or evidence that is not evidence, is refused by name with no stack trace', async () => {
    const bad = await suite('--overlay', join(dir, 'observed', 'contract-summary.md'));
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(
      /contract suite could not run: .*contract-summary\.md: (cannot be read as an overlay|not an OpenAPI Overlay 1\.0 document)/,
    );
    expect(bad.output).not.toMatch(/\n\s+at /);
    const learnt = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'contract-tests/learn/cli.ts',
      overlay,
      '--out',
      join(dir, 'x.yaml'),
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(learnt).toMatchObject({ code: 2 });
    expect((learnt as { stderr: string }).stderr).toMatch(/tenant\.overlay\.yaml: (not a JSON file|neither a HAR file)/);
  }, 60_000);
});
