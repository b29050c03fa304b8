/**
 * Installing packed packages without the registry: the tarballs of their run-time dependencies are packed from
 * this project's node_modules and installed beside them `--offline`, with a throwaway npm cache.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** npm's environment for a test: no colour, no update notice, the given (empty) cache. */
export const npmEnv = (cache: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
  npm_config_cache: cache,
});

/** Folders of the packages that `dir`'s dependencies resolve to, and theirs, looked up the way Node finds them. */
function dependencyFolders(dir: string, found = new Map<string, string>()): Map<string, string> {
  for (const name of Object.keys(readJson(join(dir, 'package.json')).dependencies ?? {})) {
    let from = dir;
    while (!existsSync(join(from, 'node_modules', name)) && from !== root) from = dirname(from);
    const folder = join(from, 'node_modules', name);
    const { version } = readJson(join(folder, 'package.json'));
    const seen = found.get(name);
    if (seen && readJson(join(seen, 'package.json')).version !== version) throw new Error(`two versions of ${name} needed: ${seen}, ${folder}`);
    if (seen) continue;
    found.set(name, folder);
    dependencyFolders(folder, found);
  }
  return found;
}

/** Tarballs (paths in `into`) of the run-time dependencies of the package in `dir`, packed without their scripts. */
function dependencyTarballs(dir: string, into: string, env: NodeJS.ProcessEnv): string[] {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', into, ...dependencyFolders(dir).values()], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return JSON.parse(out).map((p: { filename: string }) => join(into, p.filename));
}

/** The three workspace packages, as `npm pack` names them. */
export const PACKAGES = ['kore-case-management', 'kore-case-management-contract', 'kore-case-management-sandbox'] as const;

export interface Packed {
  /** What `npm pack -w … --json` printed on stdout for the three packages. */
  output: string;
  /** When that `npm pack` started (ms since the epoch): the prepack builds it ran are newer. */
  started: number;
  /** Each package's tarball, by name. */
  tarballs: Record<(typeof PACKAGES)[number], string>;
  /** Tarballs of the SDK's run-time dependencies and theirs, for an `--offline` install beside it. */
  dependencies: string[];
}

async function pack(dir: string): Promise<Packed> {
  const env = { ...npmEnv(join(dir, 'npm-cache')), npm_config_offline: 'true' };
  const started = Date.now();
  const args = ['pack', ...PACKAGES.flatMap((p) => ['-w', p]), '--json', '--pack-destination', dir];
  const { stdout } = await promisify(execFile)('npm', args, { cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const entries: { name: string; filename: string }[] = JSON.parse(stdout);
  const tarballs = Object.fromEntries(entries.map((p) => [p.name, join(dir, p.filename)])) as Packed['tarballs'];
  return { output: stdout, started, tarballs, dependencies: dependencyTarballs(join(root, 'src'), dir, env) };
}

/** True for the one caller that creates `dir` (mkdir is atomic), false for the others. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readWhenWritten(file: string, timeoutMs: number): Promise<Packed> {
  for (const deadline = Date.now() + timeoutMs; !existsSync(file);) {
    if (Date.now() > deadline) throw new Error(`${file} was not written within ${timeoutMs} ms: the run packing the packages stopped`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const result = readJson(file);
  if (result.error) throw new Error(`packing the packages failed: ${result.error}`);
  return result;
}

/**
 * The three packages packed once per test run (`npm pack -w …`, each running its own prepack build), for every
 * file that installs or inspects them. The first caller packs into the run's scratch folder (test/helpers/run-scratch.ts);
 * the others, in any worker, wait for its result. Each caller installs into folders of its own.
 */
export async function packedPackages(): Promise<Packed> {
  const dir = join(inject('runScratch') ?? mkdtempSync(join(tmpdir(), 'kore-packed-')), 'packed');
  const result = join(dir, 'packed.json');
  if (claim(dir)) {
    const written = await pack(dir).then(
      (p): Packed | { error: string } => p,
      (error: unknown) => ({ error: String(error) }),
    );
    writeFileSync(`${result}.partial`, JSON.stringify(written));
    renameSync(`${result}.partial`, result);
  }
  return readWhenWritten(result, 300_000);
}
