/**
 * The contract suite's command line (`npm run test:contract:live` is `--target live`; `--help` prints the usage).
 * Prints progress as checks finish and a summary per target, writes JUnit XML, JSON per target and
 * reports/contract-summary.md; exit 0 without breaking violations, 1 with one, 2 on a usage or configuration error.
 */
import './overlay-flag.js'; // first: the contract is loaded with the overlay it names
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { humanSummary } from './report/human.js';
import { writeReports } from './report/write.js';
import { isBreaking, warningCount } from './runner.js';
import { numericSettings, defaultLimits, runSettings } from './settings.js';
import { runTargets, targetNames, type TargetName } from './suite.js';
import { liveVariables, malformedLiveVariables, missingLiveVariables, neededLiveVariables } from './targets/live.js';
import { selectionFrom, tagHelp, type Selection } from './selection.js';
import { operationIds } from './spec.js';
import { redact } from './redact.js';

const help = `Contract suite: checks a server against generated/openapi.json.

usage: npm run test:contract:live -- [options]          (the live target, from the KORE_* variables)
       npx tsx contract-tests/cli.ts --target ${targetNames.join('|')} [--target …] [options]

options:
  --target NAME            ${targetNames.join(', ')} (repeatable or comma-separated; default mock,sandbox)
  --reports DIR            where reports go (default reports/)
  --drift NAME             start the sandbox with a drift mode (sandbox target only)
  --overlay FILE           judge against the contract with this OpenAPI Overlay applied (from npm run learn;
                           its observed rules are judged as documented); also CONTRACT_OVERLAY
  --strict                 warnings (differences from inferred rules) fail the run too; also CONTRACT_STRICT=1
  --operation ID           only this operation (repeatable or comma-separated; also CONTRACT_OPERATIONS):
                           ${operationIds.join(', ')}; the rest is reported as not selected
  --tag NAME               only the operations of this tag: ${tagHelp()}
  --read-only              create and change nothing: getCases, getTasks, and refusals that cannot write
                           (no token, a malformed body); checks that would write are reported as not run
  --seed N                 the property-based data's seed: the same N sends the same data (also CONTRACT_PBT_SEED)
${numericSettings.map((s) => `  --${`${s.flag} N`.padEnd(23)}${s.help} (${defaultLimits[s.key] === undefined ? '' : `default ${defaultLimits[s.key]}; `}also ${s.env})`).join('\n')}
  --help                   this text

live target variables: KORE_BASE_URL, KORE_STREAM_ID, and ${liveVariables.auth};
  the operations' fixtures, asked for only when a selected operation sends a valid body:
    KORE_CASE_ID, KORE_CASE_REF_ID, KORE_TASK_TEMPLATE_ID (createTask, updateTask), KORE_CASE_TEMPLATE_ID (createCase, updateCase);
  optional: ${liveVariables.optional.join(', ')}.
other variables: CONTRACT_PBT_RUNS (property-based cases, default 15).
replay:  kore-case-management-contract replay REPORT.json [--base-url URL]   (installed package; in a checkout:
         npx tsx contract-tests/bin.ts replay …) re-sends a report's failing requests.

exit status: 0 no breaking violation (warnings are listed, not failures, unless --strict)
             1 a breaking violation (or, with --strict, a warning)
             2 the suite could not run (bad option or variable, missing live variable)
reports: DIR/contract-<target>.xml (JUnit), DIR/contract-<target>.json, DIR/contract-summary.md`;

function usage(message: string): never {
  console.error(`${message}\n\n${help}`);
  process.exit(2);
}

let values: Record<string, string | boolean | string[] | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      target: { type: 'string', multiple: true },
      reports: { type: 'string', default: 'reports' },
      drift: { type: 'string' },
      overlay: { type: 'string' },
      strict: { type: 'boolean', default: false },
      operation: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      'read-only': { type: 'boolean', default: false },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...Object.fromEntries(numericSettings.map((s) => [s.flag, { type: 'string' as const }])),
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  console.log(help);
  process.exit(0);
}
const targets = ((values.target as string[] | undefined) ?? ['mock', 'sandbox']).flatMap((t) => t.split(',')).map((t) => t.trim()) as TargetName[];
const unknown = targets.filter((t) => !targetNames.includes(t));
if (unknown.length) usage(`unknown target ${unknown.join(', ')}`);
if (values.drift && !targets.includes('sandbox')) usage('--drift applies to the sandbox target only (add --target sandbox)');

// The reports' folder is made before the run: a run whose reports cannot be written would be lost at its end.
try {
  mkdirSync(values.reports as string, { recursive: true });
} catch (error) {
  usage(`--reports ${values.reports}: cannot be a folder for the reports (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}

let settings: ReturnType<typeof runSettings>;
try {
  settings = runSettings(values as Record<string, string | boolean | undefined>);
} catch (error) {
  usage((error as Error).message);
}

let selection: Selection;
try {
  selection = selectionFrom({
    operation: values.operation as string[] | undefined,
    tag: values.tag as string[] | undefined,
    readOnly: values['read-only'] === true,
  });
} catch (error) {
  usage((error as Error).message);
}

if (targets.includes('live')) {
  const missing = missingLiveVariables(process.env, selection);
  if (missing.length) {
    console.error(
      `live target: missing ${missing.join(', ')}.\nThis run (${selection.selected.join(', ')}${selection.readOnly ? ', read-only' : ''}) needs: ${neededLiveVariables(selection).join(', ')}, and ${liveVariables.auth}; optional: ${liveVariables.optional.join(', ')}.`,
    );
    process.exit(2);
  }
  const malformed = malformedLiveVariables();
  if (malformed.length) {
    console.error(`live target: ${malformed.join('; ')}.`);
    process.exit(2);
  }
}

try {
  const { pbt, strict, ...limits } = settings;
  const only = selection.selected.length < operationIds.length ? selection.selected : undefined;
  const reports = await runTargets(targets, {
    drift: values.drift as string | undefined,
    pbt,
    strict,
    limits,
    operations: only,
    readOnly: selection.readOnly,
    progress: (line) => console.error(line),
  });
  for (const r of reports) console.log(`\n${humanSummary(r)}`);
  const files = writeReports(values.reports as string, reports);
  console.log(`\nwrote ${files.join(', ')}`);
  const breaking = reports.filter(isBreaking).map((r) => r.target);
  const warnings = reports.reduce((n, r) => n + warningCount(r), 0);
  const warned = warnings ? `; ${warnings} warning(s)${strict ? '' : ' (listed above; --strict makes them fail)'}` : '';
  console.log(breaking.length ? `breaking violations on: ${breaking.join(', ')}${warned}` : `no breaking violation${warned}`);
  process.exitCode = breaking.length ? 1 : 0;
} catch (error) {
  console.error(`contract suite could not run: ${redact((error as Error).message)}`);
  process.exitCode = 2;
}
