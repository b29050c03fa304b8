/**
 * `npm run mock` (and `npm start`): the Prism mock of generated/openapi.json on 127.0.0.1:4010 (PORT, HOST overridable).
 * It validates every request: no `auth` header gets 401, an invalid body the contract's 400 with the error envelope.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUNDLE } from './lib/prism.js';
import { startMock } from './lib/mock-server.js';

const help = `The Prism mock of Kore.ai's Case Management API contract: the six operations (createCase, getCases, updateCase,
createTask, getTasks, updateTask), every request validated, answered with the contract's examples (it keeps nothing:
use \`npm run sandbox\` for behaviour).

usage: npm start [-- --help]           (the same as npm run mock)

variables: PORT (default 4010; 0 = any free port), HOST (default 127.0.0.1), MOCK_VERBOSE=1 (Prism's own log)
requests: no auth header gets 401; an invalid body a 400 naming each field; Prefer: code=429 (any documented status)
          or Prefer: example=NAME picks an answer
exit status: 0 stopped with Ctrl-C or SIGTERM; 1 Prism could not start; 2 bad option or variable`;

try {
  if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }).values.help) {
    console.log(help);
    process.exit(0);
  }
} catch (error) {
  console.error(`npm start: ${(error as Error).message}\n\n${help}`);
  process.exit(2);
}

const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}

// Signals are handled from the start: one arriving while Prism starts must not kill this process outright (no exit
// hook would run, and Prism would live on, orphaned). SIGTERM also comes from scripts/lib/exit-with-parent.ts when
// npm, which started this, is gone. Whatever close() meets, the process exits, and spawnServer's exit hook kills a
// Prism still running.
let mock: { close(): Promise<void> } | undefined;
const stop = () => void (mock?.close() ?? Promise.resolve()).catch(() => {}).finally(() => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);

try {
  let spec;
  try {
    spec = JSON.parse(readFileSync(BUNDLE, 'utf8'));
  } catch (error) {
    throw new Error(`${BUNDLE} cannot be read (run \`npm run generate\`): ${(error as Error).message}`);
  }
  const sample = spec.components.examples.CreateTaskSeedSample.value;
  const streamId = spec.components.schemas.StreamId.examples[0];
  const prism = await startMock({ port, host, log: (line) => process.env.MOCK_VERBOSE && console.log(line) });
  mock = prism;
  console.log(`Prism mock of ${BUNDLE} (Kore.ai's Case Management API, the six operations) listening on ${prism.url}

Try createTask (any non-empty auth value is accepted by the mock; the real platform wants an HS256 JWT):

curl -sS -X POST '${prism.url}/caseManagement/api/public/analytics/${streamId}/createTask' \\
  -H 'auth: any-jwt-for-the-mock' \\
  -H 'Content-Type: application/json' \\
  --data-raw '${JSON.stringify(sample)}'

Without the auth header: 401. With an invalid body (e.g. userInfo without _id, emailId or phoneNumber): 400.
The other five: POST …/${streamId}/{createCase | getCases | updateCase/{caseId} | getTasks | updateTask/{taskId}}
(getCases, updateCase, getTasks and updateTask also want the accountId header). Ctrl-C stops it.`);
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
