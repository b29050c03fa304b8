/**
 * createKoreClient: createTask over openapi-fetch, with the contract's types, one error hierarchy, safe retries,
 * per-attempt timeouts, request validation and redacted logging. `client.api` is the openapi-fetch client itself
 * (auth middleware installed) for anything not wrapped here.
 */
import * as openapiFetch from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { authMiddleware, tokenSource } from './auth.js';
import { Deadline } from './deadline.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  KoreError,
  RequestValidationError,
  errorForStatus,
} from './errors.js';
import { normalizeCall, normalizeOptions, type CallOptions, type KoreClientOptions, type NormalizedCall } from './options.js';
import { createRedactor, type Redact } from './redact.js';
import { withRetries } from './retry.js';
import requestSchema from './schemas/request.js';
import { check, requestFormats } from './schema-check.js';
import { createTaskPath, type CreateTaskRequest, type ErrorEnvelope, type paths, type Task } from './types.js';

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
  /** The underlying openapi-fetch client, with the `auth` middleware installed. */
  api: Client<paths>;
}

// Errors from these codes mean the connection never opened, so the request cannot have been processed.
const notSentCodes = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;
const errorCode = (e: any): string => String(e?.code ?? e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? '');
// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`: unwrap it in the CommonJS bundle.
const createClient: typeof openapiFetch.default =
  (openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ?? openapiFetch.default;

export function createKoreClient(options: KoreClientOptions): KoreClient {
  const o = normalizeOptions(options);
  const redact: Redact = createRedactor(['jwt' in o.auth ? o.auth.jwt : o.auth.clientSecret]);
  const log = o.logger;
  const api = createClient<paths>({ baseUrl: o.baseUrl, fetch: o.fetch });
  api.use(authMiddleware(tokenSource(o.auth, redact)));
  let responseChecker: Promise<typeof import('./validate-response.js')> | undefined;

  /** One try: an HTTP answer becomes a TaskWithResponse or an APIError; anything else a connection error. */
  async function attempt(body: CreateTaskRequest, call: NormalizedCall, n: number): Promise<TaskWithResponse> {
    if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', false);
    const deadline = new Deadline(call.timeoutMs, call.signal);
    log?.debug(`createTask: POST attempt ${n + 1}`, { streamId: o.streamId });
    try {
      const { data, error, response } = await deadline.race(api.POST(createTaskPath, {
        params: { path: { streamId: o.streamId }, header: call.accountId ? { accountId: call.accountId } : undefined },
        body,
        parseAs: 'text',
        // The signal goes to fetch itself rather than into openapi-fetch's Request: fetch copies the Request
        // anyway, and a signal built into both would be followed twice (it costs more than the rest of the SDK).
        fetch: (request: Request) => (o.fetch ?? fetch)(request, { signal: deadline.signal }),
      }));
      const result = readAnswer(response, data as unknown as string, error, redact);
      if (o.validateResponses) {
        const { assertValidTask } = await (responseChecker ??= import('./validate-response.js'));
        assertValidTask(result.data, response, result.requestId);
      }
      return result;
    } catch (e) {
      if (e instanceof KoreError) throw e;
      if (deadline.timedOut) throw new APIConnectionTimeoutError(`no complete answer within ${call.timeoutMs} ms (the task may have been created)`, true);
      if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', true);
      throw connectionError(e, redact);
    } finally {
      deadline.release();
    }
  }

  async function createTaskWithResponse(body: CreateTaskRequest, options?: CallOptions): Promise<TaskWithResponse> {
    const call = normalizeCall(options, o);
    if (o.validateRequests) {
      const problems = check(requestSchema, body, requestFormats);
      if (problems.length) {
        const error = new RequestValidationError(problems);
        log?.error(`createTask: not sent: ${error.message}`, {});
        throw error;
      }
    }
    const result = withRetries((n) => attempt(body, call, n), call.retry, (ms) => o.sleep(ms, call.signal), (e, n, ms) =>
      log?.warn(`createTask: retry ${n} of ${call.retry.maxRetries} in ${Math.round(ms)} ms after ${(e as Error).message}`),
    );
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

/** The task of a 2xx answer, or the APIError of any other. */
function readAnswer(response: Response, text: string, error: unknown, redact: Redact): TaskWithResponse {
  const init = { headers: response.headers, requestId: response.headers.get('x-request-id') ?? undefined };
  if (!response.ok) {
    // `error` is the parsed envelope, or the body's text when it is not JSON
    const envelope = isEnvelope(error) ? redactEnvelope(error, redact) : undefined;
    throw errorForStatus(response.status, { ...init, envelope }, typeof error == 'string' ? redact(error.slice(0, 200)) : undefined);
  }
  try {
    return { data: JSON.parse(text) as Task, response, requestId: init.requestId };
  } catch {
    // The task was created, but its answer is unreadable: never retried.
    throw errorForStatus(response.status, init, 'the response body is not valid JSON (the task may have been created)');
  }
}

/** What fetch threw, as an APIConnectionError that says whether the request may have reached the platform. */
function connectionError(e: unknown, redact: Redact): APIConnectionError {
  const why = redact(String((e as Error)?.message ?? e));
  const code = errorCode(e);
  const sent = !notSentCodes.test(code);
  return new APIConnectionError(`connection failed${code ? ` (${code})` : ''}: ${why}`, sent, safeCause(e, why, code));
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  return Array.isArray((value as ErrorEnvelope | undefined)?.errors);
}

function redactEnvelope(envelope: ErrorEnvelope, redact: Redact): ErrorEnvelope {
  return { ...envelope, errors: envelope.errors.map((e) => ({ ...e, msg: redact(String(e?.msg)) })) };
}

// The original error may quote a token (a custom fetch's message, say): keep its name and code, redact its text.
function safeCause(e: unknown, message: string, code: string): Error {
  const cause = new Error(message);
  cause.name = (e as Error)?.name ?? 'Error';
  if (code) Object.assign(cause, { code });
  return cause;
}
