/** Did the suite catch a drift? The expected check failed (or warned, for a harmless drift) naming the field. */
import { driftModes } from '../sandbox/drift/drift.js';
import type { DriftExpectation } from './expectations.js';

/** The sandbox's drift modes, every operation's: the self-test covers them all. */
export { driftModes };
import { isBreaking, type TargetReport } from './runner.js';
import { driftExpectations } from './expectations.js';
import { writingChecks } from './scope.js';

/**
 * The operations a drift mode's run selects: the drifted one, or every operation its expected check needs (the
 * links sequence calls all six), so each per-mode run stays cheap and still reaches the check that catches it.
 */
export const driftRunOperations = (m: (typeof driftModes)[number]) => {
  const needs = writingChecks[driftExpectations[m.name]?.check ?? 'status_code_conformance']?.operations;
  return needs ? [...new Set([m.operation, ...needs])] : [m.operation];
};

export interface DriftOutcome {
  caught: boolean;
  why: string;
}

export function judgeDrift(report: TargetReport, expected: DriftExpectation): DriftOutcome {
  const v = report.verdicts.find((x) => x.check === expected.check);
  if (!v) return { caught: false, why: `no verdict for ${expected.check}` };
  const failed = report.verdicts.filter((x) => x.status === 'fail').map((x) => x.check);
  if (expected.breaking) {
    const names = v.fields.includes(expected.field); // a field the check failed on, not a word in its text
    if (v.status !== 'fail') return { caught: false, why: `${expected.check} is ${v.status}, expected fail` };
    if (!names) return { caught: false, why: `${expected.check} failed without naming ${expected.field}: ${v.fields.join(', ')}` };
    return { caught: true, why: `${expected.check} failed naming ${expected.field} (failed checks: ${failed.join(', ')})` };
  }
  if (isBreaking(report))
    return {
      caught: false,
      why: `a harmless drift failed the suite: ${report.verdicts
        .filter((x) => x.status === 'fail')
        .map((x) => `${x.check} (${x.evidence[0]})`)
        .join('; ')}`,
    };
  if (v.status !== 'warn' || !v.warningFields.includes(expected.field))
    return {
      caught: false,
      why: `${expected.check} is ${v.status} without a warning naming ${expected.field} (warned: ${v.warningFields.join(', ') || 'nothing'})`,
    };
  return { caught: true, why: `passed with a warning naming ${expected.field}` };
}
