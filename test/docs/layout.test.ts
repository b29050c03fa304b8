// CONTRIBUTING.md's layout names every folder a newcomer meets: a folder added or renamed without it fails here.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const contributing = readFileSync(new URL('CONTRIBUTING.md', root), 'utf8');
const layout = /## Layout\n+```\n([\s\S]*?)```/.exec(contributing)?.[1] ?? '';
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** The tracked folders right under `parent` ('' for the top level), dot-folders left out. */
const foldersUnder = (parent: string) =>
  [
    ...new Set(
      tracked
        .filter((f) => f.startsWith(parent))
        .map((f) => f.slice(parent.length).split('/'))
        .filter((p) => p.length > 1)
        .map((p) => p[0]!),
    ),
  ]
    .filter((name) => !name.startsWith('.'))
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
