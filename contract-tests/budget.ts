/**
 * A run's budget against one target: a deadline for the whole run (its signal aborts whatever is in flight) and a
 * count of requests in a row that got no answer. Once either is spent the run sends nothing more, and says why.
 */
import type { Limits } from './settings.js';

export interface Budget {
  /** Aborts at the run's deadline. */
  signal: AbortSignal;
  /** Why nothing more may be sent (deadline reached, target unresponsive); undefined while requests may go. */
  spent(): string | undefined;
  answered(): void;
  unanswered(): void;
  dispose(): void;
}

export function createBudget(limits: Pick<Limits, 'deadlineMs' | 'unresponsiveAfter' | 'requestTimeoutMs'>): Budget {
  const controller = new AbortController();
  const deadline = `the run's deadline of ${limits.deadlineMs} ms was reached`;
  const timer = setTimeout(() => controller.abort(new Error(deadline)), limits.deadlineMs);
  timer.unref();
  let inARow = 0;
  return {
    signal: controller.signal,
    spent: () =>
      controller.signal.aborted
        ? deadline
        : inARow >= limits.unresponsiveAfter
          ? `target unresponsive: ${inARow} requests in a row got no answer (request timeout ${limits.requestTimeoutMs} ms)`
          : undefined,
    answered: () => void (inARow = 0),
    unanswered: () => void (inARow += 1),
    dispose: () => clearTimeout(timer),
  };
}
