/**
 * `npm run deps` (CI runs it) refuses an import cycle, type-only imports counted: the project's dependency-cruiser
 * rules run on two scratch modules, with and without a cycle between them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.tmp'), { recursive: true });
const work = mkdtempSync(join(root, '.tmp', 'cycles-')); // inside the checkout: the config's tsconfig applies
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the modules into a folder of their own and runs the project's rules on it: exit code and output. */
async function cruise(name: string, modules: Record<string, string>): Promise<{ code: number; output: string }> {
  const dir = join(work, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(modules)) writeFileSync(join(dir, file), text);
  const args = [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), relative(root, dir), '--config', '.dependency-cruiser.cjs'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, encoding: 'utf8' });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the cycle check', () => {
  it('passes modules that import one way', async () => {
    const run = await cruise('one-way', {
      'a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'b.ts': 'export const b = 1;\n',
    });
    expect(run.code, run.output).toBe(0);
  }, 60_000);

  it('fails a cycle made of a type import, naming both modules', async () => {
    const run = await cruise('type-cycle', {
      'a.ts': "import { b } from './b.js';\nexport type A = { b: typeof b };\n",
      'b.ts': "import type { A } from './a.js';\nexport const b = 1;\nexport const none: A | undefined = undefined;\n",
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/no-circular/);
    expect(run.output).toMatch(/type-cycle\/a\.ts[\s\S]*type-cycle\/b\.ts|type-cycle\/b\.ts[\s\S]*type-cycle\/a\.ts/);
  }, 60_000);
});
