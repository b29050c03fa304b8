/**
 * The three ways the suite sends a request, each through the recording fetch: the project's SDK and the
 * openapi-generator client for valid bodies (both must agree with the contract), raw fetch for what typed
 * clients refuse to build (invalid bodies, bad tokens, wrong content types). Each returns what it recorded.
 */
import { createKoreClient, RequestValidationError } from '../src/index.js';
import { Configuration, TasksApi, type CreateTaskRequest as GeneratorRequest } from '../generated/openapi-generator-client/index.js';
import { defaultLimits } from './settings.js';
import { rateLimitWaitMs, recordingFetch, waitWithin, type FetchLimits, type ProbeMeta, type Sink } from './record.js';
import { validToken } from './tokens.js';
import type { Body } from './bodies.js';
import type { Target } from './targets/target.js';
import type { Exchange } from './types.js';
import { OPERATION_PATH } from './spec.js';

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
async function capture(ctx: Sender, meta: ProbeMeta, send: (sink: Sink) => Promise<unknown>): Promise<Exchange> {
  for (let attempt = 0; ; attempt++) {
    const spent = ctx.limits?.budget?.spent();
    // Not sent, so not recorded: the caller reports it as not run.
    if (spent) return { ...meta, request: { method: 'POST', path: pathOf(ctx.target), headers: {} }, error: `not sent: ${spent}` };
    const mine: Exchange[] = [];
    const sink: Sink = (x) => void mine.push(x);
    try {
      await send(sink);
    } catch (error) {
      if (mine.length === 0) {
        const refused = error instanceof RequestValidationError ? 'the client refused to send it' : 'the call failed before any request';
        sink({ ...meta, request: { method: 'POST', path: pathOf(ctx.target), headers: {} }, error: `${refused}: ${(error as Error).message}` });
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

const pathOf = (t: Target) => OPERATION_PATH.replace('{streamId}', encodeURIComponent(t.streamId));

export function sendWithSdk(ctx: Sender, meta: Omit<ProbeMeta, 'via'>, body: Body): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, via: 'sdk' };
  const { target } = ctx;
  const c = target.credentials;
  return capture(ctx, m, (sink) =>
    createKoreClient({
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
    }).createTaskWithResponse(body as never),
  );
}

export function sendWithGeneratorClient(ctx: Sender, meta: Omit<ProbeMeta, 'via'>, body: GeneratorRequest): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, via: 'openapi-generator' };
  const { target } = ctx;
  return capture(ctx, m, async (sink) => {
    const token = await validToken(target.credentials);
    const api = new TasksApi(
      new Configuration({ basePath: target.baseUrl, apiKey: () => token, fetchApi: recordingFetch(sink, m, 'valid token', ctx.limits) }),
    );
    // value() runs the generated TaskFromJSON mapping, so a 2xx it cannot read shows up as a clientError.
    await (await api.createTaskRaw({ streamId: target.streamId, createTaskRequest: body, accountId: target.accountId })).value();
  });
}

export interface RawRequest {
  /** An object is sent as JSON; a string is sent as is (e.g. malformed JSON). */
  body: Body | string;
  contentType?: string;
  /** The `auth` header's value and how the report describes it; null sends none. */
  token: { value: string; label: string } | null;
  headers?: Record<string, string>;
}

export function sendRaw(ctx: Sender, meta: Omit<ProbeMeta, 'via'>, request: RawRequest): Promise<Exchange> {
  const m: ProbeMeta = { ...meta, via: 'fetch' };
  const { target } = ctx;
  const headers: Record<string, string> = { 'content-type': request.contentType ?? 'application/json', ...request.headers };
  if (request.token) headers.auth = request.token.value;
  if (target.accountId) headers.accountId = target.accountId;
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  return capture(ctx, m, (sink) =>
    recordingFetch(sink, m, request.token?.label ?? 'none', ctx.limits)(`${target.baseUrl}${pathOf(target)}`, { method: 'POST', headers, body }),
  );
}
