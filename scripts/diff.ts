/**
 * npm run diff: the breaking-change gate. The bundled contract against the last release; exits 1 on a breaking
 * change unless the major version was raised (`--base`, `--head`, `--json`, `--release`: CONTRIBUTING.md).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareVersions, diffDocuments, formatChangelog, judge, latestRelease, parseVersion } from '../contract-diff/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RELEASES = join(ROOT, 'releases');
const CURRENT = join(ROOT, 'generated', 'openapi.json');

function readDoc(file: string) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${relative(process.cwd(), file) || file}: ${(error as Error).message}`);
  }
}

/** A document's info.version, checked: it names a folder under releases/ and decides the gate. */
function versionOf(doc: { info?: { version?: unknown } }, file: string): string {
  const version = doc.info?.version;
  if (typeof version !== 'string') return fail(`${relative(process.cwd(), file) || file} has no info.version`);
  try {
    parseVersion(version);
  } catch (error) {
    fail(`${relative(process.cwd(), file) || file}: info.version ${(error as Error).message}`);
  }
  return version;
}
const fail = (message: string): never => {
  console.error(`diff: ${message}`);
  process.exit(2);
};

function release(): void {
  const version = versionOf(readDoc(CURRENT), CURRENT);
  const latest = latestRelease(RELEASES);
  if (latest && compareVersions(version, latest.version) < 0) fail(`info.version ${version} is below the last release, ${latest.version}`);
  const target = join(RELEASES, version, 'openapi.json');
  if (existsSync(target)) {
    if (readFileSync(target, 'utf8') == readFileSync(CURRENT, 'utf8')) return console.log(`${version} is already released`);
    fail(`${relative(ROOT, target)} exists and differs: a release never changes, raise info.version instead`);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(CURRENT, target);
  console.log(`released ${version} as ${relative(ROOT, target)}`);
}

function gate(args: { base?: string; head?: string; json?: boolean }): void {
  const baseFile =
    args.base ??
    latestRelease(RELEASES)?.file ??
    fail('no released contract under releases/ (record one with: npm run diff -- --release), or pass --base FILE');
  const headFile = args.head ?? CURRENT;
  for (const file of [baseFile, headFile]) if (!existsSync(file)) fail(`${file} does not exist`);
  const base = readDoc(baseFile);
  const head = readDoc(headFile);
  const verdict = judge(diffDocuments(base, head), versionOf(base, baseFile), versionOf(head, headFile));
  const label = (file: string) => relative(process.cwd(), file) || file;
  console.log(args.json ? JSON.stringify(verdict, null, 2) : formatChangelog(verdict, label(baseFile), label(headFile)));
  process.exitCode = verdict.ok ? 0 : 1;
}

try {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, head: { type: 'string' }, json: { type: 'boolean' }, release: { type: 'boolean' } },
    strict: true,
  });
  if (values.release) release();
  else gate(values);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
