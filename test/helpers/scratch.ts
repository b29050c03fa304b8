import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A fresh folder in the run's scratch folder (run-scratch.ts): removed with the run, even after a failed test. */
export const scratchDir = (prefix: string): string => mkdtempSync(join(inject('runScratch'), prefix));
