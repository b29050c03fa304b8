/**
 * What every operation meets first, in the platform's order: fault → auth (401) → stream (404) → app on the stream
 * (403) → `accountId` (400 / 403) → rate limit (429) → content type (415) → size (413) → JSON (400).
 */
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Authenticate, Caller } from '../tenant/auth.js';
import type { DriftBehaviour } from '../drift/drift.js';
import { ErrorCode, isProblem, problem, rateLimitMessage, type Problem } from './errors.js';
import { parseFaultSpec, type FaultPlan, type FaultQueue } from './faults.js';
import { readJsonBody, singleHeader, type BodyFault } from './http.js';
import type { RateLimit } from './rate-limit.js';
import type { Stream, TenantIndex } from '../tenant/tenant.js';

export interface GateDeps {
  tenant: TenantIndex;
  authenticate: Authenticate;
  drift: DriftBehaviour;
  faults?: FaultQueue; // present only with --faults
  rateLimit?: RateLimit;
}

/** Who calls and on which stream: what the six operations and the test listing both need. */
export interface Identified {
  caller?: Caller; // absent only under the auth-not-enforced drift
  stream: Stream;
}

interface Admitted extends Identified {
  body: unknown;
  bodyFault?: BodyFault; // an injected fault that damages the answer (the operation still runs)
}

/** Admitted, a refusal to answer, or `undefined` when the connection was reset on purpose (nothing to send). */
export type Admission = Admitted | Problem | undefined;

export function createGate(deps: GateDeps) {
  const { tenant, drift } = deps;

  function faultPlan(req: IncomingMessage): FaultPlan | Problem | undefined {
    if (!deps.faults) return undefined;
    const header = req.headers['x-sandbox-fault'];
    if (typeof header === 'string' && header !== '') {
      const plan = parseFaultSpec(header);
      return typeof plan === 'string' ? problem(400, ErrorCode.invalidRequest, `x-sandbox-fault: ${plan}`) : plan;
    }
    return deps.faults.take();
  }

  /**
   * Auth (401) → stream (404) → app allowed on the stream (403) → `accountId` header (400 / 403). `skipAuth`: the
   * auth-not-enforced drift, which damages the operations only, never the test listing.
   */
  async function identify(
    req: IncomingMessage,
    streamId: string,
    accountIdRequired: boolean,
    skipAuth = drift.skipAuth,
  ): Promise<Identified | Problem> {
    const auth = singleHeader(req, 'auth');
    if (isProblem(auth)) return auth;
    const accountId = singleHeader(req, 'accountid', 'accountId');
    if (isProblem(accountId)) return accountId;
    let caller = skipAuth ? undefined : deps.authenticate(auth);
    if (caller instanceof Promise) caller = await caller;
    if (caller && isProblem(caller)) return caller;
    const stream = tenant.streams.get(streamId);
    if (!stream) return problem(404, ErrorCode.notFound, `streamId: no stream ${streamId}`);
    if (caller && !caller.app.streams.includes(stream._id)) {
      return problem(403, ErrorCode.forbidden, `app ${caller.app.clientId} is not allowed on stream ${stream._id}`);
    }
    if (accountId === undefined) {
      if (accountIdRequired) return problem(400, ErrorCode.invalidRequest, 'accountId is required (header: the account of the stream)');
    } else if (accountId !== stream.accountId) {
      return problem(403, ErrorCode.forbidden, `accountId: stream ${stream._id} does not belong to account ${accountId}`);
    }
    return { caller, stream };
  }

  async function admit(req: IncomingMessage, streamId: string, accountIdRequired: boolean): Promise<Admission> {
    const plan = faultPlan(req);
    if (plan && isProblem(plan)) return plan;
    if (plan?.latencyMs) await sleep(plan.latencyMs);
    const action = plan?.action;
    if (action?.kind === 'reset') return void (req.socket.resetAndDestroy?.() ?? req.socket.destroy());
    if (action?.kind === 'status') return injectedStatus(action.status, action.retryAfterSeconds);

    const identified = await identify(req, streamId, accountIdRequired);
    if (isProblem(identified)) return identified;
    const { caller, stream } = identified;
    const limited = deps.rateLimit?.(stream.accountId);
    if (limited) return limited;
    const read = await readJsonBody(req);
    if (isProblem(read)) return read;
    return { caller, stream, body: read.body, bodyFault: action as BodyFault | undefined };
  }

  return { admit, identify };
}

export type Gate = ReturnType<typeof createGate>;

function injectedStatus(status: 429 | 500 | 503, retryAfterSeconds?: number): Problem {
  const headers = retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) };
  if (status === 429) return problem(429, ErrorCode.rateLimited, rateLimitMessage, headers);
  if (status === 503) return problem(503, ErrorCode.unavailable, 'service unavailable (injected fault)', headers);
  return problem(500, ErrorCode.internal, 'internal error (injected fault)');
}
