/**
 * The platform's shared Case Management limit: N requests per minute per account (60 on the platform).
 * A fixed one-minute window per account; over it, 429 with Retry-After (seconds until the window ends).
 */
import { ErrorCode, problem, rateLimitMessage, type Problem } from './errors.js';

export type RateLimit = (accountId: string) => Problem | undefined;

export function createRateLimit(perMinute: number, now: () => number = Date.now): RateLimit {
  const windows = new Map<string, { start: number; count: number }>();
  return (accountId) => {
    const t = now();
    let window = windows.get(accountId);
    if (!window || t - window.start >= 60_000) {
      window = { start: t, count: 0 };
      windows.set(accountId, window);
    }
    window.count += 1;
    if (window.count <= perMinute) return undefined;
    const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - t) / 1000));
    return problem(429, ErrorCode.rateLimited, rateLimitMessage, { 'retry-after': String(retryAfter) });
  };
}
