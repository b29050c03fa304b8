/** Shared set-up for the SDK's unit tests: a stubbed fetch that records what it was sent, samples, a silent sleep. */
import spec from '../../generated/openapi.json';
import {
  createKoreClient,
  type APIConnectionError,
  type CreateTaskRequest,
  type InvalidArgumentError,
  type KoreClientOptions,
  type KoreError,
  type PaginationError,
  type RequestValidationError,
  type Task,
} from '../../src/index.js';

export const STREAM_ID = 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx';
export const ACCOUNT_ID = '6639f7bd58c97ffac03bxxxx';
export const CLIENT_ID = 'cs-5a1e0c3b-2b1f-5d7e-9c1a-3f0b7e2d1c4a';
export const CLIENT_SECRET = 'sk-THE-CLIENT-SECRET-9f2c1e7d4b';
// A well-formed static token whose text must never leak (the signature part is distinctive on purpose).
export const STATIC_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIiwiYXBwSWQiOiJjcy0xIn0.STATIC-SIGNATURE-must-not-leak';

export const sampleBody = spec.components.examples.CreateTaskSeedSample.value as CreateTaskRequest;
export const sampleTask = spec.components.examples.TaskSeedSample.value as unknown as Task;

export type Answer = Response | Error | ((request: Request, n: number) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
export const ok = (headers: Record<string, string> = {}) => json(200, sampleTask, headers);
export const envelope = (msg: string, code = 4000) => ({ errors: [{ msg, code }] });

/** Answers only when the request's signal aborts (then rejects with its reason), like a server that never replies. */
export const hang = (request: Request) =>
  new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));

/** A fetch that answers with `answers` in turn (the last one repeats) and records every request. */
export function stubFetch(...answers: Answer[]) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    // as fetch does: the init (e.g. the SDK's timeout signal) applies on top of a Request
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const n = requests.push(request) - 1;
    bodies.push(await request.clone().text());
    const answer = answers[Math.min(n, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (typeof answer == 'function') return answer(request, n);
    return answer!.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests, bodies };
}

/** Records the waits the client asks for instead of waiting. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A connection error shaped like undici's: TypeError('fetch failed') with a coded cause. */
export function networkError(code: string, message = 'fetch failed'): Error {
  return Object.assign(new TypeError(message), { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

export function makeClient(answers: Answer[], options: Partial<KoreClientOptions> = {}) {
  const stub = stubFetch(...answers);
  const sleep = recordedSleep();
  const client = createKoreClient({ streamId: STREAM_ID, jwt: STATIC_JWT, fetch: stub.fetch, sleep: sleep.sleep, ...options });
  return { client, ...stub, waits: sleep.waits };
}

/** A caught SDK error, every class's own fields optional: a test reads the ones it asserts on. */
export type Caught = KoreError &
  Partial<Pick<APIConnectionError, 'headers' | 'envelope' | 'platformMessage' | 'requestId' | 'sent'>> &
  Partial<Pick<PaginationError, 'page' | 'skip' | 'rule'>> &
  Partial<Pick<RequestValidationError, 'problems'>> &
  Partial<Pick<InvalidArgumentError, 'argument'>> & { status?: number };

/** What `act` throws (fails the test when it returns). */
export function thrownBy(act: () => unknown): Caught {
  try {
    act();
  } catch (e) {
    return e as Caught;
  }
  throw new Error('expected a throw, got a result');
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Caught> {
  try {
    await promise;
  } catch (e) {
    return e as Caught;
  }
  throw new Error('expected a rejection, got a result');
}
