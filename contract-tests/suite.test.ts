/**
 * `npm test` runs the contract suite against the Prism mock and the reference sandbox in both its answer shapes
 * (in parallel), and asserts every check's verdict: a failing check fails the vitest test named after it. The live
 * target runs only when KORE_BASE_URL is set; otherwise this file says so and its tests are reported as skipped, never as passed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOnLive, expectedNotRun, expectedVerdicts, expectedWarningFields } from './expectations.js';
import { humanSummary } from './report/human.js';
import { writeReports } from './report/write.js';
import { isBreaking, type TargetReport } from './runner.js';
import { runTarget } from './suite.js';
import { runMockUrl } from '../test/helpers/run-mock.js';
import { defaultLimits, limitsFor } from './settings.js';
import { missingLiveVariables } from './targets/live.js';
import { checkNames } from './types.js';

const reports = new Map<string, TargetReport>();
const liveMissing = missingLiveVariables();
const liveRequested = !!process.env.KORE_BASE_URL;

// The sandbox answers in both shapes the pages show (current: abridged records; full: the older pages'), and the
// suite must pass both: a consumer written from the documentation meets either.
const sandboxRuns = [
  { key: 'sandbox', options: {} },
  { key: 'sandbox (answers full)', options: { answers: 'full' } },
] as const;

beforeAll(async () => {
  // the run's mock (test/helpers/run-mock.ts): `--target mock` starts its own the same way
  const [mock, ...sandboxes] = await Promise.all([
    runTarget('mock', { mockUrl: await runMockUrl() }),
    ...sandboxRuns.map((run) => runTarget('sandbox', run.options)),
  ]);
  reports.set('mock', mock!);
  sandboxRuns.forEach((run, i) => reports.set(run.key, sandboxes[i]!));
}, 60_000);

afterAll(() => {
  const notRun = liveRequested ? [] : [{ target: 'live', reason: 'KORE_BASE_URL is not set' }];
  writeReports('reports', [...reports.values()], notRun);
  for (const r of reports.values()) console.log(humanSummary(r));
});

for (const [key, target] of [['mock', 'mock'], ...sandboxRuns.map((run) => [run.key, 'sandbox'] as const)] as const) {
  describe(`contract suite against ${key}`, () => {
    it.each(checkNames)(`%s`, (check) => {
      const v = reports.get(key)!.verdicts.find((x) => x.check === check)!;
      const expected = expectedVerdicts[target][check];
      expect(v.status, `${check} on ${target}:\n${v.evidence.join('\n')}`).toBe(expected);
      // A pass or a warning must show what was verified; a skip must say why.
      expect(v.evidence.length).toBeGreaterThan(0);
      // Cases that could not run are listed by name, never silently dropped.
      const names = expectedNotRun[target][check] ?? [];
      expect(v.notRun.map((n, i) => (n.startsWith(`${names[i]}: `) ? names[i] : n))).toEqual(names);
      // A healthy target's warnings are the ones expected, field by field: none elsewhere.
      expect(v.warningFields, v.warnings.join('\n')).toEqual(expectedWarningFields[target][check] ?? []);
    });
  });
}

describe('--target mock with no mock running', () => {
  it('starts Prism itself, passes the suite and stops it (one operation, read-only: the whole run is above)', async () => {
    const report = await runTarget('mock', { operations: ['getCases'], readOnly: true });
    expect([report.target, report.baseUrl === (await runMockUrl())]).toEqual(['mock', false]);
    expect(report.requests).toBeGreaterThan(0);
    expect(isBreaking(report), humanSummary(report)).toBe(false);
    await expect(fetch(report.baseUrl)).rejects.toThrow(); // stopped with the run
  }, 60_000);
});

if (!liveRequested) console.log('live target not run: KORE_BASE_URL is not set (see README: check your tenant against the contract)');

describe.skipIf(!liveRequested)('contract suite against live (KORE_BASE_URL)', () => {
  let live: TargetReport;
  beforeAll(
    async () => {
      expect(liveMissing, `live target: missing ${liveMissing.join(', ')}`).toEqual([]);
      live = await runTarget('live');
      reports.set('live', live);
      // A live run is paced under the account's rate limit: it may take its whole (grown) deadline.
    },
    limitsFor('live', defaultLimits).deadlineMs + 30_000,
  );
  it.each(checkNames)('%s', (check) => {
    const v = live.verdicts.find((x) => x.check === check)!;
    expect(allowedOnLive(check), `${check} on live (${v.status}):\n${v.evidence.join('\n')}`).toContain(v.status);
  });
});
