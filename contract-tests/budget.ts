/**
 * A run's budget against one target: a deadline, a count of unanswered requests in a row, and, when set, a request
 * budget paced by a token bucket (a fifth kept for the cleanup). Writes are admitted and creates counted here too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { creates, writes } from './selection.js';
import type { Limits } from './settings.js';
import type { OperationId } from './spec.js';

/** What admission needs to know of a request: its operation, and whether it could write (a token and a JSON body). */
interface Outgoing {
  operation: OperationId;
  token: boolean;
  json: boolean;
}

export interface Budget {
  /** Aborts at the run's deadline. */
  signal: AbortSignal;
  /** Why nothing more may be sent (deadline reached, target unresponsive, budget spent); undefined while requests may go. */
  spent(): string | undefined;
  /** Why this request may not go (read-only, the create budget spent); undefined when it may. */
  refusal(request: Outgoing): string | undefined;
  /**
   * Waits for the pace (when paced) and counts a request about to be sent (refused as `refusal` says); the
   * function it returns takes the answer's status (undefined: no answer, counted as a create if it was one).
   */
  take(request?: Outgoing): Promise<(status?: number) => void>;
  /** Create requests counted so far (a create answered with an error excluded), and the create budget. */
  creates(): { created: number; max?: number };
  /** Requests sent so far, and the budget (undefined: none). */
  used(): { requests: number; budget?: number; ratePerMinute?: number };
  /** From now on the part kept for the cleanup may be spent too. */
  cleanup(): void;
  answered(): void;
  unanswered(): void;
  dispose(): void;
}

export function createBudget(
  limits: Pick<Limits, 'deadlineMs' | 'unresponsiveAfter' | 'requestTimeoutMs' | 'requestBudget' | 'ratePerMinute' | 'maxCreates' | 'readOnly'>,
): Budget {
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
  let created = 0;
  const maxCreates = limits.maxCreates;
  const refusal = (r: Outgoing) => {
    const op = r.operation;
    const couldWrite = r.token && r.json;
    if (limits.readOnly && writes.has(op) && couldWrite) return `read-only: ${op} with a token and a JSON body could write`;
    if (maxCreates !== undefined && creates.has(op) && r.json && created >= maxCreates)
      return `the create budget of ${maxCreates} (--max-creates) is spent`;
    return undefined;
  };
  const overBudget = () => {
    const cap = cleaningUp ? total : forChecks;
    return cap !== undefined && requests >= cap
      ? `the request budget of ${total} was reached (${requests} sent${cleaningUp ? '' : `; ${total! - forChecks!} kept for the cleanup`})`
      : undefined;
  };
  return {
    signal: controller.signal,
    spent: () =>
      controller.signal.aborted
        ? deadline
        : inARow >= limits.unresponsiveAfter
          ? `target unresponsive: ${inARow} requests in a row got no answer (request timeout ${limits.requestTimeoutMs} ms)`
          : overBudget(),
    refusal,
    async take(request) {
      const over = overBudget() ?? (request && refusal(request));
      if (over) throw new Error(`not sent: ${over}`);
      requests += 1;
      // Counted before it goes, so a create in flight holds its place; given back when the answer is an error.
      const counted = !!request?.json && creates.has(request.operation);
      if (counted) created += 1;
      const settle = (status?: number) => void (counted && status !== undefined && (status < 200 || status > 299) && (created -= 1));
      if (!interval) return settle;
      const now = performance.now();
      const at = Math.max(now, nextAt);
      nextAt = at + interval;
      if (at > now) await sleep(at - now, undefined, { signal: controller.signal }).catch(() => undefined);
      return settle;
    },
    creates: () => ({ created, max: maxCreates }),
    used: () => ({ requests, budget: total, ratePerMinute: limits.ratePerMinute }),
    cleanup: () => void (cleaningUp = true),
    answered: () => void (inARow = 0),
    unanswered: () => void (inARow += 1),
    dispose: () => clearTimeout(timer),
  };
}
