/**
 * createKoreClient: the case-management family over openapi-fetch, with the contract's types, one error hierarchy,
 * safe retries, per-attempt timeouts, request validation and redacted logging. Every method is one row of the
 * operations table (operations.ts) called through one generic caller (`call`). `client.api` is the openapi-fetch
 * client itself (sending the `auth` header) for anything not wrapped here.
 */
import * as openapiFetch from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { mintingMiddleware } from './auth.js';
import { Deadline } from './deadline.js';
import { APIUserAbortError, InvalidArgumentError, KoreError, loadChunk, loadFailures, PaginationError, RequestValidationError, requestIdOf } from './errors.js';
import { operations, prefix, type OperationId } from './operations.js';
import {
  normalizeCall,
  normalizeOptions,
  normalizePaging,
  pathSegment,
  type CallOptions,
  type KoreClientOptions,
  type NormalizedCall,
  type PagingOptions,
} from './options.js';
import { bodySize, capped } from './response-limit.js';
import { isPlain, secretsOf } from './secrets.js';
import type { CallLog } from './log.js';
import {
  type Case,
  type CasePage,
  type CreateCaseRequest,
  type CreateTaskRequest,
  type GetCasesRequest,
  type GetTasksRequest,
  type paths,
  type Task,
  type TaskPage,
  type TaskRecord,
  type UpdateCaseRequest,
  type UpdateTaskRequest,
} from './types.js';

// Chunks are loaded on first use (errors.ts: loadChunk), so that the entry holds only what a successful call needs (see the bench's sizes).
// A validator chunk, then `op`'s schema (its own chunk, on the operation's first call). Callers skip this (and any
// await) when the validator they hold is `ready` for `op`: the hot path.
type Validator = { ready(op: string): Promise<void> | undefined };
const validator = async <V extends Validator>(op: string, what: string, held: V | undefined, load: () => Promise<V>): Promise<V> => {
  const v = held ?? (await loadChunk(op, what, load));
  const wait = v.ready(op);
  if (wait) await loadChunk(op, what, () => wait);
  return v;
};

/** JSON.stringify, as openapi-fetch's own serializer, but a body JSON cannot carry is refused naming `(body)` and `op`. */
function serializeBody(op: OperationId, body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw new RequestValidationError([{ path: '(body)', message: `cannot be sent as JSON (${(e as Error).message})` }], op);
  }
}

/** What a `…WithResponse` method resolves to: the parsed answer, the raw Response and the platform's request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}
export interface TaskWithResponse extends WithResponse<Task> {}

/** A list operation: one page, or `.all()` to iterate over every item of every page (skip/limit until `hasMore` is false). */
export interface ListMethod<Filter, Page, Item> {
  (filter?: Filter, options?: CallOptions): Promise<Page>;
  /**
   * Every item of every page, fetching each page as the loop reaches it. A failed page rejects the loop, and so does
   * a page that breaks the page envelope, repeats an item or passes a bound (`maxPages`, `maxItems`, `maxTotalBytes`):
   * a PaginationError naming the page and the rule.
   */
  all(filter?: Filter, options?: PagingOptions): AsyncIterable<Item>;
}

export interface KoreClient {
  /** Creates a case; resolves to the created case or rejects with a KoreError subclass. */
  createCase(body: CreateCaseRequest, options?: CallOptions): Promise<Case>;
  createCaseWithResponse(body: CreateCaseRequest, options?: CallOptions): Promise<WithResponse<Case>>;
  /** A page of cases matching `filter` (`accountId` required); `getCases.all(filter)` iterates over every case. */
  getCases: ListMethod<GetCasesRequest, CasePage, Case>;
  getCasesWithResponse(filter?: GetCasesRequest, options?: CallOptions): Promise<WithResponse<CasePage>>;
  /** Changes the fields given in `patch` of case `caseId` (`accountId` required); resolves to the updated case. */
  updateCase(caseId: string, patch: UpdateCaseRequest, options?: CallOptions): Promise<Case>;
  updateCaseWithResponse(caseId: string, patch: UpdateCaseRequest, options?: CallOptions): Promise<WithResponse<Case>>;
  /** Creates a task; resolves to the created task or rejects with a KoreError subclass. */
  createTask(body: CreateTaskRequest, options?: CallOptions): Promise<Task>;
  /** The same, with the raw Response and the platform's request id. */
  createTaskWithResponse(body: CreateTaskRequest, options?: CallOptions): Promise<TaskWithResponse>;
  /** A page of tasks matching `filter` (`accountId` required); `getTasks.all(filter)` iterates over every task. */
  getTasks: ListMethod<GetTasksRequest, TaskPage, TaskRecord>;
  getTasksWithResponse(filter?: GetTasksRequest, options?: CallOptions): Promise<WithResponse<TaskPage>>;
  /** Changes the fields given in `patch` of task `taskId` (`accountId` required); resolves to the updated task. */
  updateTask(taskId: string, patch: UpdateTaskRequest, options?: CallOptions): Promise<TaskRecord>;
  updateTaskWithResponse(taskId: string, patch: UpdateTaskRequest, options?: CallOptions): Promise<WithResponse<TaskRecord>>;
  /** The underlying openapi-fetch client, which sends the `auth` header like the SDK does. */
  api: Client<paths>;
}

// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`: unwrap it in the CommonJS bundle.
const createClient: typeof openapiFetch.default =
  (openapiFetch.default as unknown as { default?: typeof openapiFetch.default }).default ?? openapiFetch.default;

export function createKoreClient(options: KoreClientOptions): KoreClient {
  const o = normalizeOptions(options);
  const auth = o.auth;
  const secrets = secretsOf('jwt' in auth ? auth.jwt : auth.clientSecret);
  // A logger gets its lines (log.ts, in the failure chunk) as the client is made; a call waits for them only if they are not there yet.
  let log: CallLog | undefined;
  const logReady = o.logger && import('./failures.js').then((m) => void (log = m.callLog(o.logger!, secrets)));
  logReady?.catch(() => {}); // a chunk that failed to load rejects the first call instead
  // redirect 'manual': a redirect would carry the `auth` header (and, on 307/308, the body) to another server
  const api = createClient<paths>({ baseUrl: o.baseUrl, fetch: o.fetch, headers: 'jwt' in auth ? { auth: auth.jwt } : undefined, redirect: 'manual' });
  if (!('jwt' in auth)) api.use(mintingMiddleware(auth, secrets));
  let requestValidator: typeof import('./validate-request.js') | undefined;
  let responseValidator: typeof import('./validate-response.js') | undefined;
  const post = api.POST as (path: string, init: object) => ReturnType<typeof api.POST>;

  /** One try: an HTTP answer becomes a WithResponse or an APIError; anything else a connection error. */
  async function attempt(op: OperationId, path: Record<string, string>, body: unknown, call: NormalizedCall, n: number): Promise<WithResponse<unknown>> {
    if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', false);
    const deadline = new Deadline(call.timeoutMs, call.signal);
    log?.attempt(op, n, o.streamId);
    let reachedFetch = false; // before fetch, a failure is the SDK's or the body's, never the connection's
    try {
      const { data, error, response } = await deadline.race(post(prefix + operations[op].path, {
        params: { path, header: call.accountId ? { accountId: call.accountId } : undefined },
        body,
        bodySerializer: (b: unknown) => serializeBody(op, b),
        parseAs: 'text',
        // The signal goes to fetch itself rather than into openapi-fetch's Request: fetch copies the Request
        // anyway, and a signal built into both would be followed twice (it costs more than the rest of the SDK).
        fetch: (request: Request) => {
          reachedFetch = true;
          return (o.fetch ?? fetch)(request, { signal: deadline.signal }).then((r) => capped(r, call.maxResponseBytes, op));
        },
      }));
      if (!response.ok) throw (await loadFailures(op)).answerError(op, response, error, secrets);
      let parsed: unknown;
      try {
        parsed = JSON.parse(data as unknown as string);
      } catch {
        // the call was processed (a create did create), but its answer is unreadable: never retried
        throw (await loadFailures(op)).answerError(op, response, undefined, secrets, true);
      }
      let requestId = requestIdOf(response);
      if (requestId && !isPlain(requestId, secrets)) requestId = (await loadFailures(op)).redactorOf(secrets)(requestId);
      const result = { data: parsed, response, requestId };
      if (o.validateResponses) {
        if (!responseValidator || responseValidator.ready(op))
          responseValidator = await validator(op, 'response validation', responseValidator, () => import('./validate-response.js'));
        responseValidator.assertValid(op, parsed, response, requestId);
      }
      return result;
    } catch (e) {
      if (e instanceof KoreError) throw e;
      throw (await loadFailures(op)).thrownError(op, e, reachedFetch, deadline.timedOut, call.signal?.aborted, call.timeoutMs, secrets);
    } finally {
      deadline.release();
    }
  }

  /** Attempts until one succeeds or the retry policy (failures.ts, retry.ts) says stop. */
  async function withRetries(op: OperationId, path: Record<string, string>, body: unknown, call: NormalizedCall): Promise<WithResponse<unknown>> {
    const policy = operations[op].retry == 'idempotent' ? { ...call.retry, idempotent: true } : call.retry;
    for (let n = 0; ; n++) {
      try {
        return await attempt(op, path, body, call, n);
      } catch (e) {
        const { retryDelay, sleepFor, redactError, redactorOf } = await loadFailures(op);
        const delay = retryDelay(e, n, policy);
        if (delay === undefined) throw redactError(e, redactorOf(secrets)); // the boundary: nothing leaves unredacted
        log?.retry(op, n, call.retry.maxRetries, delay, e as Error);
        await (o.sleep ?? sleepFor)(delay, call.signal);
      }
    }
  }

  /** The one way to call an operation: options, path parameter and accountId checked, body validated, then sent. */
  async function call(op: OperationId, id: string | undefined, body: unknown, options: CallOptions | undefined): Promise<WithResponse<any>> {
    const c = normalizeCall(options, o);
    const path: Record<string, string> = { streamId: o.streamId };
    const param = /\{(\w+)\}/.exec(operations[op].path)?.[1];
    if (param) path[param] = pathSegment({ [param]: id }, param, `${op}'s parameter`);
    if (operations[op].account && !c.accountId)
      throw new InvalidArgumentError(`kore client: ${op} requires "accountId": give it to createKoreClient or in the call's options`, 'accountId');
    if (logReady && !log) await loadChunk(op, 'redaction', () => logReady);
    if (o.validateRequests) {
      // awaited before anything is sent: a body that breaks the contract never leaves
      if (!requestValidator || requestValidator.ready(op))
        requestValidator = await validator(op, 'request validation', requestValidator, () => import('./validate-request.js'));
      const refused = requestValidator.requestError(op, body);
      if (refused) {
        log?.refused(op, refused);
        throw refused;
      }
    }
    const result = withRetries(op, path, body, c);
    return log ? log.outcome(op, operations[op].retry == 'create', result) : result;
  }

  /** `.all()`: the paging loop (paginate.ts, loaded by the first loop), each page one `call`. */
  async function* all(op: OperationId, filter: object | undefined, options?: PagingOptions) {
    const bounds = normalizePaging(options);
    const { allItems } = await loadChunk(op, 'pagination', () => import('./paginate.js'));
    try {
      const page = (f: object) => call(op, undefined, f, options).then((r) => ({ data: r.data, bytes: bodySize(r.response) }));
      yield* allItems(op, page, filter, bounds);
    } catch (e) {
      if (!(e instanceof PaginationError)) throw e; // a call's error, redacted already
      // a refused page's message quotes the answer: redacted like every error that leaves
      const { redactError, redactorOf } = await loadFailures(op);
      throw redactError(e, redactorOf(secrets));
    }
  }

  // The methods, from the table: `<op>WithResponse` and `<op>` (its data), with `.all` on list operations; an
  // operation with a path parameter takes it first, a list operation's filter defaults to {}.
  const client: Record<string, unknown> = { api };
  for (const op of Object.keys(operations) as OperationId[]) {
    const row = operations[op];
    const withResponse = (...a: any[]) => (row.path.includes('{') ? call(op, a[0], a[1], a[2]) : call(op, undefined, row.list ? (a[0] ?? {}) : a[0], a[1]));
    client[op + 'WithResponse'] = withResponse;
    client[op] = Object.assign((...a: any[]) => withResponse(...a).then((r) => r.data), row.list && { all: (filter?: object, options?: PagingOptions) => all(op, filter, options) });
  }
  return client as unknown as KoreClient;
}
