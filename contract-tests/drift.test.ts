/**
 * The drift self-test: the whole suite against a sandbox started with each of its drift modes. Every breaking
 * drift must fail the suite with a failure naming the expected check and field; every harmless one (a server that
 * keeps the page but differs wherever the page is silent) must pass with a warning naming its field, and fail
 * under --strict. Prints "drift caught: N/N breaking, M/M harmless passed" and fails below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pbtSettingsFromEnv } from './context.js';
import { driftModes, driftRunOperations, judgeDrift, type DriftOutcome } from './drift.js';
import { driftExpectations } from './expectations.js';
import { isBreaking } from './runner.js';
import { runTarget } from './suite.js';

const outcomes = new Map<string, DriftOutcome & { breaking: boolean }>();
// A few sandboxes at once: each is in-process and mostly waits on sockets.
const concurrency = 3;

beforeAll(async () => {
  const queue = [...driftModes];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let mode = queue.shift(); mode; mode = queue.shift()) {
        // Only the drifted operation's probes (and the sequence over the links): the per-mode run stays cheap.
        // Fewer generated cases too (no mode is expected of property_based) and no cleanup (each sandbox is thrown
        // away): `npm test` must stay quick.
        const report = await runTarget('sandbox', { drift: mode.name, operations: driftRunOperations(mode), pbt: { ...pbtSettingsFromEnv(), runs: 5 }, cleanup: false });
        const expected = driftExpectations[mode.name];
        const outcome = expected ? judgeDrift(report, expected) : { caught: false, why: 'no expectation for this drift' };
        outcomes.set(mode.name, { ...outcome, breaking: isBreaking(report) });
      }
    }),
  );
}, 60_000);

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
