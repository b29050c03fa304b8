/**
 * A fetch that records every exchange (request, status, headers, body) into the run's log, for the checks to judge.
 * Used under all three channels: raw fetch, the SDK (its `fetch` option) and the openapi-generator client
 * (`fetchApi`), so every check sees what really went over the wire. The `auth` header is described, never kept.
 */
import type { Exchange, RecordedResponse } from './types.js';

export type ProbeMeta = Pick<Exchange, 'probe' | 'intent' | 'field' | 'via'>;
export type Sink = (exchange: Exchange) => void;

export function recordingFetch(sink: Sink, meta: ProbeMeta, authLabel: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = name === 'auth' ? authLabel : value));
    const body = request.body ? await request.clone().text() : undefined;
    const recorded: Exchange = { ...meta, request: { method: request.method, path: new URL(request.url).pathname, headers, body } };
    let response: Response;
    try {
      response = await fetch(request);
      recorded.response = await readResponse(response.clone());
    } catch (error) {
      recorded.error = `no HTTP answer: ${(error as Error).message}`;
      sink(recorded);
      throw error;
    }
    sink(recorded);
    return response;
  };
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

async function readResponse(response: Response): Promise<RecordedResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const text = await response.text();
  const recorded: RecordedResponse = { status: response.status, headers, text };
  try {
    recorded.json = text === '' ? undefined : JSON.parse(text);
    if (text === '') recorded.jsonError = 'empty body';
  } catch (error) {
    recorded.jsonError = (error as Error).message;
  }
  return recorded;
}
