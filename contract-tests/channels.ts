/**
 * The three ways the suite sends a request, each through the recording fetch: the project's SDK and the
 * openapi-generator client for valid bodies (both must agree with the contract), raw fetch for what typed
 * clients refuse to build (invalid bodies, bad tokens, wrong content types). Each returns what it recorded.
 */
import { createKoreClient, RequestValidationError } from '../src/index.js';
import { CasesApi, Configuration, TasksApi } from '../generated/openapi-generator-client/index.js';
import { defaultLimits } from './settings.js';
import { isJson, rateLimitWaitMs, recordingFetch, waitWithin, type FetchLimits, type ProbeMeta, type Sink } from './record.js';
import { validToken } from './tokens.js';
import type { Body } from './bodies.js';
import type { Target } from './targets/target.js';
import type { Exchange } from './types.js';
import { specOf, type OperationId } from './spec.js';

export interface Sender {
  target: Target;
  record: Sink;
  /** Timeout, body cap and the run's budget (defaults when absent). */
  limits?: FetchLimits;
}

/**
 * Runs `send` with a sink that also keeps what it recorded; a client's own refusal is recorded too. An unprovoked
 * 429 (a live tenant's shared rate limit) is recorded as such, and the whole call is made again after Retry-After,
 * so the probe still gets its answer.
 */
async function capture(
  ctx: Sender,
  meta: ProbeMeta,
  send: (sink: Sink) => Promise<unknown>,
  params: PathParams = {},
  could: { token: boolean; json: boolean } = { token: true, json: true },
): Promise<Exchange> {
  const path = pathOf(ctx.target, meta.operation, params);
  for (let attempt = 0; ; attempt++) {
    const budget = ctx.limits?.budget;
    const spent = budget?.spent() ?? budget?.refusal({ operation: meta.operation, ...could });
    // Not sent, so not recorded: the caller reports it as not run.
    if (spent) return { ...meta, request: { method: 'POST', path, headers: {} }, error: `not sent: ${spent}` };
    const mine: Exchange[] = [];
    const sink: Sink = (x) => void mine.push(x);
    try {
      await send(sink);
    } catch (error) {
      if (mine.length === 0) {
        const refused = error instanceof RequestValidationError ? 'the client refused to send it' : 'the call failed before any request';
        sink({ ...meta, request: { method: 'POST', path, headers: {} }, error: `${refused}: ${(error as Error).message}` });
      }
      // An HTTP error answer was recorded by the fetch: the checks judge it; keep what the client said of it.
      else mine[mine.length - 1]!.clientError = `${(error as Error).name}: ${(error as Error).message}`;
    }
    const last = mine[mine.length - 1]!;
    const wait = rateLimitWaitMs(last, attempt);
    if (wait === undefined) {
      mine.forEach(ctx.record);
      return last;
    }
    mine.slice(0, -1).forEach(ctx.record);
    ctx.record({ ...last, probe: `${meta.probe} (rate limited, sent again)`, intent: 'rate-limited', field: undefined });
    await waitWithin(wait, ctx.limits?.budget);
  }
}

/** Path parameters other than streamId (`caseId`, `taskId`), by name. */
export type PathParams = Record<string, string>;

const pathOf = (t: Target, op: OperationId, params: PathParams = {}) =>
  specOf(op).path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(name === 'streamId' ? t.streamId : (params[name] ?? `{${name}}`)));

function sdkClient(ctx: Sender, sink: Sink, m: ProbeMeta) {
  const { target } = ctx;
  const c = target.credentials;
  return createKoreClient({
    baseUrl: target.baseUrl,
    streamId: target.streamId,
    accountId: target.accountId,
    ...(c.kind === 'jwt' ? { jwt: c.jwt } : { clientId: c.clientId, clientSecret: c.clientSecret, jwtSubject: c.sub }),
    fetch: recordingFetch(sink, m, 'valid token', ctx.limits),
    maxRetries: 0, // the suite judges every answer itself; a retry would hide a 429 or a 503
    validateResponses: true, // client_agreement compares the SDK's verdict with the contract's
    // The suite judges the server: a tenant's ids shaped unlike the samples (ids are opaque) must still be sent;
    // client_agreement checks what went on the wire.
    validateRequests: false,
    // recordingFetch's own timeout fires first and says why.
    timeoutMs: (ctx.limits ?? defaultLimits).requestTimeoutMs + 1_000,
  });
}

/**
 * Any of the six operations through the SDK's own `<op>WithResponse` method (createTask's response validation is
 * judged by client_agreement). The path id, when the operation has one, is the method's first argument.
 */
export function sendOperationWithSdk(
  ctx: Sender,
  op: OperationId,
  meta: Omit<ProbeMeta, 'via' | 'operation'>,
  body: Body,
  params: PathParams = {},
): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, operation: op, via: 'sdk' };
  return capture(
    ctx,
    m,
    async (sink) => {
      const method = sdkClient(ctx, sink, m)[`${op}WithResponse`] as (...args: unknown[]) => Promise<unknown>;
      const id = Object.entries(params).find(([name]) => name != 'streamId')?.[1];
      return id === undefined ? method(body) : method(id, body);
    },
    params,
  );
}

/** Each operation's generated API class, method and request-body parameter name. */
const generatorMethods: Record<OperationId, { api: typeof CasesApi | typeof TasksApi; method: string; bodyParam: string }> = {
  createCase: { api: CasesApi, method: 'createCaseRaw', bodyParam: 'createCaseRequest' },
  getCases: { api: CasesApi, method: 'getCasesRaw', bodyParam: 'getCasesRequest' },
  updateCase: { api: CasesApi, method: 'updateCaseRaw', bodyParam: 'updateCaseRequest' },
  createTask: { api: TasksApi, method: 'createTaskRaw', bodyParam: 'createTaskRequest' },
  getTasks: { api: TasksApi, method: 'getTasksRaw', bodyParam: 'getTasksRequest' },
  updateTask: { api: TasksApi, method: 'updateTaskRaw', bodyParam: 'updateTaskRequest' },
};

export function sendOperationWithGeneratorClient(
  ctx: Sender,
  op: OperationId,
  meta: Omit<ProbeMeta, 'via' | 'operation'>,
  body: unknown,
  params: PathParams = {},
): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, operation: op, via: 'openapi-generator' };
  const { target } = ctx;
  const g = generatorMethods[op];
  return capture(
    ctx,
    m,
    async (sink) => {
      const token = await validToken(target.credentials);
      const api = new g.api(
        new Configuration({ basePath: target.baseUrl, apiKey: () => token, fetchApi: recordingFetch(sink, m, 'valid token', ctx.limits) }),
      );
      const call = (api as unknown as Record<string, (r: unknown) => Promise<{ value(): Promise<unknown> }>>)[g.method]!.bind(api);
      // value() runs the generated FromJSON mapping, so a 2xx it cannot read shows up as a clientError.
      await (await call({ streamId: target.streamId, ...params, [g.bodyParam]: body, accountId: target.accountId })).value();
    },
    params,
  );
}

export interface RawRequest {
  /** An object is sent as JSON; a string is sent as is (e.g. malformed JSON). */
  body: Body | string;
  contentType?: string;
  /** The `auth` header's value and how the report describes it; null sends none. */
  token: { value: string; label: string } | null;
  headers?: Record<string, string>;
  /** Path parameters (caseId, taskId) of the operation in `meta.operation`. */
  params?: PathParams;
  /** Leave the accountId header out (a probe of an operation that requires it). */
  withoutAccountId?: boolean;
}

export function sendRaw(ctx: Sender, meta: Omit<ProbeMeta, 'via'>, request: RawRequest): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, via: 'fetch' };
  const { target } = ctx;
  const headers: Record<string, string> = { 'content-type': request.contentType ?? 'application/json', ...request.headers };
  if (request.token) headers.auth = request.token.value;
  if (target.accountId && !request.withoutAccountId) headers.accountId = target.accountId;
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const url = `${target.baseUrl}${pathOf(target, meta.operation, request.params)}`;
  return capture(
    ctx,
    m,
    (sink) => recordingFetch(sink, m, request.token?.label ?? 'none', ctx.limits)(url, { method: 'POST', headers, body }),
    request.params,
    { token: !!request.token, json: isJson(body) },
  );
}
