/**
 * One name per variable, listed once: every KORE_* variable the contract suite, the examples (CI recipes included),
 * the docs' samples or the sandbox's handover read or print is in the README's "Variables" table, and the table
 * names nothing they don't.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { tenantExtras } from '../../sandbox/handover.js';
import { exportLines } from '../../sandbox/print-env.js';
import { defaultTenant, seedInfoOf } from '../../sandbox/tenant/seed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const names = (text: string) => new Set(text.match(/\bKORE_[A-Z_]+[A-Z]\b/g) ?? []);

const table = (() => {
  const section = /^## Variables\n([\s\S]*?)(?=^#)/m.exec(read('README.md'))?.[1] ?? '';
  return names(
    section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split(' | ')[0])
      .join(' '),
  );
})();

const readers: Record<string, string> = {
  'contract-tests/targets/live.ts': read('contract-tests/targets/live.ts'),
  ...Object.fromEntries(
    readdirSync(join(root, 'examples'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(root.length), read(join(e.parentPath, e.name).slice(root.length))]),
  ),
  ...Object.fromEntries(
    readdirSync(join(root, 'docs/samples')).flatMap((op) =>
      readdirSync(join(root, 'docs/samples', op)).map((f) => [`docs/samples/${op}/${f}`, read(`docs/samples/${op}/${f}`)]),
    ),
  ),
  'the sandbox handover': exportLines('http://127.0.0.1:4020', seedInfoOf(defaultTenant()), tenantExtras(defaultTenant())),
};

it("the README's table lists every KORE_* variable read or printed, and only those", () => {
  expect(table.size).toBeGreaterThanOrEqual(10);
  const used = new Set<string>();
  for (const [file, text] of Object.entries(readers)) {
    for (const name of names(text)) {
      used.add(name);
      expect(table, `${file} uses ${name}`).toContain(name);
    }
  }
  expect([...table].filter((name) => !used.has(name))).toEqual([]);
});

it('the examples and the suite spell the token subject the same way', () => {
  expect(names(readers['contract-tests/targets/live.ts']!)).toContain('KORE_JWT_SUB');
  for (const file of Object.keys(readers).filter((f) => f.startsWith('examples/'))) expect(readers[file]).not.toMatch(/KORE_JWT_SUBJECT/);
});
