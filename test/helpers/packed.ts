/**
 * Installing packed packages without the registry: the tarballs of their run-time dependencies are packed from
 * this project's node_modules and installed beside them `--offline`, with a throwaway npm cache.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** npm's environment for a test: no colour, no update notice, the given (empty) cache. */
export const npmEnv = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_cache: cache });

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
export function dependencyTarballs(dir: string, into: string, env: NodeJS.ProcessEnv): string[] {
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', into, ...dependencyFolders(dir).values()], { cwd: root, encoding: 'utf8', env });
  return JSON.parse(out).map((p: { filename: string }) => join(into, p.filename));
}
