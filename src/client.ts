/**
 * createKoreClient: createTask over openapi-fetch, with the contract's types, one error hierarchy, safe retries,
 * per-attempt timeouts, request validation and redacted logging. `client.api` is the openapi-fetch client itself
 * (sending the `auth` header) for anything not wrapped here.
 */
import * as openapiFetch from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { mintingMiddleware } from './auth.js';
import { Deadline } from './deadline.js';
import { APIUserAbortError, KoreError, RequestValidationError } from './errors.js';
import { normalizeCall, normalizeOptions, type CallOptions, type KoreClientOptions, type NormalizedCall } from './options.js';
import { capped } from './response-limit.js';
import { createRedactor, redactError, redactingLogger, type Redact } from './redact.js';
import { createTaskPath, requestIdOf, type CreateTaskRequest, type paths, type Task } from './types.js';

// Loaded on first use, so that the entry chunk holds only what a successful call needs (see the bench's sizes).
// Should a chunk fail to load (a browser gone offline), the call still rejects with a KoreError; a failure the
// chunk was to handle is not quoted, as it has not been redacted.
const loadChunk = <T>(what: string, load: () => Promise<T>): Promise<T> =>
  load().catch((e: unknown) => {
    throw new KoreError(`createTask: the SDK could not load its ${what}: ${String((e as Error)?.message ?? e)}`);
  });
type RequestValidator = typeof import('./validate-request.js');
type ResponseValidator = typeof import('./validate-response.js');
const loadFailures = () => loadChunk('failure handling', () => import('./failures.js'));

/** JSON.stringify, as openapi-fetch's own serializer, but a body JSON cannot carry is refused naming `(body)`. */
function serializeBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw new RequestValidationError([{ path: '(body)', message: `cannot be sent as JSON (${(e as Error).message})` }]);
  }
}

export interface TaskWithResponse {
  data: Task;
  response: Response;
  requestId: string | undefined;
}

export interface KoreClient {
  /** Creates a task; resolves to the created task or rejects with a KoreError subclass. */
  createTask(body: CreateTaskRequest, options?: CallOptions): Promise<Task>;
  /** The same, with the raw Response and the platform's request id. */
  createTaskWithResponse(body: CreateTaskRequest, options?: CallOptions): Promise<TaskWithResponse>;
  /** The underlying openapi-fetch client, which sends the `auth` header like the SDK does. */
  api: Client<paths>;
}

// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`: unwrap it in the CommonJS bundle.
const createClient: typeof openapiFetch.default =
  (openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ?? openapiFetch.default;

export function createKoreClient(options: KoreClientOptions): KoreClient {
  const o = normalizeOptions(options);
  const redact: Redact = createRedactor(['jwt' in o.auth ? o.auth.jwt : o.auth.clientSecret]);
  const log = o.logger && redactingLogger(o.logger, redact);
  const auth = o.auth;
  // redirect 'manual': a redirect would carry the `auth` header (and, on 307/308, the body) to another server
  const api = createClient<paths>({ baseUrl: o.baseUrl, fetch: o.fetch, headers: 'jwt' in auth ? { auth: auth.jwt } : undefined, redirect: 'manual' });
  if (!('jwt' in auth)) api.use(mintingMiddleware(auth, redact));
  let requestValidator: RequestValidator | undefined;
  let responseValidator: ResponseValidator | undefined;

  /** One try: an HTTP answer becomes a TaskWithResponse or an APIError; anything else a connection error. */
  async function attempt(body: CreateTaskRequest, call: NormalizedCall, n: number): Promise<TaskWithResponse> {
    if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', false);
    const deadline = new Deadline(call.timeoutMs, call.signal);
    log?.debug(`createTask: POST attempt ${n + 1}`, { streamId: o.streamId });
    let reachedFetch = false; // before fetch, a failure is the SDK's or the body's, never the connection's
    try {
      const { data, error, response } = await deadline.race(api.POST(createTaskPath, {
        params: { path: { streamId: o.streamId }, header: call.accountId ? { accountId: call.accountId } : undefined },
        body,
        bodySerializer: serializeBody,
        parseAs: 'text',
        // The signal goes to fetch itself rather than into openapi-fetch's Request: fetch copies the Request
        // anyway, and a signal built into both would be followed twice (it costs more than the rest of the SDK).
        fetch: (request: Request) => {
          reachedFetch = true;
          return (o.fetch ?? fetch)(request, { signal: deadline.signal }).then((r) => capped(r, call.maxResponseBytes));
        },
      }));
      if (!response.ok) throw (await loadFailures()).answerError(response, error, redact);
      let task: Task;
      try {
        task = JSON.parse(data as unknown as string);
      } catch {
        // the task was created, but its answer is unreadable: never retried
        throw (await loadFailures()).answerError(response, undefined, redact, true);
      }
      const id = requestIdOf(response);
      const result = { data: task, response, requestId: id && redact(id) };
      if (o.validateResponses) {
        responseValidator ??= await loadChunk('response validation', () => import('./validate-response.js'));
        responseValidator.assertValidTask(result.data, response, result.requestId);
      }
      return result;
    } catch (e) {
      if (e instanceof KoreError) throw e;
      if (!reachedFetch && !deadline.timedOut && !call.signal?.aborted) {
        throw new KoreError(`createTask: the request could not be made (nothing was sent): ${redact(String((e as Error)?.message ?? e))}`);
      }
      throw (await loadFailures()).thrownError(e, deadline.timedOut, call.signal?.aborted, call.timeoutMs, redact);
    } finally {
      deadline.release();
    }
  }

  /** Attempts until one succeeds or the retry policy (failures.ts, retry.ts) says stop. */
  async function withRetries(body: CreateTaskRequest, call: NormalizedCall): Promise<TaskWithResponse> {
    for (let n = 0; ; n++) {
      try {
        return await attempt(body, call, n);
      } catch (e) {
        const { retryDelay, sleepFor } = await loadFailures();
        const delay = retryDelay(e, n, call.retry);
        if (delay === undefined) throw redactError(e, redact); // the boundary: nothing leaves unredacted
        log?.warn(`createTask: retry ${n + 1} of ${call.retry.maxRetries} in ${Math.round(delay)} ms after ${(e as Error).message}`);
        await (o.sleep ?? sleepFor)(delay, call.signal);
      }
    }
  }

  async function createTaskWithResponse(body: CreateTaskRequest, options?: CallOptions): Promise<TaskWithResponse> {
    const call = normalizeCall(options, o);
    if (o.validateRequests) {
      // awaited before anything is sent: a body that breaks the contract never leaves
      requestValidator ??= await loadChunk('request validation', () => import('./validate-request.js'));
      const refused = requestValidator.requestError(body);
      if (refused) {
        log?.error(`createTask: not sent: ${refused.message}`, {});
        throw refused;
      }
    }
    const result = withRetries(body, call);
    if (!log) return result; // no logging, no extra step
    return result.then(
      (r) => (log.info('createTask: created', { status: r.response.status, requestId: r.requestId }), r),
      (e) => {
        log.error(`createTask: failed: ${(e as Error).message}`, { requestId: (e as { requestId?: string }).requestId });
        throw e;
      },
    );
  }

  return {
    createTask: (body, options) => createTaskWithResponse(body, options).then((r) => r.data),
    createTaskWithResponse,
    api,
  };
}
