/** `npm run postman -- --sandbox-port N --mock-port N`: the environments point at the ports the servers run on. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'postman-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const baseUrlIn = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).values.find((v: { key: string }) => v.key == 'baseUrl').value;

describe('npm run postman', () => {
  it('writes the sandbox and mock environments for the ports given', async () => {
    const run = await runInProcess('scripts/postman.ts', ['--out-dir', dir, '--sandbox-port', '4021', '--mock-port', '4011']);
    expect(run.status, run.stderr).toBe(0);
    expect(baseUrlIn('sandbox.postman_environment.json')).toBe('http://127.0.0.1:4021');
    expect(baseUrlIn('mock.postman_environment.json')).toBe('http://127.0.0.1:4011');
  }, 30_000);

  it('refuses a port that is not one, naming the flag', async () => {
    const run = await runInProcess('scripts/postman.ts', ['--out-dir', dir, '--sandbox-port', '80a']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('postman: --sandbox-port must be a port from 1 to 65535, got "80a"\n');
  });
});
