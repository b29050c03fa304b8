/** vitest's globalSetup: one scratch folder per run, shared by its workers, so what many files need is made once. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runScratch: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'kore-test-run-'));
  project.provide('runScratch', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
