/** One try of a call: the request sent through openapi-fetch, its answer read, parsed and judged, or its failure named. */
import type { Client } from 'openapi-fetch';
import { Deadline } from './deadline.js';
import { APIUserAbortError, KoreError, RequestValidationError, requestIdOf } from './errors.js';
import { answerError, thrownError } from './failures.js';
import type { CallLog } from './log.js';
import { operations, prefix, type OperationId } from './operations.js';
import type { NormalizedCall, NormalizedOptions } from './options.js';
import { redactorOf } from './redact.js';
import { capped, type BodySize } from './response-limit.js';
import type { Secrets } from './secrets.js';
import type { Shapes, paths } from './types.js';
import { assertValid } from './validate-response.js';
import { messageOf } from './values.js';

/** What a `…WithResponse` method resolves to: the parsed answer, the raw Response and the platform's request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
}

/** The contract's paths, and any path of the operations table as the generic caller builds it (it checks parameters itself). */
export type TablePaths = paths &
  Record<
    string,
    {
      post: {
        parameters: { path: Record<string, string>; header?: { accountId?: string } };
        requestBody?: { content: { 'application/json': unknown } };
        responses: { 200: { content: { 'application/json': unknown } } };
      };
    }
  >;

/** What every attempt of one client shares. */
export interface Sender {
  options: NormalizedOptions;
  api: Client<TablePaths>;
  secrets: Secrets;
  log: CallLog | undefined;
}

/** One call as its attempts send it. */
export interface Sending<Op extends OperationId> {
  op: Op;
  path: Record<string, string>; // streamId and the operation's own path parameter
  body: unknown;
  call: NormalizedCall;
  sized: BodySize | undefined; // told the size of each answer read (`.all()` bounds their sum)
}

/** JSON.stringify, as openapi-fetch's own serializer, but a body JSON cannot carry is refused naming `(body)` and `op`. */
function serializeBody(op: OperationId, body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (e) {
    throw new RequestValidationError([{ path: '(body)', message: `cannot be sent as JSON (${messageOf(e)})` }], op);
  }
}

/** Attempt number `n`: an HTTP answer becomes a WithResponse or an APIError; anything else a connection error. */
export async function attempt<Op extends OperationId>(sender: Sender, sending: Sending<Op>, n: number): Promise<WithResponse<Shapes[Op]['answer']>> {
  const { options: o, api, secrets } = sender;
  const { op, path, body, call, sized } = sending;
  if (call.signal?.aborted) throw new APIUserAbortError('the call was aborted', false);
  const deadline = new Deadline(call.timeoutMs, call.signal);
  sender.log?.attempt(op, n, o.streamId);
  let reachedFetch = false; // before fetch, a failure is the SDK's or the body's, never the connection's
  try {
    const { data, error, response } = await deadline.race(
      api.POST(prefix + operations[op].path, {
        params: { path, header: call.accountId ? { accountId: call.accountId } : undefined },
        body,
        bodySerializer: (b: unknown) => serializeBody(op, b),
        parseAs: 'text',
        // the signal goes to fetch itself: one built into openapi-fetch's Request as well would be followed twice
        fetch: (request: Request) => {
          reachedFetch = true;
          return (o.fetch ?? fetch)(request, { signal: deadline.signal }).then((r) => capped(r, call.maxResponseBytes, op, sized));
        },
      }),
    );
    if (!response.ok) throw answerError(op, response, error, secrets);
    let parsed: Shapes[Op]['answer'];
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
