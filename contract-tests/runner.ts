/** Runs every check against one target and collects the verdicts: one TargetReport per target. */
import { checks } from './checks/index.js';
import { createContext, type PbtSettings } from './context.js';
import { redact } from './redact.js';
import type { Target } from './targets/target.js';
import { checkNames, type Verdict } from './types.js';

export interface TargetReport {
  target: string;
  baseUrl: string;
  verdicts: Verdict[];
  requests: number;
  durationMs: number;
  pbt: PbtSettings;
}

export async function runSuite(target: Target, pbt?: PbtSettings): Promise<TargetReport> {
  const started = performance.now();
  const ctx = createContext(target, pbt);
  const verdicts: Verdict[] = [];
  for (const name of checkNames) {
    try {
      verdicts.push(await checks[name](ctx));
    } catch (error) {
      // A check that crashes is a failure of that check (with why), never a silent pass.
      verdicts.push({ check: name, status: 'fail', evidence: [redact(`the check itself failed: ${(error as Error).stack ?? error}`)], fields: [], notRun: [] });
    }
  }
  return { target: target.name, baseUrl: target.baseUrl, verdicts, requests: ctx.log.length, durationMs: performance.now() - started, pbt: ctx.pbt };
}

/** Breaking violations: any failed check. Warnings (additive drift) and skips are not. */
export const isBreaking = (report: TargetReport) => report.verdicts.some((v) => v.status === 'fail');
