/** The sandbox CLI's flags: what parseArgs reads and what `--help` prints, from one table. */
import { MINT_COMMAND } from './handover.js';

export const cliOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  db: { type: 'string' },
  'rate-limit': { type: 'string' },
  faults: { type: 'boolean', default: false },
  drift: { type: 'string' },
  answers: { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'no-cors': { type: 'boolean', default: false },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'print-env': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

interface FlagHelp {
  value?: string; // what follows the flag, e.g. N
  env?: string;
  fallback: string; // the default, in words
  what: string;
}

const help: Record<keyof typeof cliOptions, FlagHelp> = {
  port: { value: 'N', env: 'PORT', fallback: '4020', what: 'port to listen on; 0 = any free port' },
  host: { value: 'H', env: 'HOST', fallback: '127.0.0.1', what: 'address to listen on' },
  data: { value: 'FILE', fallback: 'the seeded tenant', what: 'tenant JSON: streams, apps, users, cases, templates' },
  db: { value: 'FILE', fallback: 'in memory', what: 'keep tasks in SQLite; they survive a restart' },
  'rate-limit': {
    value: 'N',
    env: 'SANDBOX_RATE_LIMIT',
    fallback: '0 = off',
    what: 'requests per minute per account (the platform: 60); over it 429 + Retry-After',
  },
  faults: { fallback: 'off', what: 'honour the x-sandbox-fault header and /__sandbox/faults' },
  drift: { value: 'NAME', fallback: 'none', what: 'break the contract one named way; `--drift list` prints them' },
  answers: {
    value: 'SHAPE',
    env: 'SANDBOX_ANSWERS',
    fallback: 'current',
    what: "updateCase, updateTask and getTasks answer as the current pages' samples (abridged: current) or the older pages' (full)",
  },
  'cors-origin': {
    value: 'ORIGIN',
    fallback: 'http://localhost:*, http://127.0.0.1:*, http://[::1]:*',
    what: 'a browser origin allowed to call (repeatable; * for any)',
  },
  'no-cors': { fallback: 'off', what: 'send no CORS headers and answer no preflight' },
  'client-id': {
    value: 'ID',
    env: 'SANDBOX_CLIENT_ID',
    fallback: 'the dev app of sandbox/tenant/seed.ts',
    what: "the dev app's client id; not with --data",
  },
  'client-secret': {
    value: 'S',
    env: 'SANDBOX_CLIENT_SECRET',
    fallback: 'the dev app of sandbox/tenant/seed.ts',
    what: "the dev app's signing secret; not with --data",
  },
  quiet: { fallback: 'off', what: 'no per-request log lines' },
  'print-env': { fallback: 'off', what: 'print only `export KORE_…=` lines for the suite (logs go to stderr), then serve' },
  help: { fallback: '', what: 'print this and exit' },
};

export function usage(): string {
  const rows = Object.entries(help).map(([name, h]) => {
    const short = 'short' in cliOptions[name as keyof typeof cliOptions] ? '-h, ' : '';
    const flag = `${short}--${name}${h.value ? ` ${h.value}` : ''}`;
    const notes = [h.env && `env ${h.env}`, h.fallback && `default: ${h.fallback}`].filter(Boolean).join('; ');
    return `  ${flag.padEnd(24)}${h.what}${notes ? ` (${notes})` : ''}`;
  });
  return [
    'Usage: npm run sandbox -- [flags]      (or: npx tsx sandbox/cli.ts [flags])',
    '',
    "The reference sandbox of Kore.ai's Case Management API on http://127.0.0.1:4020: the six operations (createCase,",
    'getCases, updateCase, createTask, getTasks, updateTask) on one stateful tenant, seeded or from --data.',
    '',
    ...rows,
    '',
    `A token for the dev app: export KORE_JWT=$(${MINT_COMMAND})   (--help for its flags)`,
  ].join('\n');
}
