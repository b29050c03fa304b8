/**
 * The contract suite's command line:
 *   tsx contract-tests/cli.ts --target mock|sandbox|live [--target …] [--reports DIR] [--drift NAME]
 * (`npm run test:contract:live` is `--target live`). Prints a summary per target, writes JUnit XML per target and
 * reports/contract-summary.md, exits 1 on any breaking violation and 2 on a usage or configuration error.
 */
import { parseArgs } from 'node:util';
import { pbtSettingsFromEnv } from './context.js';
import { humanSummary } from './report/human.js';
import { writeReports } from './report/write.js';
import { isBreaking } from './runner.js';
import { runTargets, targetNames, type TargetName } from './suite.js';
import { liveVariables, malformedLiveVariables, missingLiveVariables } from './targets/live.js';
import { redact } from './redact.js';

function usage(message: string): never {
  console.error(`${message}\nusage: tsx contract-tests/cli.ts --target ${targetNames.join('|')} [--target …] [--reports DIR] [--drift NAME]`);
  process.exit(2);
}

let values: { target?: string[]; reports?: string; drift?: string };
try {
  ({ values } = parseArgs({ options: { target: { type: 'string', multiple: true }, reports: { type: 'string', default: 'reports' }, drift: { type: 'string' } } }));
} catch (error) {
  usage((error as Error).message);
}
const targets = (values.target ?? ['mock', 'sandbox']).flatMap((t) => t.split(',')).map((t) => t.trim()) as TargetName[];
const unknown = targets.filter((t) => !targetNames.includes(t));
if (unknown.length) usage(`unknown target ${unknown.join(', ')}`);
if (values.drift && !targets.includes('sandbox')) usage('--drift applies to the sandbox target only (add --target sandbox)');

if (targets.includes('live')) {
  const missing = missingLiveVariables();
  if (missing.length) {
    console.error(`live target: missing ${missing.join(', ')}.\nRequired: ${liveVariables.required.join(', ')}, and ${liveVariables.auth}; optional: ${liveVariables.optional.join(', ')}.`);
    process.exit(2);
  }
  const malformed = malformedLiveVariables();
  if (malformed.length) {
    console.error(`live target: ${malformed.join('; ')}.`);
    process.exit(2);
  }
}

try {
  const pbt = pbtSettingsFromEnv();
  const reports = await runTargets(targets, { drift: values.drift, pbt });
  for (const r of reports) console.log(`\n${humanSummary(r)}`);
  const files = writeReports(values.reports!, reports);
  console.log(`\nwrote ${files.join(', ')}`);
  const breaking = reports.filter(isBreaking).map((r) => r.target);
  console.log(breaking.length ? `breaking violations on: ${breaking.join(', ')}` : 'no breaking violation');
  process.exitCode = breaking.length ? 1 : 0;
} catch (error) {
  console.error(`contract suite could not run: ${redact((error as Error).message)}`);
  process.exitCode = 2;
}
