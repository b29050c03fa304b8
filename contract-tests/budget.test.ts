/** The run's budget: requests are counted and paced by a token bucket; a fifth of the budget waits for the cleanup. */
import { describe, expect, it } from 'vitest';
import { createBudget } from './budget.js';
import { defaultLimits, limitsFor } from './settings.js';
import { runTarget } from './suite.js';

describe('request budget and pace', () => {
  it('spaces requests by 60 000 / rate ms, over every request of the run', async () => {
    const budget = createBudget({ ...defaultLimits, ratePerMinute: 1200 }); // one per 50 ms
    const started = performance.now();
    for (let i = 0; i < 5; i++) await budget.take();
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(budget.used()).toEqual({ requests: 5, budget: undefined, ratePerMinute: 1200 });
    budget.dispose();
  });

  it('is spent for the checks at four fifths, and for the cleanup at the whole budget', async () => {
    const budget = createBudget({ ...defaultLimits, requestBudget: 10 });
    for (let i = 0; i < 8; i++) await budget.take();
    expect(budget.spent()).toBe('the request budget of 10 was reached (8 sent; 2 kept for the cleanup)');
    await expect(budget.take()).rejects.toThrow('not sent: the request budget of 10 was reached');
    budget.cleanup();
    expect(budget.spent()).toBeUndefined();
    await budget.take();
    await budget.take();
    expect(budget.spent()).toBe('the request budget of 10 was reached (10 sent)');
    budget.dispose();
  });

  it('a budget spent in the middle of a check leaves its remaining cases not run, never failed or passed', async () => {
    // The corpus and semantic take about 115 requests on the sandbox: property_based runs out part-way.
    const report = await runTarget('sandbox', { limits: { ...defaultLimits, requestBudget: 150 } });
    const pbt = report.verdicts.find((v) => v.check === 'property_based')!;
    expect(pbt.status, pbt.evidence.join('\n')).not.toBe('fail');
    expect(pbt.notRun.join('\n')).toContain('not sent: the request budget of 150 was reached');
    expect(report.verdicts.find((v) => v.check === 'stateful_links')!.status).toBe('skip');
    expect(report.budget).toEqual({ requests: expect.any(Number), budget: 150, ratePerMinute: undefined });
    expect(report.budget!.requests).toBeLessThanOrEqual(150);
  }, 20_000);

  it('the live target is budgeted and paced under 60 a minute by default, with a deadline that fits; the others only when asked', () => {
    const live = limitsFor('live', defaultLimits);
    expect(live.ratePerMinute).toBeLessThanOrEqual(60);
    expect(live.requestBudget).toBeGreaterThan(0);
    expect(live.deadlineMs).toBeGreaterThanOrEqual((live.requestBudget! / live.ratePerMinute!) * 60_000);
    expect(limitsFor('live', { ...defaultLimits, deadlineMs: 5_000 }).deadlineMs).toBe(5_000);
    expect(limitsFor('sandbox', defaultLimits)).toEqual(defaultLimits);
    expect(limitsFor('mock', { ...defaultLimits, ratePerMinute: 30 }).ratePerMinute).toBe(30);
  });
});
