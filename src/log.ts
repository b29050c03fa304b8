/** The client's log lines (one per attempt, retry and outcome), every one redacted. */
import { redactorOf, redactValue } from './redact.js';
import type { Secrets } from './secrets.js';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface CallLog {
  attempt(op: string, n: number, streamId: string): void;
  retry(op: string, n: number, of: number, delay: number, why: string): void;
  /** The body broke the contract: nothing was sent. */
  refused(op: string, e: Error): void;
  /** The call's outcome, logged as it settles: created or done, or failed. */
  outcome<T extends { response: Response; requestId: string | undefined }>(op: string, created: boolean, result: Promise<T>): Promise<T>;
}

export function callLog(logger: Logger, secrets: Secrets): CallLog {
  const log = redactingLogger(logger, secrets);
  return {
    attempt: (op, n, streamId) => log.debug(`${op}: POST attempt ${n + 1}`, { streamId }),
    retry: (op, n, of, delay, why) => log.warn(`${op}: retry ${n + 1} of ${of} in ${Math.round(delay)} ms after ${why}`),
    refused: (op, e) => log.error(`${op}: not sent: ${e.message}`, {}),
    outcome: (op, created, result) =>
      result.then(
        (r) => (log.info(`${op}: ${created ? 'created' : 'done'}`, { status: r.response.status, requestId: r.requestId }), r),
        (e: Error & { requestId?: string }) => {
          log.error(`${op}: failed: ${e.message}`, { requestId: e.requestId });
          throw e;
        },
      ),
  };
}

/**
 * The logger, its messages and fields redacted (with the secrets known at each line: tokens are minted later).
 * Fields without a value are left out, and so is an empty set of fields: `console` would print them.
 */
function redactingLogger(logger: Logger, secrets: Secrets): Logger {
  const line = (level: keyof Logger) => (message: string, fields?: Record<string, unknown>) => {
    const redact = redactorOf(secrets);
    const given = Object.entries(fields ?? {}).filter(([, v]) => v !== undefined);
    if (!given.length) return logger[level](redact(message));
    logger[level](redact(message), redactValue(Object.fromEntries(given), redact) as Record<string, unknown>);
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
