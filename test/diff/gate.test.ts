/**
 * The verdict, the release lookup and `npm run diff` end to end (exit codes and the grouped changelog). A real
 * process for each exit the gate decides (0 pass, 1 breaking); the other runs of the script are in-process.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffDocuments, judge, latestRelease } from '../../contract-diff/index.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { scratchDir } from '../helpers/run-scratch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string, file: string) => join(ROOT, 'test/diff/fixtures', name, file);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

async function runDiff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/diff.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A head that differs from the fixture base by one breaking change, at the given version. */
function breakingHead(version: string): string {
  const doc = readJson(fixture('response-field-removed', 'head.json'));
  doc.info.version = version;
  const file = join(scratchDir('diff-'), 'head.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('judge', () => {
  const changes = diffDocuments(readJson(fixture('status-removed', 'base.json')), readJson(fixture('status-removed', 'head.json')));

  it('fails a breaking change within the same major version', () => {
    expect(judge(changes, '1.0.0', '1.4.0')).toMatchObject({ ok: false, majorRaised: false });
  });

  it('lets a breaking change through when the major version was raised', () => {
    expect(judge(changes, '1.9.3', '2.0.0')).toMatchObject({ ok: true, majorRaised: true });
  });

  it('passes non-breaking changes at any version', () => {
    const additive = diffDocuments(readJson(fixture('status-added', 'base.json')), readJson(fixture('status-added', 'head.json')));
    expect(judge(additive, '1.0.0', '1.0.0')).toMatchObject({ ok: true, breaking: [] });
  });

  it('refuses a version that is not major.minor.patch', () => {
    expect(() => judge(changes, 'v-next', '2.0.0')).toThrow(/not a semantic version/);
  });
});

describe('released contracts', () => {
  it('orders versions numerically', () => {
    expect(['1.10.0', '1.9.0', '2.0.0', '1.9.1'].sort(compareVersions)).toEqual(['1.9.0', '1.9.1', '1.10.0', '2.0.0']);
  });

  it('picks the highest released version', () => {
    const dir = scratchDir('releases-');
    for (const v of ['1.9.0', '1.10.0', 'notes']) {
      mkdirSync(join(dir, v));
      writeFileSync(join(dir, v, 'openapi.json'), '{}');
    }
    mkdirSync(join(dir, '3.0.0')); // no contract inside: not a release
    expect(latestRelease(dir)).toEqual({ version: '1.10.0', file: join(dir, '1.10.0', 'openapi.json') });
    expect(latestRelease(join(dir, 'missing'))).toBeUndefined();
  });

  it('keeps the current contract released: releases/<info.version>/openapi.json exists', () => {
    const version = readJson(join(ROOT, 'generated/openapi.json')).info.version;
    expect(latestRelease(join(ROOT, 'releases'))?.version).toBe(version);
  });
});

describe('npm run diff', () => {
  it('passes the current contract against the last release', async () => {
    const { code, stdout } = await runDiff();
    expect(stdout).toMatch(/^PASS: /m);
    expect(code).toBe(0);
  });

  it('prints breaking and non-breaking changes in their own groups and exits 1', async () => {
    const base = fixture('response-field-removed', 'base.json');
    const head = breakingHead('1.1.0');
    writeFileSync(head, JSON.stringify({ ...readJson(head), info: { ...readJson(head).info, description: 'Reworded.' } }));
    const { code, stdout } = await runDiff('--base', base, '--head', head);
    expect(code).toBe(1);
    const [breaking, nonBreaking] = stdout.split(/^Non-breaking/m);
    expect(breaking).toMatch(/Breaking \(1\):\n {2}- \[property-removed\] POST \/things\/\{streamId\}\/create › response 200 › owner/);
    expect(nonBreaking).toMatch(/\[description-changed\] info: description changed/);
    expect(stdout).toMatch(/^FAIL: 1 breaking change\(s\) without a major version bump \(1\.0\.0 → 1\.1\.0\)$/m);
  });

  it('exits 0 on the same change once the major version is raised', async () => {
    const { status, stdout } = await runInProcess('scripts/diff.ts', [
      '--base',
      fixture('response-field-removed', 'base.json'),
      '--head',
      breakingHead('2.0.0'),
    ]);
    expect(stdout).toMatch(/^PASS: breaking changes allowed: major version raised 1\.0\.0 → 2\.0\.0$/m);
    expect(status).toBe(0);
  });

  it('prints the verdict as JSON with --json', async () => {
    const { status, stdout } = await runInProcess('scripts/diff.ts', [
      '--json',
      '--base',
      fixture('status-removed', 'base.json'),
      '--head',
      fixture('status-removed', 'head.json'),
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, breaking: [{ kind: 'status-removed' }] });
    expect(status).toBe(1);
  });

  it('names a missing file and exits 2, with no stack trace', async () => {
    const { status, stderr } = await runInProcess('scripts/diff.ts', ['--base', 'nowhere.json']);
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('diff: nowhere.json does not exist');
  });
});
