/** vitest's globalSetup: one scratch folder per run, shared by its workers, so what many files need is made once. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runScratch: string;
  }
}

const repoScratch = fileURLToPath(new URL('../../.tmp', import.meta.url));

/**
 * A file of the run that must sit inside the repository, one folder below its root as the sources do (a bundle
 * whose module-relative paths resolve as from contract-tests/, say): .tmp/<run>-<name>, removed with the run.
 */
export function runFileInRepo(runScratch: string, name: string): string {
  mkdirSync(repoScratch, { recursive: true });
  return join(repoScratch, `${basename(runScratch)}-${name}`);
}

/** A fresh folder in the run's scratch folder, for a test's files: removed with the run, even after a failed test. */
export const scratchDir = (prefix: string): string => mkdtempSync(join(inject('runScratch'), prefix));

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'kore-test-run-'));
  project.provide('runScratch', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    const ours = existsSync(repoScratch) ? readdirSync(repoScratch).filter((name) => name.startsWith(`${basename(dir)}-`)) : [];
    for (const name of ours) rmSync(join(repoScratch, name), { recursive: true, force: true });
  };
}
