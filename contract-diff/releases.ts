/** Released contracts live in releases/<version>/openapi.json; the gate compares with the highest version. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions, parseVersion } from './gate.js';

function releasedVersions(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'openapi.json')))
    .map((e) => e.name)
    .filter((name) => {
      try {
        parseVersion(name);
        return true;
      } catch {
        return false;
      }
    })
    .sort(compareVersions);
}

export function latestRelease(dir: string): { version: string; file: string } | undefined {
  const version = releasedVersions(dir).at(-1);
  return version ? { version, file: join(dir, version, 'openapi.json') } : undefined;
}
