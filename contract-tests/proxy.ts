/**
 * `npm run proxy`: Prism's validating proxy in front of KORE_BASE_URL on 127.0.0.1:4030 (PORT, HOST overridable).
 * Point your application at it: every request and response is checked against generated/openapi.json and the
 * problems are listed in the `sl-violations` response header (and Prism's log). `-- --errors` turns violations
 * into errors instead: an invalid request gets 422 and is not forwarded, an invalid response becomes a 500.
 */
import { parseArgs } from 'node:util';
import { startPrism, BUNDLE } from '../scripts/lib/prism.js';
import { startHarRecorder } from './har-recorder.js';
import { isHttpUrl } from './targets/live.js';

const help = `Prism's validating proxy in front of your server: every answer lists its contract violations in the
sl-violations header.

usage: KORE_BASE_URL=https://platform.kore.ai npm run proxy -- [--errors] [--verbose] [--record FILE.har]

options:
  --errors    violations are errors: an invalid request gets 422 and is not forwarded, an invalid answer becomes a 500
  --verbose   print all of Prism's log, not only the violations
  --record FILE.har  write every exchange to a HAR file as it ends (the auth header never; echoed tokens
              redacted), for \`npm run learn\`
  --help      this text

variables: KORE_BASE_URL (required: the server to forward to), PORT (default 4030), HOST (default 127.0.0.1)
exit status: 0 stopped with Ctrl-C or SIGTERM; 1 Prism could not start; 2 bad option or variable`;

function fail(message: string): never {
  console.error(`npm run proxy: ${message}\n\n${help}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      errors: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      record: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(help);
  process.exit(0);
}
const upstream = process.env.KORE_BASE_URL;
if (!upstream) fail('set KORE_BASE_URL to the server to put the proxy in front of (e.g. http://127.0.0.1:4020 for `npm run sandbox`)');
if (!isHttpUrl(upstream)) fail('KORE_BASE_URL must be an http(s) URL, e.g. http://127.0.0.1:4020');
const port = Number(process.env.PORT ?? 4030);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const prism = await startPrism({
    mode: 'proxy',
    upstream,
    // Recording: Prism listens on a free port behind the recording front, which takes the asked one.
    port: values.record ? 0 : port,
    host: process.env.HOST ?? '127.0.0.1',
    errors: values.errors,
    // Prism logs each violation; without --verbose only those lines are shown.
    log: (line) => (values.verbose || /violation|error|warn/i.test(line)) && console.log(line),
  });
  const front = values.record
    ? await startHarRecorder({ upstream: prism.url, recordedOrigin: upstream, file: values.record, port, host: process.env.HOST ?? '127.0.0.1' })
    : undefined;
  console.log(`Prism proxy of ${BUNDLE} listening on ${front?.url ?? prism.url}, forwarding to ${new URL(upstream).origin}
Every answer carries the contract violations it found in the sl-violations header${values.errors ? '; violations are errors (422 / 500)' : ''}.
${front ? `Every exchange is recorded to ${values.record} (HAR; the auth header is never written).\n` : ''}Ctrl-C stops it.`);
  const stop = () =>
    void Promise.all([prism.close(), new Promise((resolve) => (front ? front.server.close(resolve) : resolve(undefined)))]).then(() =>
      process.exit(0),
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
