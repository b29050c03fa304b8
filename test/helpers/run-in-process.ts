import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs a CLI script of the repository (path from the root) that returns without serving in this process with
 * `args`: what it prints through console is its stdout/stderr, process.exit is stubbed and stops it (the first exit
 * is its status; else process.exitCode, as node would exit), and anything else it throws is a stack trace a user
 * would see, so it fails the test. For the quick exits of a CLI, a fraction of a node + tsx start each; one real
 * process per distinct behaviour still proves the exit itself.
 */
export async function runInProcess(script: string, args: string[]): Promise<{ status: number | undefined; stdout: string; stderr: string }> {
  const exited = new Error('process.exit (stubbed by the test)');
  let status: number | undefined;
  const out: string[] = [];
  const err: string[] = [];
  const argv = process.argv;
  process.exitCode = undefined;
  process.argv = [process.execPath, script, ...args];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(`${line}\n`));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(`${line}\n`));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    status ??= Number(code ?? 0);
    throw exited;
  });
  try {
    vi.resetModules(); // a fresh run of the script's top level
    await import(/* @vite-ignore */ join(root, script)).catch((e) => {
      if (e !== exited) throw e;
    });
  } finally {
    process.argv = argv;
    vi.restoreAllMocks();
    status ??= Number(process.exitCode ?? 0);
    process.exitCode = undefined;
  }
  // a failing run's own catch may report the stubbed exit again: only the first stop is the script's
  return { status, stdout: out.join(''), stderr: err.filter((l) => !l.includes(exited.message)).join('') };
}
