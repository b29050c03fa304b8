// CONTRIBUTING.md's layout names every folder a newcomer meets: a folder added or renamed without it fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const contributing = readFileSync(new URL('CONTRIBUTING.md', root), 'utf8');
const layout = /## Layout\n+```\n([\s\S]*?)```/.exec(contributing)?.[1] ?? '';
// Folders tools write (.gitignore's plain entries, e.g. node_modules, dist/, contract-tests/generated/) are not the
// layout's. Read from the disk, not git: CI checks a copy of the files, without .git.
const ignored = readFileSync(new URL('.gitignore', root), 'utf8')
  .split('\n')
  .map((line) => line.trim().replace(/\/$/, ''))
  .filter((line) => line && !/[*#!]/.test(line));

/** The folders right under `parent` ('' for the top level), dot-folders and ignored ones left out. */
const foldersUnder = (parent: string) =>
  readdirSync(new URL(parent || '.', root), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .filter((name) => !ignored.includes(name) && !ignored.includes(parent + name))
    .sort();

describe('the layout in CONTRIBUTING.md', () => {
  it('is there', () => expect(layout.length).toBeGreaterThan(100));

  for (const parent of ['', 'src/', 'sandbox/', 'contract-tests/', 'scripts/']) {
    it(`names every folder ${parent ? `of ${parent}` : 'at the top'}`, () => {
      const missing = foldersUnder(parent).filter((name) => !new RegExp(`(^|[\\s/])${name}/`, 'm').test(layout));
      expect(missing).toEqual([]);
    });
  }
});
