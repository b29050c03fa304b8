/**
 * Every retry decision, by the operation's kind: a 'create' may duplicate its item, so only what cannot have created
 * one is retried by default (refused connections, 429, 503); an 'idempotent' read or update also retries 5xx,
 * timeouts and connection errors. `retryOn` opts a create into more.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from './errors.js';
import type { RetryKind } from './operations.js';

export type RetryOn = number | 'timeout' | 'network';

export interface RetryPolicy {
  maxRetries: number; // retries after the first attempt
  retryOn: ReadonlySet<RetryOn>; // the caller's explicit opt-ins
}

const alwaysRetried = [429, 503];
export const maxRetryAfterMs = 60_000; // the rate limit's window: waiting longer never helps
const baseDelayMs = 500;
const maxBackoffMs = 8_000;

/** Whether a failed attempt of an operation of `kind` may be tried again under `policy` (ignoring the retry count). */
export function isRetryable(error: unknown, policy: RetryPolicy, kind: RetryKind): boolean {
  if (error instanceof APIUserAbortError) return false;
  const safe = kind == 'idempotent';
  if (error instanceof APIConnectionTimeoutError) return safe || policy.retryOn.has('timeout');
  if (error instanceof APIConnectionError) return safe || !error.sent || policy.retryOn.has('network');
  if (error instanceof APIError && error.status)
    return alwaysRetried.includes(error.status) || (safe && error.status > 499) || policy.retryOn.has(error.status);
  return false;
}

/**
 * `Retry-After` in ms (seconds or an HTTP date, which starts with a day name), capped; undefined when absent or
 * invalid: negative, not a number, or a date not in the future (Date.parse alone reads "-5" as a year, and a
 * past date as 0 ms would let a server set off back-to-back retries). Undefined means the normal backoff.
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value);
  const ms = seconds ? Number(value) * 1000 : /^[A-Z][a-z]{2}/.test(value) ? Date.parse(value) - now : NaN;
  return seconds || ms > 0 ? Math.min(ms, maxRetryAfterMs) : undefined;
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s … capped at 8 s, each shortened by up to 25 % at random. */
export function backoffMs(retry: number, random = Math.random()): number {
  return Math.min(baseDelayMs * 2 ** retry, maxBackoffMs) * (1 - 0.25 * random);
}

/** How long to wait before retry number `retry` (0-based), or undefined when the error must be thrown. */
export function retryDelay(error: unknown, retry: number, policy: RetryPolicy, kind: RetryKind): number | undefined {
  if (retry >= policy.maxRetries || !isRetryable(error, policy, kind)) return undefined;
  return retryAfterMs(error instanceof APIError ? error.headers : undefined) ?? backoffMs(retry);
}

/** The default wait before a retry: setTimeout, cut short when the call's signal aborts. */
export const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve(); // aborted already: 'abort' will not fire again
    const done = () => (clearTimeout(timer), signal?.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
