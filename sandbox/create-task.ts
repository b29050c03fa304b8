/**
 * POST /caseManagement/api/public/analytics/{streamId}/createTask, in the order the checks run:
 * injected fault → auth (401) → stream (404) → app allowed on stream and account (403) → rate limit (429)
 * → content type (415) → size (413) → JSON (400) → validation (400, every problem) → tenant references (400)
 * → task created (200). A fault or refusal before the last step never creates a task.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Authenticate, Caller } from './auth.js';
import type { DriftBehaviour } from './drift.js';
import { ErrorCode, isProblem, problem, rateLimitMessage, type Problem } from './errors.js';
import { parseFaultSpec, type FaultPlan, type FaultQueue } from './faults.js';
import { readJsonBody, sendJsonText, singleHeader, type BodyFault } from './http.js';
import { caseManagementId, taskRefId } from './ids.js';
import type { RateLimit } from './rate-limit.js';
import { resolveReferences, taskCreator, taskUser } from './resolve.js';
import type { TaskStore } from './store.js';
import { buildTask } from './task.js';
import { shareInTasks } from './task-json.js';
import type { Stream, TaskTemplate, TenantIndex } from './tenant.js';
import { maxLength, validateCreateTask, type CreateTaskInput } from './validate.js';

export interface CreateTaskDeps {
  tenant: TenantIndex;
  store: TaskStore;
  authenticate: Authenticate;
  drift: DriftBehaviour;
  faults?: FaultQueue; // present only with --faults
  rateLimit?: RateLimit;
  sendProblem: (res: ServerResponse, p: Problem) => void; // the server's, in the (possibly drifted) envelope
}

export function createTaskRoute(deps: CreateTaskDeps) {
  const { tenant, store, drift, sendProblem } = deps;
  for (const t of tenant.data.templates) shareInTasks(t.fields, t.status, t.priority);


  function faultPlan(req: IncomingMessage): FaultPlan | Problem | undefined {
    if (!deps.faults) return undefined;
    const header = req.headers['x-sandbox-fault'];
    if (typeof header === 'string' && header !== '') {
      const plan = parseFaultSpec(header);
      return typeof plan === 'string' ? problem(400, ErrorCode.invalidRequest, `x-sandbox-fault: ${plan}`) : plan;
    }
    return deps.faults.take();
  }

  /** Everything up to a valid, resolved input; a Problem to answer otherwise. */
  async function admit(req: IncomingMessage, streamId: string): Promise<Problem | { caller?: Caller; stream: Stream; input: CreateTaskInput; template: TaskTemplate }> {
    const auth = singleHeader(req, 'auth');
    if (isProblem(auth)) return auth;
    const accountId = singleHeader(req, 'accountid', 'accountId');
    if (isProblem(accountId)) return accountId;
    let caller = drift.skipAuth ? undefined : deps.authenticate(auth);
    if (caller instanceof Promise) caller = await caller;
    if (caller && isProblem(caller)) return caller;
    const stream = tenant.streams.get(streamId);
    if (!stream) return problem(404, ErrorCode.notFound, `streamId: no stream ${streamId}`);
    if (caller && !caller.app.streams.includes(stream._id)) {
      return problem(403, ErrorCode.forbidden, `app ${caller.app.clientId} is not allowed on stream ${stream._id}`);
    }
    if (accountId !== undefined && accountId !== stream.accountId) {
      return problem(403, ErrorCode.forbidden, `accountId: stream ${stream._id} does not belong to account ${accountId}`);
    }
    const limited = deps.rateLimit?.(stream.accountId);
    if (limited) return limited;
    const read = await readJsonBody(req);
    if (isProblem(read)) return read;
    const { body } = read;
    if (drift.skipValidation) return { caller, stream, ...lenientInput(body, stream, tenant) };
    const validation = validateCreateTask(body);
    const invalid = (msgs: string[]) => problem(drift.validationStatus ?? 400, ErrorCode.invalidRequest, msgs);
    if (!validation.ok) return invalid(validation.problems);
    const resolved = resolveReferences(validation.input, stream, tenant);
    if (Array.isArray(resolved)) return invalid(resolved);
    return { caller, stream, input: validation.input, template: resolved.template };
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, streamId: string): Promise<void> {
    const plan = faultPlan(req);
    if (plan && isProblem(plan)) return sendProblem(res, plan);
    if (plan?.latencyMs) await sleep(plan.latencyMs);
    const action = plan?.action;
    if (action?.kind === 'reset') return void (req.socket.resetAndDestroy?.() ?? req.socket.destroy());
    if (action?.kind === 'status') return sendProblem(res, injectedStatus(action.status, action.retryAfterSeconds));

    const admitted = await admit(req, streamId);
    if (isProblem(admitted)) return sendProblem(res, admitted);
    const { caller, stream, input, template } = admitted;
    if (drift.failsValidRequest?.(input)) return sendProblem(res, problem(500, ErrorCode.internal, 'internal error'));

    const now = Date.now();
    const stored = store.create(stream._id, (sequence) =>
      buildTask({
        id: drift.mintTaskId?.() ?? caseManagementId('ti'),
        refId: taskRefId(sequence),
        now,
        stream,
        template,
        caseId: input.caseId,
        caseRefId: input.caseRefId,
        name: input.name,
        source: input.source,
        userInfo: taskUser(input.userInfo, tenant),
        createdBy: taskCreator(caller?.sub ?? '', caller?.app ?? tenant.data.apps[0]!, tenant), // no caller: auth-not-enforced drift
      }),
    );
    const json = drift.mapTask ? JSON.stringify(drift.mapTask(stored.task)) : stored.json;
    const bodyFault = (action as BodyFault | undefined) ?? drift.successBodyFault;
    sendJsonText(res, drift.successStatus ?? 200, json, { contentType: drift.successContentType, bodyFault });
  };
}

function injectedStatus(status: 429 | 500 | 503, retryAfterSeconds?: number): Problem {
  const headers = retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) };
  if (status === 429) return problem(429, ErrorCode.rateLimited, rateLimitMessage(60, retryAfterSeconds ?? 1), headers);
  if (status === 503) return problem(503, ErrorCode.unavailable, 'service unavailable (injected fault)', headers);
  return problem(500, ErrorCode.internal, 'internal error (injected fault)');
}

/** For the accepts-invalid-input drift only: whatever came in, made just good enough to build a task from. */
function lenientInput(body: unknown, stream: Stream, tenant: TenantIndex): { input: CreateTaskInput; template: TaskTemplate } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const u = (typeof b.userInfo === 'object' && b.userInfo !== null ? b.userInfo : {}) as Record<string, unknown>;
  // bounded like a validated value: even this drift keeps a task small
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).slice(0, maxLength.name));
  const template =
    tenant.templates.get(str(b.taskTmp)) ?? tenant.data.templates.find((t) => t.streamId === stream._id) ?? tenant.data.templates[0]!;
  const input: CreateTaskInput = {
    caseId: str(b.caseId),
    caseRefId: str(b.caseRefId),
    taskTmp: template._id,
    name: typeof b.name === 'string' ? str(b.name) : undefined,
    source: str(b.source),
    userInfo: { _id: str(u._id) || undefined, name: str(u.name), emailId: str(u.emailId) || 'unknown@example.com' },
  };
  return { input, template };
}
