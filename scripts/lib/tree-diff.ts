import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}

/** The files that differ between two trees: changed, missing from `actual`, or extra in `actual`. */
export function diffTrees(expected: string, actual: string): { changed: string[]; missing: string[]; extra: string[] } {
  const want = new Set(listFiles(expected));
  const have = new Set(listFiles(actual));
  const changed = [...want].filter((f) => have.has(f) && !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f))));
  return {
    changed: changed.sort(),
    missing: [...want].filter((f) => !have.has(f)).sort(),
    extra: [...have].filter((f) => !want.has(f)).sort(),
  };
}
