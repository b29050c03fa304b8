/**
 * A fetch that records every exchange into the run's log, under all three channels, and holds a hostile server at
 * arm's length: redirects never followed, a timeout on every request, bodies read up to a cap. `auth` is never kept.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Budget } from './budget.js';
import { redact } from './redact.js';
import { defaultLimits, type Limits } from './settings.js';
import type { Exchange, RecordedResponse } from './types.js';

export type ProbeMeta = Pick<Exchange, 'operation' | 'probe' | 'intent' | 'field' | 'via' | 'rule'>;
export type Sink = (exchange: Exchange) => void;
export type FetchLimits = Pick<Limits, 'requestTimeoutMs' | 'maxBodyBytes'> & { budget?: Budget };

/** What the reports need of a body: its start (evidence lines quote at most a few hundred characters). */
const keptChars = 2_000;
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

export function recordingFetch(sink: Sink, meta: ProbeMeta, authLabel: string, limits: FetchLimits = defaultLimits): typeof fetch {
  return async (input, init) => {
    const caller = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const unsent = new Request(input, { ...init, redirect: 'manual' });
    const body = unsent.body ? await unsent.clone().text() : undefined;
    // The pace, the request budget and the admission of writes first: the request's own timeout starts when it is sent.
    const settle = await limits.budget?.take({ operation: meta.operation, token: unsent.headers.has('auth'), json: isJson(body) });
    const timeout = AbortSignal.timeout(limits.requestTimeoutMs);
    const signal = AbortSignal.any([timeout, ...(caller ? [caller] : []), ...(limits.budget ? [limits.budget.signal] : [])]);
    const request = new Request(unsent, { signal });
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = name === 'auth' ? authLabel : value));
    const recorded: Exchange = { ...meta, request: { method: request.method, path: new URL(request.url).pathname, headers, body } };
    let response: Response;
    try {
      const answer = await fetch(request);
      const read = await readResponse(answer, limits.maxBodyBytes);
      recorded.response = read.recorded;
      response = read.forClient;
      settle?.(answer.status);
      limits.budget?.answered();
    } catch (error) {
      settle?.();
      recorded.error = `no HTTP answer: ${whyUnanswered(error, { timeout, budget: limits.budget, ms: limits.requestTimeoutMs })}`;
      limits.budget?.unanswered();
      sink(recorded);
      throw error;
    }
    sink(recorded);
    return response;
  };
}

/** Whether a request body parses as JSON (a malformed one cannot write anything). */
export function isJson(body: string | undefined): boolean {
  if (body === undefined) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

function whyUnanswered(error: unknown, s: { timeout: AbortSignal; budget?: Budget; ms: number }): string {
  if (s.timeout.aborted) return `no complete answer within ${s.ms} ms`;
  if (s.budget?.signal.aborted) return s.budget.spent() ?? 'the run was stopped';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(': ');
}

/**
 * Reads the body up to `cap` bytes (the rest is cancelled, never buffered) and gives the client a Response of
 * what was read: a client reading the original would buffer a huge body itself.
 */
async function readResponse(answer: Response, cap: number): Promise<{ recorded: RecordedResponse; forClient: Response }> {
  // What is kept is redacted before it is cut (a token cut in half would no longer match); the parsed body is not
  // kept as text, and the checks redact whatever they quote from it.
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => (headers[name] = redact(value)));
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overCap: string | undefined;
  const reader = answer.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > cap) {
      chunks.push(value.subarray(0, cap - size));
      overCap = `body over ${cap} bytes`;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = Buffer.concat(chunks);
  const text = bytes.toString('utf8');
  const kept = redactedStart(text);
  const recorded: RecordedResponse = { status: answer.status, headers, text: kept.length > keptChars ? `${kept.slice(0, keptChars)}…` : kept };
  if (overCap) recorded.overCap = recorded.jsonError = overCap;
  else {
    try {
      recorded.json = text === '' ? undefined : JSON.parse(text);
      if (text === '') recorded.jsonError = 'empty body';
    } catch (error) {
      recorded.jsonError = (error as Error).message;
    }
  }
  const forClient = new Response(nullBodyStatuses.has(answer.status) ? null : bytes, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
  return { recorded, forClient };
}

/**
 * The redacted start of a body, long enough for the reports. Redacting a whole 1 MB body per answer costs CPU;
 * the window grows until what is kept lies well before its end, so a secret cut at the window's edge (which would
 * no longer match) is never in what is kept.
 */
function redactedStart(text: string): string {
  const margin = 4_096;
  for (let window = keptChars + 2 * margin; ; window *= 2) {
    const redacted = redact(text.slice(0, window));
    if (window >= text.length || redacted.length >= keptChars + margin) return redacted;
  }
}

const maxRateLimitRetries = 3;
const maxWaitMs = 65_000;

/**
 * A live tenant shares 60 requests a minute per account: how long to wait before sending a probe again when its
 * answer was an unprovoked 429 (undefined: judge the answer as it is). The wait happens around the whole call
 * (channels.ts), not inside a client's fetch, whose own timeout would cut it short.
 */
export function rateLimitWaitMs(x: Exchange | undefined, attempt: number): number | undefined {
  if (!x || x.intent === 'rate-limited' || x.response?.status !== 429 || attempt >= maxRateLimitRetries) return undefined;
  const seconds = Number(x.response.headers['retry-after']);
  return Math.min(maxWaitMs, Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000);
}

/** Waits, unless the run's deadline comes first. */
export const waitWithin = (ms: number, budget?: Budget) => sleep(ms, undefined, { signal: budget?.signal }).catch(() => undefined);
