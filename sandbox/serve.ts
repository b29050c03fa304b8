/** `npm run sandbox [-- flags]`: the reference sandbox on 127.0.0.1:4020. Flags: sandbox/cli-options.ts (`--help`). */
import { parseArgs } from 'node:util';
import { answerShapes, defaultAnswerShape, type AnswerShape } from './operations/answer-shapes.js';
import { cliOptions, usage } from './cli-options.js';
import { corsOriginProblem, type CorsOrigins } from './http/cors.js';
import { formatDriftList } from './drift/drift.js';
import { curlLines, mintLine, secretNote, tenantExtras } from './handover.js';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, defaultTenant } from './tenant/seed.js';
import { exportLines } from './print-env.js';
import { startSandbox } from './server.js';
import { loadTenantData } from './tenant/tenant.js';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: cliOptions,
    strict: true,
  }).values;
} catch (err) {
  fail(`${(err as Error).message} (--help lists the flags)`);
}

if (args.help) {
  console.log(usage());
  process.exit(0);
}
if (args.drift === 'list') {
  console.log(formatDriftList());
  process.exit(0);
}

const integer = (name: string, text: string | undefined, fallback: number, max?: number): number => {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  const range = max === undefined ? 'a non-negative integer' : `an integer from 0 to ${max}`;
  if (!Number.isInteger(n) || n < 0 || n > (max ?? Infinity)) fail(`${name} must be ${range} (got ${text})`);
  return n;
};

// A tenant file names its own apps: flags given beside it would be ignored, so they are refused. (The environment
// variables are also what sandbox/mint.ts signs with, so with --data they are left for it.)
if (args.data && (args['client-id'] || args['client-secret']))
  fail('--client-id/--client-secret cannot be combined with --data: the file names its apps');
const clientId = args['client-id'] ?? process.env.SANDBOX_CLIENT_ID ?? DEV_CLIENT_ID;
const clientSecret = args['client-secret'] ?? process.env.SANDBOX_CLIENT_SECRET ?? DEV_CLIENT_SECRET;
let data;
try {
  data = args.data ? loadTenantData(args.data) : defaultTenant(clientId, clientSecret);
} catch (err) {
  fail((err as Error).message);
}

const corsOrigins = args['cors-origin'] ?? [];
if (args['no-cors'] && corsOrigins.length > 0) fail('--no-cors cannot be combined with --cors-origin');
for (const origin of corsOrigins) {
  const problem = corsOriginProblem(origin);
  if (problem) fail(`--cors-origin ${problem}`);
}
const cors: CorsOrigins = args['no-cors'] ? false : corsOrigins.includes('*') ? '*' : corsOrigins.length > 0 ? corsOrigins : 'local';

function answersOf(text: string | undefined): AnswerShape | undefined {
  if (text === undefined || text === '') return undefined;
  if (!(answerShapes as readonly string[]).includes(text)) fail(`--answers must be ${answerShapes.join(' or ')} (got ${text})`);
  return text as AnswerShape;
}
const answers = answersOf(args.answers ?? process.env.SANDBOX_ANSWERS);

const quiet = args.quiet;
const printEnv = args['print-env'];
let sandbox;
try {
  sandbox = await startSandbox({
    port: integer('--port', args.port ?? process.env.PORT, 4020, 65535),
    host: args.host ?? process.env.HOST ?? '127.0.0.1',
    data,
    db: args.db,
    rateLimitPerMinute: integer('--rate-limit', args['rate-limit'] ?? process.env.SANDBOX_RATE_LIMIT, 0),
    faults: args.faults,
    drift: args.drift,
    answers,
    cors,
    log: (line) => (printEnv ? console.error(line) : console.log(line)), // stdout holds only the export lines
    logRequests: !quiet,
  });
} catch (err) {
  fail((err as Error).message);
}

// SIGTERM/SIGINT: stop accepting, finish what is in flight, then exit. Set before the banner, which is
// what callers wait for.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    sandbox.close().then(() => process.exit(0));
  });
}

const { url, seed } = sandbox;
if (printEnv) {
  console.log(exportLines(url, seed, tenantExtras(data)));
} else {
  const base = `${url}/caseManagement/api/public/analytics/${seed.streamId}`;
  const options = `drift=${args.drift ?? 'none'} answers=${answers ?? defaultAnswerShape} faults=${args.faults ? 'on' : 'off'} db=${args.db ?? 'memory'} rate-limit=${args['rate-limit'] ?? process.env.SANDBOX_RATE_LIMIT ?? 'off'} cors=${cors === false ? 'off' : cors === 'local' ? 'local origins' : [cors].flat().join(',')}`;
  console.log(`
Reference sandbox: ${url}   (Kore.ai's Case Management API, the six operations)
  operations  POST ${base}/{createCase | getCases | updateCase/{caseId} | createTask | getTasks | updateTask/{taskId}}
  options     ${options}
  accountId   the accountId header: required by getCases, updateCase, getTasks and updateTask

Paste these: the contract suite, the examples and your tests take them as they are (--print-env prints them alone):
${exportLines(url, seed, tenantExtras(data), 'dev-only')}
${secretNote(data)}

A token (HS256, claims sub + appId, one hour; sent as the 'auth' header, no Bearer):
${mintLine(data)}

The six operations, in the order of a chain:
${curlLines().join('\n')}
`);
}
