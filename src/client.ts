/**
 * createKoreClient: the case-management family over openapi-fetch. Every method is a row of the operations table
 * called through one generic caller (`call`); `client.api` is the openapi-fetch client itself, sending `auth`.
 */
import * as openapiFetch from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import { attempt, type Sender, type Sending, type TablePaths, type WithResponse } from './attempt.js';
import { mintingMiddleware } from './auth.js';
import { InvalidArgumentError, PaginationError } from './errors.js';
import { callLog } from './log.js';
import { operations, pathParameters, type ListOperationId, type Operation, type OperationId } from './operations.js';
import {
  normalizeCall,
  normalizeOptions,
  normalizePaging,
  pathSegment,
  type CallOptions,
  type KoreClientOptions,
  type PagingOptions,
} from './options.js';
import { allItems } from './paginate.js';
import { redactError, redactorOf } from './redact.js';
import type { BodySize } from './response-limit.js';
import { retryDelay, sleepFor } from './retry.js';
import { secretsOf } from './secrets.js';
import type { Shapes, paths } from './types.js';
import { requestError } from './validate-request.js';
import { messageOf } from './values.js';

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
type Method<Op extends OperationId> =
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

export function createKoreClient(options: KoreClientOptions): KoreClient {
  const o = normalizeOptions(options);
  const auth = o.auth;
  const secrets = secretsOf('jwt' in auth ? auth.jwt : auth.clientSecret);
  const log = o.logger && callLog(o.logger, secrets);
  // redirect 'manual': a redirect would carry the `auth` header (and, on 307/308, the body) to another server
  const api = createClient<TablePaths>({
    baseUrl: o.baseUrl,
    fetch: o.fetch,
    headers: 'jwt' in auth ? { auth: auth.jwt } : undefined,
    redirect: 'manual',
  });
  if (!('jwt' in auth)) api.use(mintingMiddleware(auth, secrets));
  const sender: Sender = { options: o, api, secrets, log };

  /** Attempts until one succeeds or the retry policy says stop; every error leaves redacted. */
  async function withRetries<Op extends OperationId>(sending: Sending<Op>): Promise<WithResponse<Answer<Op>>> {
    const { op, call } = sending;
    for (let n = 0; ; n++) {
      try {
        return await attempt(sender, sending, n);
      } catch (e) {
        const delay = retryDelay(e, n, call.retry, operations[op].retry);
        if (delay === undefined) throw redactError(e, redactorOf(secrets));
        log?.retry(op, n, call.retry.maxRetries, delay, messageOf(e));
        await (o.sleep ?? sleepFor)(delay, call.signal);
      }
    }
  }

  /** The one way to call an operation: options, path parameter and accountId checked, body validated, then sent. */
  async function call<Op extends OperationId>(
    op: Op,
    id: string | undefined,
    body: unknown,
    options: CallOptions | undefined,
    sized?: BodySize,
  ): Promise<WithResponse<Answer<Op>>> {
    const c = normalizeCall(options, o);
    const row: Operation = operations[op];
    const path: Record<string, string> = { streamId: o.streamId };
    const param = pathParameters.get(op);
    if (param) path[param] = pathSegment({ [param]: id }, param, `${op}'s parameter`);
    if (row.account && !c.accountId)
      throw new InvalidArgumentError(`kore client: ${op} requires "accountId": give it to createKoreClient or in the call's options`, 'accountId');
    const refused = o.validateRequests ? requestError(op, body) : undefined;
    if (refused) {
      log?.refused(op, refused);
      throw refused;
    }
    const result = withRetries({ op, path, body, call: c, sized });
    return log ? log.outcome(op, row.retry == 'create', result) : result;
  }

  /** `.all()`: every item of every page, each page one `call`. */
  async function* all<Op extends ListOperationId>(op: Op, filter?: Body<Op>, options?: PagingOptions): AsyncGenerator<Shapes[Op]['item']> {
    const bounds = normalizePaging(options);
    try {
      const page = (f: object) => {
        let bytes = 0;
        return call(op, undefined, f, options, (n) => (bytes = n)).then((r) => ({ data: r.data, bytes }));
      };
      yield* allItems<Shapes[Op]['item']>(op, page, filter, bounds);
    } catch (e) {
      if (!(e instanceof PaginationError)) throw e; // a call's error, redacted already
      throw redactError(e, redactorOf(secrets)); // a refused page's message quotes the answer
    }
  }

  return { api, ...methodsOf(call, all) };
}

type Caller = <Op extends OperationId>(
  op: Op,
  id: string | undefined,
  body: unknown,
  options: CallOptions | undefined,
) => Promise<WithResponse<Answer<Op>>>;
type Pager = <Op extends ListOperationId>(op: Op, filter?: Body<Op>, options?: PagingOptions) => AsyncIterable<Shapes[Op]['item']>;

/** Each row of the operations table as `<op>WithResponse` and `<op>` (its data), shaped by the row (see Method). */
function methodsOf(call: Caller, all: Pager): Methods {
  const create =
    <Op extends OperationId>(op: Op) =>
    (body: Body<Op>, options?: CallOptions) =>
      call(op, undefined, body, options);
  const update =
    <Op extends OperationId>(op: Op) =>
    (id: string, patch: Body<Op>, options?: CallOptions) =>
      call(op, id, patch, options);
  const list =
    <Op extends OperationId>(op: Op) =>
    (filter?: Body<Op>, options?: CallOptions) =>
      call(op, undefined, filter ?? {}, options);
  const data =
    <A extends unknown[], T>(method: (...a: A) => Promise<WithResponse<T>>) =>
    (...a: A) =>
      method(...a).then((r) => r.data);
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
