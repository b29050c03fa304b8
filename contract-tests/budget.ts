/**
 * A run's budget against one target: a deadline for the whole run (its signal aborts whatever is in flight), a
 * count of requests in a row that got no answer, and, when set, a request budget paced by a token bucket over every
 * request of the run (a live account takes 60 requests a minute, all operations together). Once the deadline, the
 * target's silence or the budget is spent the run sends nothing more, and says why. A fifth of the budget is kept
 * for the cleanup (closing what the run created), which starts with `cleanup()`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Limits } from './settings.js';

export interface Budget {
  /** Aborts at the run's deadline. */
  signal: AbortSignal;
  /** Why nothing more may be sent (deadline reached, target unresponsive, budget spent); undefined while requests may go. */
  spent(): string | undefined;
  /** Waits for the pace (when paced) and counts a request about to be sent. */
  take(): Promise<void>;
  /** Requests sent so far, and the budget (undefined: none). */
  used(): { requests: number; budget?: number; ratePerMinute?: number };
  /** From now on the part kept for the cleanup may be spent too. */
  cleanup(): void;
  answered(): void;
  unanswered(): void;
  dispose(): void;
}

export function createBudget(limits: Pick<Limits, 'deadlineMs' | 'unresponsiveAfter' | 'requestTimeoutMs' | 'requestBudget' | 'ratePerMinute'>): Budget {
  const controller = new AbortController();
  const deadline = `the run's deadline of ${limits.deadlineMs} ms was reached`;
  const timer = setTimeout(() => controller.abort(new Error(deadline)), limits.deadlineMs);
  timer.unref();
  let inARow = 0;
  let requests = 0;
  let cleaningUp = false;
  const total = limits.requestBudget;
  const forChecks = total === undefined ? undefined : total - Math.floor(total / 5);
  // A token bucket holding one token: requests are spaced by 60 000 / rate ms, so no minute ever holds more than the rate.
  const interval = limits.ratePerMinute ? 60_000 / limits.ratePerMinute : 0;
  let nextAt = 0;
  const overBudget = () => {
    const cap = cleaningUp ? total : forChecks;
    return cap !== undefined && requests >= cap ? `the request budget of ${total} was reached (${requests} sent${cleaningUp ? '' : `; ${total! - forChecks!} kept for the cleanup`})` : undefined;
  };
  return {
    signal: controller.signal,
    spent: () =>
      controller.signal.aborted
        ? deadline
        : inARow >= limits.unresponsiveAfter
          ? `target unresponsive: ${inARow} requests in a row got no answer (request timeout ${limits.requestTimeoutMs} ms)`
          : overBudget(),
    async take() {
      const over = overBudget();
      if (over) throw new Error(`not sent: ${over}`);
      requests += 1;
      if (!interval) return;
      const now = performance.now();
      const at = Math.max(now, nextAt);
      nextAt = at + interval;
      if (at > now) await sleep(at - now, undefined, { signal: controller.signal }).catch(() => undefined);
    },
    used: () => ({ requests, budget: total, ratePerMinute: limits.ratePerMinute }),
    cleanup: () => void (cleaningUp = true),
    answered: () => void (inARow = 0),
    unanswered: () => void (inARow += 1),
    dispose: () => clearTimeout(timer),
  };
}
