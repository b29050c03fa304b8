/**
 * The package as users get it: `npm run build`, `npm pack`, the tarball installed offline into an empty folder,
 * then used from `import`, from `require`, and from strict TypeScript (ESM and CommonJS views).
 * publint and @arethetypeswrong/cli must report no problem with the same tarball.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSdk } from '../../scripts/build-sdk.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('./package-fixture', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
let work: string;
let app: string;
let tarball: string;

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kore-sdk-pack-'));
  await buildSdk();
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  tarball = join(work, packed[0].filename);
  app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(app, f.replace(/\.fixture$/, '')));
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed SDK', () => {
  it('ships only dist/, the manifest and the readme', () => {
    const listing = JSON.parse(run('npm', ['pack', '--dry-run', '--json'], root))[0].files.map((f: { path: string }) => f.path);
    expect(listing.filter((p: string) => !p.startsWith('dist/')).sort()).toEqual(
      ['README.md', 'package.json'].filter((p) => listing.includes(p)).sort(),
    );
    expect(listing).toContain('dist/index.js');
    expect(listing).toContain('dist/index.cjs');
    expect(listing).toContain('dist/index.d.ts');
    expect(listing).toContain('dist/index.d.cts');
  });

  it('depends at run time on openapi-fetch and jose only', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/kore-create-task/package.json'), 'utf8'));
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
  });

  it('publint reports no problems', () => {
    const out = run(bin('publint'), [join(app, 'node_modules/kore-create-task'), '--strict'], root);
    expect(out).toMatch(/All good!/);
  });

  it('@arethetypeswrong/cli reports no problems', () => {
    const out = JSON.parse(run(bin('attw'), [tarball, '--format', 'json'], root));
    expect(out.analysis.problems).toEqual([]);
  });
});
