/** Runs every check against one target and collects the verdicts: one TargetReport per target. */
import { checks } from './checks/index.js';
import { cleanup, skipCleanup, type CleanupReport } from './cleanup.js';
import { strictVerdict, verdict } from './checks/verdict.js';
import { createContext } from './context.js';
import { redact } from './redact.js';
import { curlOf } from './reproduce.js';
import { defaultLimits, type Limits, type PbtSettings } from './settings.js';
import { whyNotRun, writingChecks } from './scope.js';
import { describeSelection, selectionOf, type Selection } from './selection.js';
import type { OperationId } from './spec.js';
import type { Target } from './targets/target.js';
import { checkNames, type Exchange, type Verdict } from './types.js';

export interface TargetReport {
  target: string;
  baseUrl: string;
  verdicts: Verdict[];
  /** When the run began (ISO 8601): the time of its evidence for `npm run learn`. */
  startedAt?: string;
  requests: number;
  /** Every request sent and what came back (tokens described, never kept): the evidence `npm run learn` reads. */
  exchanges?: Exchange[];
  durationMs: number;
  pbt: PbtSettings;
  strict: boolean;
  /** Why the run stopped sending before the end (deadline, unresponsive target, request budget), if it did. */
  stopped?: string;
  /** The request budget and pace, when the run had them (the live target by default). */
  budget?: { requests: number; budget?: number; ratePerMinute?: number };
  /** What the run created (stateful targets), each closed or not, and a one-line summary. */
  cleanup?: CleanupReport;
  /** The operations judged, those called only for a path id, those not selected; whether it could write, and its creates. */
  selection?: Selection & { notSelected: OperationId[]; lines: string[]; creates: { created: number; max?: number } };
}

export interface RunOptions {
  pbt?: PbtSettings;
  limits?: Limits;
  strict?: boolean;
  /** Close what the run created (default); off for a throwaway target (the drift self-test's sandboxes). */
  cleanup?: boolean;
  /** Only these operations (and the creates they take path ids from, not judged); all six by default. */
  operations?: OperationId[];
  /** Nothing created or changed: reads, and refusals that cannot write. */
  readOnly?: boolean;
  /** Called with a line as each check finishes (and as the corpus goes). */
  progress?: (line: string) => void;
}

export async function runSuite(target: Target, options: RunOptions = {}): Promise<TargetReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const progress = (line: string) => options.progress?.(redact(`[${target.name}] ${line}`));
  const selection = selectionOf(options.operations, options.readOnly);
  const ctx = createContext(target, options.pbt, options.limits ?? defaultLimits, progress, selection);
  const verdicts: Verdict[] = [];
  let cleaned: CleanupReport;
  let stopped: string | undefined;
  try {
    for (const name of checkNames) {
      const begun = performance.now();
      let v: Verdict;
      const unselected = whyNotRun(ctx, name);
      try {
        v = unselected ? verdict(name, { ran: false, skipReason: `${writingChecks[name]!.what}: ${unselected}` }) : await checks[name](ctx);
      } catch (error) {
        // A check that crashes is a failure of that check (with why), never a silent pass.
        const message = redact(`the check itself failed: ${(error as Error).stack ?? error}`);
        v = {
          check: name,
          status: 'fail',
          evidence: [message],
          fields: [],
          warnings: [],
          warningFields: [],
          notRun: [],
          findings: [{ check: name, severity: 'breaking', message, line: message }],
        };
      }
      if (options.strict) v = strictVerdict(v);
      if (v.reproduce) v = { ...v, reproduce: v.reproduce.map((r) => ({ ...r, curl: curlOf(target.baseUrl, r.request) })) };
      // A check with nothing to judge because the run stopped sending says so, not just "nothing to check".
      const spent = ctx.budget.spent();
      if (v.status === 'skip' && spent && !v.evidence.some((e) => e.includes(spent)))
        v = { ...v, evidence: [...v.evidence, `the run stopped sending: ${spent}`] };
      verdicts.push(v);
      progress(
        `${v.status.toUpperCase()} ${name}${v.warnings.length ? ` (${v.warnings.length} warning(s))` : ''} in ${((performance.now() - begun) / 1000).toFixed(1)} s`,
      );
    }
    // Where the stop came from is kept before the cleanup spends what was set aside for it.
    stopped = ctx.budget.spent();
    cleaned = await (options.cleanup === false ? skipCleanup(ctx) : cleanup(ctx)).catch((error: Error) => ({
      created: [],
      summary: redact(`the cleanup failed: ${error.message}`),
    }));
    progress(`cleanup: ${cleaned.summary}`);
  } finally {
    ctx.budget.dispose();
  }
  const used = ctx.budget.used();
  return {
    target: target.name,
    baseUrl: target.baseUrl,
    verdicts,
    startedAt,
    requests: ctx.log.length,
    exchanges: ctx.log,
    durationMs: performance.now() - started,
    pbt: ctx.pbt,
    strict: !!options.strict,
    ...(stopped ? { stopped } : {}),
    ...(used.budget || used.ratePerMinute ? { budget: used } : {}),
    cleanup: cleaned,
    selection: { ...selection, ...describeSelection(selection), creates: ctx.budget.creates() },
  };
}

/** Breaking violations: any failed check (under --strict, warnings have become failures). Warnings and skips are not. */
export const isBreaking = (report: TargetReport) => report.verdicts.some((v) => v.status === 'fail');

export const warningCount = (report: TargetReport) => report.verdicts.reduce((n, v) => n + v.warnings.length, 0);
