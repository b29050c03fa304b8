/**
 * Runs the suite's command line in a process of its own, with KORE_* taken only from `env`. The program is
 * contract-tests/cli.ts bundled by esbuild once per test run, as the installed package's bin is, so no spawn pays for
 * tsx transforming the sources; `npm run test:contract:live`, tsx and all, has its own test in live.test.ts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { inject } from 'vitest';
import { nodeProgram } from '../scripts/build-packages.js';
import { runFileInRepo } from '../test/helpers/run-scratch.js';

export interface CliRun {
  code: number | null;
  output: string;
  ms: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
/** Run without this repository's vitest config (no run scratch): the bundle goes by this process's id. */
const outsideRun = `pid-${process.pid}`;

/**
 * The run's bundle, built by the first caller in any worker. It sits in .tmp/, one folder below the root as cli.ts
 * does, so the contract's path (../generated/openapi.json) resolves alike.
 */
function suiteCliBundle(): string {
  const file = runFileInRepo(inject('runScratch') ?? outsideRun, 'suite-cli.mjs');
  if (existsSync(file)) return file;
  const partial = `${file}.${randomUUID()}.partial`;
  buildSync({ ...nodeProgram, entryPoints: [join(root, 'contract-tests/cli.ts')], outfile: partial });
  renameSync(partial, file); // atomic: another worker sees the whole bundle or none
  return file;
}

/** This process's environment without the developer's own KORE_* and CONTRACT_* variables, and with `env`. */
export function suiteEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KORE_') && !k.startsWith('CONTRACT_')));
  return { ...clean, ...env };
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const program = suiteCliBundle();
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [program, ...args], { cwd: root, env: suiteEnv(env) });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}
