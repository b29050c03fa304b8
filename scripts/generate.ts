/**
 * `npm run generate`: regenerates generated/ from openapi/.
 * `npm run generate:check`: regenerates into a temporary folder and fails, naming the files, if generated/ differs.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAll } from './lib/pipeline.js';
import { diffTrees } from './lib/tree-diff.js';

const GENERATED = 'generated';
const started = performance.now();

try {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } }, strict: true });
  // Both modes generate into a fresh folder first: a failed step (no Java, a broken contract) leaves generated/ as it was.
  mkdirSync('.tmp', { recursive: true });
  const fresh = mkdtempSync(join('.tmp', 'generated-'));
  try {
    const written = await generateAll(fresh);
    if (values.check) {
      const { changed, missing, extra } = diffTrees(fresh, GENERATED);
      const problems = [
        ...changed.map((f) => `  changed: ${GENERATED}/${f}`),
        ...missing.map((f) => `  missing: ${GENERATED}/${f}`),
        ...extra.map((f) => `  not generated (stale): ${GENERATED}/${f}`),
      ];
      if (problems.length > 0) {
        console.error(`generated/ is out of step with openapi/ (run \`npm run generate\`):\n${problems.join('\n')}`);
        process.exitCode = 1;
      } else {
        console.log(`generated/ is up to date (${Math.round(performance.now() - started)} ms)`);
      }
    } else {
      rmSync(GENERATED, { recursive: true, force: true });
      renameSync(fresh, GENERATED); // same file system (.tmp/ is in the project): a rename, not a copy
      for (const path of written) console.log(`wrote ${join(GENERATED, relative(fresh, path))}${path.endsWith('/') ? '/' : ''}`);
      console.log(`generated in ${Math.round(performance.now() - started)} ms`);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} catch (error) {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
