/**
 * `npm run bench [-- NAME]`: runs each bench/*.bench.ts in turn (in parallel they would skew each other), prints the
 * tables and writes bench/results.json, keeping sections not run. Exits 1 when a target is missed.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import os from 'node:os';
import { printSection, type Bench, type BenchSection } from './harness.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const files = all.filter((f) => !filter || f.includes(filter));
if (files.length === 0) {
  console.error(`bench: no section matches "${filter}" (sections: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')})`);
  process.exit(2);
}

type Recorded = BenchSection & { bench: string; date: string };
const resultsFile = join(here, 'results.json');
const previous: Recorded[] = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')).sections ?? []) : [];

const sections: Recorded[] = [];
for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  const section = await bench();
  printSection(section);
  sections.push({ bench: file, date: new Date().toISOString(), ...section });
}

const missed = sections.flatMap((s) => s.targets.filter((t) => !t.ok));
const kept = previous.filter((p) => p.bench && !files.includes(p.bench) && existsSync(join(here, p.bench)));
writeFileSync(
  resultsFile,
  JSON.stringify(
    { node: process.version, cpus: os.cpus().length, sections: [...kept, ...sections].sort((a, b) => a.bench.localeCompare(b.bench)) },
    null,
    2,
  ) + '\n',
);
// Every target of this run in one table, as the issue asks them to be judged: figure, PASS or by how much it misses.
console.log('\n## Targets\n');
console.table(sections.flatMap((s) => s.targets.map((t) => ({ target: t.name, measured: t.measured, verdict: t.verdict }))));
console.log(`\n${sections.length} benchmark sections, ${missed.length} targets missed; wrote bench/results.json`);
process.exitCode = missed.length > 0 ? 1 : 0;
