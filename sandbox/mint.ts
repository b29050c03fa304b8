/**
 * `npx tsx sandbox/mint.ts [--client-id ID] [--client-secret S] [--sub USER] [--expires SECONDS]`: a token for the
 * sandbox's dev app (or the one named), for the `auth` header. To stdout only (for `$(…)`), never to a log.
 */
import { parseArgs } from 'node:util';
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, SEED } from './tenant/seed.js';
import { mintToken } from './tenant/token.js';
import { MINT_COMMAND } from './handover.js';

function fail(message: string): never {
  console.error(`mint: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '3600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }));
} catch (err) {
  fail(`${(err as Error).message} (--help lists the options)`);
}
if (values.help) {
  console.log(`${MINT_COMMAND} [--client-id ID] [--client-secret S] [--sub USER] [--expires SECONDS]`);
  console.log('Prints an HS256 token for the sandbox app (default: SANDBOX_CLIENT_ID/SECRET, else the dev app), for the auth header.');
  process.exit(0);
}
const expiresInSeconds = Number(values.expires);
if (!Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0 || expiresInSeconds > 3600) {
  fail('--expires must be a whole number of seconds from 1 to 3600 (the sandbox refuses a token that lives longer than an hour)');
}
process.stdout.write(
  (await mintToken({
    clientId: values['client-id'] ?? process.env.SANDBOX_CLIENT_ID ?? DEV_CLIENT_ID,
    clientSecret: values['client-secret'] ?? process.env.SANDBOX_CLIENT_SECRET ?? DEV_CLIENT_SECRET,
    sub: values.sub ?? SEED.creatorUserId,
    expiresInSeconds,
  })) + '\n',
);
