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
    const url = new URL(request.url);
    for (let attempt = 0; ; attempt++) {
      const recorded: Exchange = { ...meta, request: { method: request.method, path: url.pathname, headers, body } };
      let response: Response;
      try {
        response = await fetch(request.clone());
        recorded.response = await readResponse(response.clone());
      } catch (error) {
        recorded.error = `no HTTP answer: ${(error as Error).message}`;
        sink(recorded);
        throw error;
      }
      // A live tenant shares 60 requests a minute per account: an unprovoked 429 is recorded (the header checks
      // judge it) and the request is sent again after Retry-After, so the probe still gets its answer.
      const wait = retryAfterMs(recorded, attempt);
      if (wait === undefined) {
        sink(recorded);
        return response;
      }
      sink({ ...recorded, probe: `${meta.probe} (rate limited, sent again)`, intent: 'rate-limited', field: undefined });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
}

const maxRateLimitRetries = 3;
const maxWaitMs = 65_000;

function retryAfterMs(x: Exchange, attempt: number): number | undefined {
  if (x.intent === 'rate-limited' || x.response?.status !== 429 || attempt >= maxRateLimitRetries) return undefined;
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
