/**
 * The drift self-test: the whole suite against a sandbox started with each of its drift modes. Every breaking
 * drift must fail the suite with a failure naming the expected check and field; every harmless one (a server that
 * keeps the page but differs wherever the page is silent) must pass with a warning naming its field, and fail
 * under --strict. Prints "drift caught: N/N breaking, M/M harmless passed" and fails below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pbtSettingsFromEnv } from './settings.js';
import { driftModes, driftRunOperations, judgeDrift, type DriftOutcome } from './drift.js';
import { driftExpectations } from './expectations.js';
import { isBreaking } from './runner.js';
import { runTarget } from './suite.js';

const outcomes = new Map<string, DriftOutcome & { breaking: boolean }>();
// A few sandboxes at once: each is in-process and mostly waits on sockets.
const concurrency = 3;
// Every mode in the sandbox's default answer shape (the current pages' abridged answers); the harmless ones in the
// older pages' full shape too: a server that differs only where the pages are silent passes in either.
const runs = [
  ...driftModes.map((mode) => ({ mode, answers: undefined, key: mode.name })),
  ...driftModes.filter((m) => !m.breaking).map((mode) => ({ mode, answers: 'full' as const, key: `${mode.name} (answers full)` })),
];

beforeAll(async () => {
  const queue = [...runs];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let run = queue.shift(); run; run = queue.shift()) {
        const { mode, answers, key } = run;
        // Only the drifted operation's probes (and the sequence over the links): the per-mode run stays cheap.
        // Fewer generated cases too (no mode is expected of property_based) and no cleanup (each sandbox is thrown
        // away): `npm test` must stay quick.
        const report = await runTarget('sandbox', {
          drift: mode.name,
          answers,
          operations: driftRunOperations(mode),
          pbt: { ...pbtSettingsFromEnv(), runs: 5 },
          cleanup: false,
        });
        const expected = driftExpectations[mode.name];
        const outcome = expected ? judgeDrift(report, expected) : { caught: false, why: 'no expectation for this drift' };
        outcomes.set(key, { ...outcome, breaking: isBreaking(report) });
      }
    }),
  );
}, 90_000);

/** "drift caught: N/N breaking, M/M harmless passed", counting the modes the sandbox exports. */
function tally(): string {
  const count = (breaking: boolean) => {
    const modes = driftModes.filter((m) => m.breaking === breaking);
    return `${modes.filter((m) => outcomes.get(m.name)?.caught).length}/${modes.length}`;
  };
  return `drift caught: ${count(true)} breaking, ${count(false)} harmless passed`;
}

afterAll(() => {
  console.log(tally());
  for (const [name, o] of outcomes) console.log(`  ${o.caught ? 'caught' : 'MISSED'}  ${name}: ${o.why}`);
});

describe('drift self-test', () => {
  it('has an expectation for every drift mode the sandbox exports, and no other', () => {
    expect(Object.keys(driftExpectations).sort()).toEqual(driftModes.map((m) => m.name).sort());
    for (const m of driftModes) expect(driftExpectations[m.name]!.breaking, m.name).toBe(m.breaking);
  });

  it('the sandbox exports at least 12 modes, breaking and harmless ones', () => {
    expect(driftModes.length).toBeGreaterThanOrEqual(12);
    expect(driftModes.some((m) => !m.breaking)).toBe(true);
  });

  it.each(driftModes.map((m) => [m.name, m.summary] as const))('%s (%s) is caught', (name) => {
    const o = outcomes.get(name)!;
    expect(o.caught, o.why).toBe(true);
    expect(o.breaking, `suite exit status for ${name}`).toBe(driftModes.find((m) => m.name === name)!.breaking);
  });

  it.each(driftModes.filter((m) => !m.breaking).map((m) => [m.name] as const))('%s passes with its warning in the full answer shape too', (name) => {
    const o = outcomes.get(`${name} (answers full)`)!;
    expect(o.caught, o.why).toBe(true);
    expect(o.breaking, `suite exit status for ${name} (answers full)`).toBe(false);
  });

  it('drift caught: N/N breaking, M/M harmless passed', () => {
    const n = driftModes.filter((m) => m.breaking).length;
    const m = driftModes.length - n;
    expect(tally()).toBe(`drift caught: ${n}/${n} breaking, ${m}/${m} harmless passed`);
  });

  it('--strict fails a harmless drift, naming the same field', async () => {
    const harmless = driftModes.find((m) => !m.breaking)!;
    const expected = driftExpectations[harmless.name]!;
    const report = await runTarget('sandbox', { drift: harmless.name, strict: true, operations: [harmless.operation] });
    const v = report.verdicts.find((x) => x.check === expected.check)!;
    expect(isBreaking(report)).toBe(true);
    expect(v.status).toBe('fail');
    expect(v.fields).toContain(expected.field);
  }, 30_000);
});
