/**
 * `tsx contract-tests/stability.ts [N]`: runs the suite N times (default 10) against the mock, the sandbox and every
 * drift mode and says whether every run gave the same verdicts (status, fields, cases not run). Exit 1 if not.
 */
import { driftModes, driftRunOperations } from './drift.js';
import { runTarget, runTargets } from './suite.js';

const runs = Number(process.argv[2] ?? 10);
if (!Number.isInteger(runs) || runs < 2) {
  console.error(`stability: the number of runs must be an integer of at least 2 (got ${process.argv[2]})`);
  process.exit(2);
}
const distinct = new Set<string>();
for (let i = 1; i <= runs; i++) {
  const reports = await runTargets(['mock', 'sandbox']);
  for (const m of driftModes) reports.push(await runTarget('sandbox', { drift: m.name, operations: driftRunOperations(m) }));
  distinct.add(JSON.stringify(reports.map((r) => [r.target, r.verdicts.map((v) => [v.check, v.status, v.fields, v.notRun])])));
  console.log(`run ${i}/${runs}: ${reports.length} targets, ${distinct.size} distinct verdict set(s)`);
}
console.log(distinct.size === 1 ? `stable: ${runs} runs, identical verdicts` : `UNSTABLE: ${distinct.size} different verdict sets in ${runs} runs`);
process.exitCode = distinct.size === 1 ? 0 : 1;
