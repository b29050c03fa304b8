/** `npm start -- --help` prints the mock's usage and starts nothing; an unknown flag is refused, exit 2. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

describe('npm start (scripts/mock.ts)', () => {
  it('--help prints the usage, naming the six operations, and exits 0 without starting Prism', async () => {
    const run = await runInProcess('scripts/mock.ts', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^The Prism mock of Kore\.ai's Case Management API contract/);
    for (const op of ['createCase', 'getCases', 'updateCase', 'createTask', 'getTasks', 'updateTask']) expect(run.stdout).toContain(op);
    expect(run.stdout).not.toContain('listening on');
  });

  it('refuses an unknown flag with the usage, exit 2', async () => {
    const run = await runInProcess('scripts/mock.ts', ['--port', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^npm start: Unknown option '--port'/);
  });
});
