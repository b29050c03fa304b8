/**
 * Runs the suite's command line as a user does (tsx contract-tests/cli.ts), with KORE_* taken only from `env`.
 * `node --import tsx` is the same program under the same loader, without the tsx binary's extra parent process
 * (a fifth of each spawn's CPU; the hostile and live tests spawn it 14 times).
 */
import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  output: string;
  ms: number;
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KORE_') && !k.startsWith('CONTRACT_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'contract-tests/cli.ts', ...args], { env: { ...clean, ...env } });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}
