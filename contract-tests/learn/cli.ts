/**
 * `npm run learn -- EVIDENCE… --out FILE`: reads suite reports and HAR files (the proxy's recordings are HAR),
 * compares what the tenant answered with the contract, and writes an OpenAPI Overlay of proposals to review.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { readEvidence, type Observation } from './evidence.js';
import { learn, overlayOf } from './learn.js';

const help = `Learns a tenant's contract from evidence: proposes an OpenAPI Overlay with one action per difference.

usage: npm run learn -- EVIDENCE... --out FILE [--absent-after N]          (in a checkout)
       kore-case-management-contract learn EVIDENCE... --out FILE         (the installed suite)

EVIDENCE        contract suite reports (reports/contract-<target>.json), HAR files exported from a browser or
                Postman, or recorded by \`npm run proxy -- --record FILE.har\`; only the six operations are read
--out FILE      where the overlay goes (.yaml/.yml: YAML, else JSON)
--absent-after N  a documented field never seen in N answers is reported (default 5)
--help          this text

Every proposal carries x-provenance: observed and x-observed (count, first and last seen, sources). The overlay
holds types, shapes, counts, codes and synthetic examples only: no token, email, phone number or free text.
Apply it with the suite's --overlay FILE (add --strict to hold the tenant to it).
exit status: 0 written; 2 bad option or unreadable evidence`;

function fail(message: string): never {
  console.error(`learn: ${message}\n\n${help}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, 'absent-after': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(help);
  process.exit(0);
}
if (positionals.length === 0) fail('name at least one evidence file');
if (!values.out) fail('--out FILE is required');
const absentAfter = Number(values['absent-after'] ?? 5);
if (!Number.isInteger(absentAfter) || absentAfter < 1) fail(`--absent-after must be a positive whole number, got "${values['absent-after']}"`);

let observations: Observation[];
try {
  observations = positionals.flatMap(readEvidence);
} catch (error) {
  fail((error as Error).message);
}
const proposals = learn(observations, { absentAfter });
const overlay = overlayOf(proposals, {
  title: 'Observed differences of a tenant',
  version: new Date().toISOString().slice(0, 10),
  sources: [...new Set(observations.map((o) => o.source))],
});
try {
  writeFileSync(values.out, /\.ya?ml$/i.test(values.out) ? stringify(overlay, { lineWidth: 0 }) : `${JSON.stringify(overlay, null, 2)}\n`);
} catch (error) {
  fail(`--out ${values.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}
console.log(`${observations.length} answer(s) of the six operations read from ${positionals.length} file(s); ${proposals.length} proposal(s):`);
for (const p of proposals) console.log(`  ${p.kind.padEnd(16)} ${p.summary}`);
console.log(`wrote ${values.out}: review each action, then commit it and run the suite with --overlay ${values.out}`);
