/**
 * A run's settings, normalised once at the edge (flags win over variables, variables over defaults); a bad value
 * is refused naming the flag or variable. The defaults bound a run against a server that never answers: each
 * request gives up after 10 s, a target that leaves 3 requests in a row unanswered gets no more (the rest is
 * reported as not run), and the whole run stops at 4 minutes.
 */

/** Property-based runs: how many cases per property, from which seed. */
export interface PbtSettings {
  runs: number;
  seed: number;
}

/** Defaults keep `npm test` quick; CONTRACT_PBT_RUNS and CONTRACT_PBT_SEED override them. */
export function pbtSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PbtSettings {
  const runs = Number(env.CONTRACT_PBT_RUNS ?? 15);
  const seed = Number(env.CONTRACT_PBT_SEED ?? 20261129);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`CONTRACT_PBT_RUNS must be a positive integer, got "${env.CONTRACT_PBT_RUNS}"`);
  if (!Number.isInteger(seed)) throw new Error(`CONTRACT_PBT_SEED must be an integer, got "${env.CONTRACT_PBT_SEED}"`);
  return { runs, seed };
}

export interface Limits {
  /** Per request, headers and body included. */
  requestTimeoutMs: number;
  /** For the whole run of one target; what is left is reported as not run. */
  deadlineMs: number;
  /** Bodies are read up to this many bytes; the rest is recorded as "body over N bytes", never read. */
  maxBodyBytes: number;
  /** After this many requests in a row without an answer, the target is unresponsive: nothing more is sent. */
  unresponsiveAfter: number;
  /** At most this many requests per target run (a fifth kept for the cleanup); undefined: no budget. */
  requestBudget?: number;
  /** Requests are spaced to stay under this many a minute (all operations together); undefined: not paced. */
  ratePerMinute?: number;
  /** At most this many records created (cases and tasks); undefined: no cap. */
  maxCreates?: number;
  /** Nothing is created or changed (`--read-only`). */
  readOnly?: boolean;
}

export interface RunSettings extends Limits {
  pbt: PbtSettings;
  /** Warnings fail the run too (`--strict`, CONTRACT_STRICT=1). */
  strict: boolean;
}

export const defaultLimits: Limits = { requestTimeoutMs: 10_000, deadlineMs: 240_000, maxBodyBytes: 1_048_576, unresponsiveAfter: 3 };

/**
 * The live target's defaults: a tenant takes 60 requests a minute per account, every operation counted; the run
 * stays under it, paced, and its deadline grows to what the budget needs at that pace.
 */
const liveDefaults = { requestBudget: 300, ratePerMinute: 55 } as const;

/** Each numeric setting: its flag, its variable, and what it means (for --help). */
export const numericSettings = [
  { key: 'requestTimeoutMs', flag: 'request-timeout', env: 'CONTRACT_REQUEST_TIMEOUT_MS', help: 'per request, headers and body, in ms' },
  { key: 'deadlineMs', flag: 'deadline', env: 'CONTRACT_DEADLINE_MS', help: 'per target run, in ms; what is left is reported as not run' },
  {
    key: 'maxBodyBytes',
    flag: 'max-body-bytes',
    env: 'CONTRACT_MAX_BODY_BYTES',
    help: 'answers are read up to this size; the rest is "body over N bytes"',
  },
  {
    key: 'unresponsiveAfter',
    flag: 'unresponsive-after',
    env: 'CONTRACT_UNRESPONSIVE_AFTER',
    help: 'requests in a row without an answer before a target gets no more',
  },
  {
    key: 'requestBudget',
    flag: 'request-budget',
    env: 'CONTRACT_REQUEST_BUDGET',
    help: `requests per target run, a fifth kept for closing what it created (live default ${liveDefaults.requestBudget}; mock and sandbox: none)`,
  },
  {
    key: 'ratePerMinute',
    flag: 'rate-per-minute',
    env: 'CONTRACT_RATE_PER_MINUTE',
    help: `requests a minute, paced over the whole run (live default ${liveDefaults.ratePerMinute}; mock and sandbox: not paced)`,
  },
  {
    key: 'maxCreates',
    flag: 'max-creates',
    env: 'CONTRACT_MAX_CREATES',
    help: 'records (cases and tasks) the run may create; what needs more is reported as not run (default: no cap)',
  },
] as const;

/**
 * The limits of one target: the live target gets its budget and pace unless they were set, and a deadline long
 * enough for them unless one was set; the mock and the sandbox are budgeted or paced only when asked.
 */
export function limitsFor(target: string, limits: Limits): Limits {
  if (target !== 'live') return limits;
  const requestBudget = limits.requestBudget ?? liveDefaults.requestBudget;
  const ratePerMinute = limits.ratePerMinute ?? liveDefaults.ratePerMinute;
  const paced = Math.ceil((requestBudget / ratePerMinute) * 60_000) + 60_000;
  return {
    ...limits,
    requestBudget,
    ratePerMinute,
    deadlineMs: limits.deadlineMs !== defaultLimits.deadlineMs ? limits.deadlineMs : Math.max(limits.deadlineMs, paced),
  };
}

export function runSettings(flags: Partial<Record<string, string | boolean | undefined>> = {}, env: NodeJS.ProcessEnv = process.env): RunSettings {
  const limits = { ...defaultLimits };
  for (const s of numericSettings) {
    const fromFlag = flags[s.flag];
    const raw = typeof fromFlag === 'string' ? fromFlag : env[s.env];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${typeof fromFlag === 'string' ? `--${s.flag}` : s.env} must be a positive whole number, got "${raw}"`);
    limits[s.key] = n;
  }
  const strictEnv = env.CONTRACT_STRICT;
  if (strictEnv !== undefined && !['', '0', '1', 'true', 'false'].includes(strictEnv))
    throw new Error(`CONTRACT_STRICT must be 1 or 0, got "${strictEnv}"`);
  const seed = flags.seed;
  if (typeof seed === 'string' && !/^-?\d+$/.test(seed)) throw new Error(`--seed must be a whole number, got "${seed}"`);
  const pbt = pbtSettingsFromEnv(typeof seed === 'string' ? { ...env, CONTRACT_PBT_SEED: seed } : env);
  return { ...limits, pbt, strict: flags.strict === true || strictEnv === '1' || strictEnv === 'true' };
}
