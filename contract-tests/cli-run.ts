/** Runs the suite's command line as a user does (tsx contract-tests/cli.ts), with KORE_* taken only from `env`. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  output: string;
  ms: number;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KORE_') && !k.startsWith('CONTRACT_')));
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['contract-tests/cli.ts', ...args], { env: { ...clean, ...env } });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}
