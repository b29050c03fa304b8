/**
 * The SDK as users get it: its packed tarball (test/helpers/packed.ts; the prepack script builds src/dist/) installed
 * into an empty folder, `--offline`, then used from `import`, `require` and strict TypeScript (ESM and CommonJS
 * views); publint and @arethetypeswrong/cli report no problem with the same tarball.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmEnv as testNpmEnv, packedPackages, root } from '../helpers/packed.js';

const fixtures = fileURLToPath(new URL('./package-fixture', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
let work: string;
let app: string;
let tarball: string;
let packedFiles: string[];
let packStarted: number;
let packOutput: string;

let npmEnv: NodeJS.ProcessEnv;
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: npmEnv });
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const packJson = (out: string) => JSON.parse(out);
const sdkHome = join(root, 'src');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kore-sdk-pack-'));
  npmEnv = testNpmEnv(join(work, 'npm-cache')); // empty: nothing may come from a cache filled earlier
  const packed = await packedPackages();
  packStarted = packed.started;
  packOutput = packed.output;
  tarball = packed.tarballs['kore-case-management'];
  packedFiles = packJson(packOutput)
    .find((p: { name: string }) => p.name == 'kore-case-management')
    .files.map((f: { path: string }) => f.path);
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...packed.dependencies], app);
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(app, f.replace(/\.fixture$/, '')));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed SDK', () => {
  it('is built by npm pack itself (the prepack script), so a clean checkout packs a working package', () => {
    expect(statSync(join(sdkHome, 'dist/index.js')).mtimeMs).toBeGreaterThanOrEqual(packStarted - 1000); // mtime granularity
  });

  it('prints JSON only with --json: the build logs to stderr', () => {
    expect(() => JSON.parse(packOutput)).not.toThrow();
  });

  it("carries none of the repository's scripts: nothing runs at install", () => {
    const manifest = readJson(join(app, 'node_modules/kore-case-management/package.json'));
    expect(Object.keys(manifest.scripts ?? {})).toEqual(['prepack']);
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('ships only dist/, the manifest, the readme and the licence', () => {
    const listing = packedFiles;
    expect(listing.filter((p: string) => !p.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(listing).toContain('dist/index.js');
    expect(listing).toContain('dist/index.cjs');
    expect(listing).toContain('dist/index.d.ts');
    expect(listing).toContain('dist/index.d.cts');
  });

  it('depends at run time on openapi-fetch and jose only', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/kore-case-management/package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['jose', 'openapi-fetch']);
    expect(manifest.sideEffects).toBe(false);
  });

  it('works from import (ESM)', () => {
    const out = JSON.parse(run('node', ['esm.mjs'], app));
    expect(out).toEqual({ refId: 'TS000102', rateLimited: true, invalid: true, jwtParts: 3 });
  });

  it('works from require (CommonJS), minting with the ESM-only jose', () => {
    const out = JSON.parse(run('node', ['cjs.cjs'], app));
    expect(out).toEqual({ notFound: true, message: '404 no such case', jwtParts: 3 });
  });

  it('type-checks in a strict TypeScript project (NodeNext, ESM and CommonJS files)', () => {
    // throws with the compiler's output when there is any error, including an unused @ts-expect-error
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  }, 120_000); // a whole compiler run, on 2 cores shared with the rest of the suite

  it('publint reports no problems', () => {
    const out = run(bin('publint'), [join(app, 'node_modules/kore-case-management'), '--strict'], root);
    expect(out).toMatch(/All good!/);
  });

  it('@arethetypeswrong/cli reports no problems', () => {
    const out = JSON.parse(run(bin('attw'), [tarball, '--format', 'json'], root));
    expect(out.analysis.problems).toEqual([]);
  });
});
