/**
 * `npm run generate`: regenerates generated/ from openapi/.
 * `npm run generate:check`: regenerates into a temporary folder and fails, naming the files, if generated/ differs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAll } from './lib/pipeline.js';
import { diffTrees } from './lib/tree-diff.js';

const GENERATED = 'generated';
const check = process.argv.includes('--check');
const started = performance.now();

try {
  if (check) {
    const fresh = mkdtempSync(join(tmpdir(), 'generated-'));
    try {
      await generateAll(fresh);
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
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  } else {
    rmSync(GENERATED, { recursive: true, force: true });
    const written = await generateAll(GENERATED);
    for (const path of written) console.log(`wrote ${path}`);
    console.log(`generated in ${Math.round(performance.now() - started)} ms`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
