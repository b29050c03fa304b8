/**
 * createKoreClient: the case-management family over openapi-fetch. Every method is a row of the operations table
 * called through one generic caller (`call`); `client.api` is the openapi-fetch client itself, sending `auth`.
 */
import * as openapiFetch from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { mintingMiddleware } from './auth.js';
import { Deadline } from './deadline.js';
import { APIUserAbortError, InvalidArgumentError, KoreError, PaginationError, RequestValidationError, requestIdOf } from './errors.js';
import { answerError, thrownError } from './failures.js';
import { callLog } from './log.js';
import { operations, prefix, type ListOperationId, type Operation, type OperationId } from './operations.js';
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
import { allItems } from './paginate.js';
import { redactError, redactorOf } from './redact.js';
import { bodySize, capped } from './response-limit.js';
import { retryDelay, sleepFor } from './retry.js';
import { secretsOf } from './secrets.js';
import type { Shapes, paths } from './types.js';
import { requestError } from './validate-request.js';
import { assertValid } from './validate-response.js';

/** What a `…WithResponse` method resolves to: the parsed answer, the raw Response and the platform's request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}
/** createTaskWithResponse's answer, by the name earlier versions exported. */
export type TaskWithResponse = WithResponse<Shapes['createTask']['answer']>;

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

type Body<Op extends OperationId> = Shapes[Op]['body'];
type Answer<Op extends OperationId> = Shapes[Op]['answer'];
type Row<Op extends OperationId> = (typeof operations)[Op];

/** An operation's method, by its row: a list takes a filter and has `.all()`, a path parameter comes before the body. */
export type Method<Op extends OperationId> =
  Row<Op> extends { list: true }
    ? ListMethod<Body<Op>, Answer<Op>, Shapes[Op] extends { item: infer Item } ? Item : never>
    : Row<Op>['path'] extends `${string}{${string}}`
      ? (id: string, patch: Body<Op>, options?: CallOptions) => Promise<Answer<Op>>
      : (body: Body<Op>, options?: CallOptions) => Promise<Answer<Op>>;

type Methods = { [Op in OperationId]: Method<Op> } & {
  [Op in OperationId as `${Op}WithResponse`]: (...args: Parameters<Method<Op>>) => Promise<WithResponse<Answer<Op>>>;
};

/** Every operation as `<op>` (its data) and `<op>WithResponse`, and `api`, the openapi-fetch client sending `auth`. */
export interface KoreClient extends Methods {
  api: Client<paths>;
}

// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`: unwrap it in the CommonJS bundle.
const createClient: typeof openapiFetch.default = Reflect.get(openapiFetch.default, 'default') ?? openapiFetch.default;

/** The contract's paths, and any path of the operations table as the generic caller builds it (it checks parameters itself). */
type TablePaths = paths & Record<string, { post: { parameters: { path: Record<string, string>; header?: { accountId?: string } }; requestBody?: { content: { 'application/json': unknown } }; responses: { 200: { content: { 'application/json': unknown } } } } }>;

/** JSON.stringify, as openapi-fetch's own serializer, but a body JSON cannot carry is refused naming `(body)` and `op`. */
function serializeBody(op: OperationId, body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw new RequestValidationError([{ path: '(body)', message: `cannot be sent as JSON (${e instanceof Error ? e.message : String(e)})` }], op);
  }
}

export function createKoreClient(options: KoreClientOptions): KoreClient {
  const o = normalizeOptions(options);
  const auth = o.auth;
  const secrets = secretsOf('jwt' in auth ? auth.jwt : auth.clientSecret);
  const log = o.logger && callLog(o.logger, secrets);
  // redirect 'manual': a redirect would carry the `auth` header (and, on 307/308, the body) to another server
  const api = createClient<TablePaths>({ baseUrl: o.baseUrl, fetch: o.fetch, headers: 'jwt' in auth ? { auth: auth.jwt } : undefined, redirect: 'manual' });
  if (!('jwt' in auth)) api.use(mintingMiddleware(auth, secrets));

  /** One try: an HTTP answer becomes a WithResponse or an APIError; anything else a connection error. */
  async function attempt<Op extends OperationId>(op: Op, path: Record<string, string>, body: unknown, call: NormalizedCall, n: number): Promise<WithResponse<Answer<Op>>> {
    if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', false);
    const deadline = new Deadline(call.timeoutMs, call.signal);
    log?.attempt(op, n, o.streamId);
    let reachedFetch = false; // before fetch, a failure is the SDK's or the body's, never the connection's
    try {
      const { data, error, response } = await deadline.race(api.POST(prefix + operations[op].path, {
        params: { path, header: call.accountId ? { accountId: call.accountId } : undefined },
        body,
        bodySerializer: (b: unknown) => serializeBody(op, b),
        parseAs: 'text',
        // the signal goes to fetch itself: one built into openapi-fetch's Request as well would be followed twice
        fetch: (request: Request) => {
          reachedFetch = true;
          return (o.fetch ?? fetch)(request, { signal: deadline.signal }).then((r) => capped(r, call.maxResponseBytes, op));
        },
      }));
      if (!response.ok) throw answerError(op, response, error, secrets);
      let parsed: Answer<Op>;
      try {
        parsed = JSON.parse(data ?? '');
      } catch {
        // the call was processed (a create did create), but its answer is unreadable: never retried
        throw answerError(op, response, undefined, secrets, true);
      }
      const id = requestIdOf(response);
      const requestId = id && redactorOf(secrets)(id);
      if (o.validateResponses) await assertValid(op, parsed, response, requestId);
      return { data: parsed, response, requestId };
    } catch (e) {
      if (e instanceof KoreError) throw e;
      throw thrownError(op, e, reachedFetch, deadline.timedOut, call.signal?.aborted, call.timeoutMs, secrets);
    } finally {
      deadline.release();
    }
  }

  /** Attempts until one succeeds or the retry policy says stop; every error leaves redacted. */
  async function withRetries<Op extends OperationId>(op: Op, path: Record<string, string>, body: unknown, call: NormalizedCall): Promise<WithResponse<Answer<Op>>> {
    const policy = operations[op].retry == 'idempotent' ? { ...call.retry, idempotent: true } : call.retry;
    for (let n = 0; ; n++) {
      try {
        return await attempt(op, path, body, call, n);
      } catch (e) {
        const delay = retryDelay(e, n, policy);
        if (delay === undefined) throw redactError(e, redactorOf(secrets));
        log?.retry(op, n, call.retry.maxRetries, delay, e instanceof Error ? e : new Error(String(e)));
        await (o.sleep ?? sleepFor)(delay, call.signal);
      }
    }
  }

  /** The one way to call an operation: options, path parameter and accountId checked, body validated, then sent. */
  async function call<Op extends OperationId>(op: Op, id: string | undefined, body: unknown, options: CallOptions | undefined): Promise<WithResponse<Answer<Op>>> {
    const c = normalizeCall(options, o);
    const row: Operation = operations[op];
    const path: Record<string, string> = { streamId: o.streamId };
    const param = /\{(\w+)\}/.exec(row.path)?.[1];
    if (param) path[param] = pathSegment({ [param]: id }, param, `${op}'s parameter`);
    if (row.account && !c.accountId)
      throw new InvalidArgumentError(`kore client: ${op} requires "accountId": give it to createKoreClient or in the call's options`, 'accountId');
    const refused = o.validateRequests ? requestError(op, body) : undefined;
    if (refused) {
      log?.refused(op, refused);
      throw refused;
    }
    const result = withRetries(op, path, body, c);
    return log ? log.outcome(op, row.retry == 'create', result) : result;
  }

  /** `.all()`: every item of every page, each page one `call`. */
  async function* all<Op extends ListOperationId>(op: Op, filter?: Body<Op>, options?: PagingOptions): AsyncGenerator<Shapes[Op]['item']> {
    const bounds = normalizePaging(options);
    try {
      const page = (f: object) => call(op, undefined, f, options).then((r) => ({ data: r.data, bytes: bodySize(r.response) }));
      yield* allItems<Shapes[Op]['item']>(op, page, filter, bounds);
    } catch (e) {
      if (!(e instanceof PaginationError)) throw e; // a call's error, redacted already
      throw redactError(e, redactorOf(secrets)); // a refused page's message quotes the answer
    }
  }

  return { api, ...methodsOf(call, all) };
}

type Caller = <Op extends OperationId>(op: Op, id: string | undefined, body: unknown, options: CallOptions | undefined) => Promise<WithResponse<Answer<Op>>>;
type Pager = <Op extends ListOperationId>(op: Op, filter?: Body<Op>, options?: PagingOptions) => AsyncIterable<Shapes[Op]['item']>;

/** Each row of the operations table as `<op>WithResponse` and `<op>` (its data), shaped by the row (see Method). */
function methodsOf(call: Caller, all: Pager): Methods {
  const create = <Op extends OperationId>(op: Op) => (body: Body<Op>, options?: CallOptions) => call(op, undefined, body, options);
  const update = <Op extends OperationId>(op: Op) => (id: string, patch: Body<Op>, options?: CallOptions) => call(op, id, patch, options);
  const list = <Op extends OperationId>(op: Op) => (filter?: Body<Op>, options?: CallOptions) => call(op, undefined, filter ?? {}, options);
  const data = <A extends unknown[], T>(method: (...a: A) => Promise<WithResponse<T>>) => (...a: A) => method(...a).then((r) => r.data);
  const listing = <Op extends ListOperationId>(op: Op) =>
    Object.assign(data(list(op)), { all: (filter?: Body<Op>, options?: PagingOptions) => all(op, filter, options) });
  return {
    createCase: data(create('createCase')),
    createCaseWithResponse: create('createCase'),
    getCases: listing('getCases'),
    getCasesWithResponse: list('getCases'),
    updateCase: data(update('updateCase')),
    updateCaseWithResponse: update('updateCase'),
    createTask: data(create('createTask')),
    createTaskWithResponse: create('createTask'),
    getTasks: listing('getTasks'),
    getTasksWithResponse: list('getTasks'),
    updateTask: data(update('updateTask')),
    updateTaskWithResponse: update('updateTask'),
  };
}
