/**
 * The reference sandbox: `startSandbox()` serves the Case Management family (createCase, getCases, updateCase,
 * createTask, getTasks, updateTask: operations.ts) like the platform does, plus a few test-only endpoints under
 * /__sandbox/. An independent implementation: it never reads openapi/ or generated/.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerShapes, defaultAnswerShape, type AnswerShape } from './operations/answer-shapes.js';
import { createAuthenticator } from './tenant/auth.js';
import { clientErrorHandler, type RenderedProblem } from './http/client-errors.js';
import { corsHandler, type CorsOrigins } from './http/cors.js';
import { caseStore, type CasePersistence } from './store/case-store.js';
import type { DriftName } from './drift/drift.js';
import { ErrorCode, isProblem, problem, type Problem } from './http/errors.js';
import { resolveDrift } from './drift/drift.js';
import { faultQueue, parseFaultSpec } from './http/faults.js';
import { createGate } from './http/gate.js';
import { readJsonBody, sendJson, sendJsonText } from './http/http.js';
import { caseLinks } from './store/links.js';
import { listQueryOf, streamTasks } from './http/list-tasks.js';
import type { Operation } from './operations/operation.js';
import { operationPath, operationsOf } from './operations/operations.js';
import { createRateLimit } from './http/rate-limit.js';
import { defaultTenant, seedInfoOf, type SeedInfo } from './tenant/seed.js';
import { memoryStore, type TaskStore } from './store/store.js';
import { indexTenant, type TenantData } from './tenant/tenant.js';

export interface SandboxOptions {
  port?: number; // 0 = ephemeral (default)
  host?: string; // default 127.0.0.1
  drift?: DriftName; // a name of driftModes (createTask) or familyDriftModes (the other operations)
  answers?: AnswerShape; // 'current' (default): the current pages' abridged records; 'full': the older pages'
  faults?: boolean; // honour x-sandbox-fault and /__sandbox/faults
  db?: string; // SQLite file; in memory when absent
  rateLimitPerMinute?: number; // per account; 0 or absent = no limit
  data?: TenantData; // default: the seeded tenant (seed.ts)
  cors?: CorsOrigins; // which browser origins may call: 'local' (default), '*', a list, or false
  headersTimeoutMs?: number; // a request's headers must arrive within this (Node's default: 60 000); else 408
  requestTimeoutMs?: number; // the whole request within this (Node's default: 300 000); else 408
  log?: (line: string) => void; // lifecycle lines; never a token or secret
  logRequests?: boolean; // also one line per request (method, path, status, time) to `log`
}

export interface RunningSandbox {
  url: string; // origin, e.g. http://127.0.0.1:4020
  seed: SeedInfo;
  close(): Promise<void>; // stops accepting, lets in-flight requests finish, then closes the store
}

const testListingPath = '/__sandbox/tasks';

/** A segment that is not valid percent-encoding is kept as it is (an unknown stream, 404), never a 500. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const drift = resolveDrift(options.drift);
  const answers = options.answers ?? defaultAnswerShape;
  if (!answerShapes.includes(answers)) throw new Error(`unknown answers "${answers}"; known: ${answerShapes.join(', ')}`);
  const data = options.data ?? defaultTenant();
  const tenant = indexTenant(data);
  // better-sqlite3 is a native module: load it only when persistence is asked for.
  const sqlite = options.db ? (await import('./store/sqlite-store.js')).sqliteStore(options.db) : undefined;
  const store: TaskStore = sqlite ?? memoryStore(tenant);
  const casePersistence: CasePersistence | undefined = sqlite?.cases;
  const cases = caseStore(tenant, casePersistence);
  const faults = options.faults ? faultQueue() : undefined;
  // Every refusal, on every route, in the envelope (or in the one a drift mode puts in its place).
  const renderProblem = (refusal: Problem): RenderedProblem => {
    const p = drift.mapProblem ? drift.mapProblem(refusal) : refusal;
    return { status: p.status, body: JSON.stringify(drift.mapErrorBody ? drift.mapErrorBody(p) : { errors: p.errors }), headers: p.headers };
  };
  const sendProblem = (res: ServerResponse, refusal: Problem) => {
    const { status, body, headers } = renderProblem(refusal);
    sendJsonText(res, status, body, { headers });
  };
  const { admit, identify } = createGate({
    tenant,
    drift,
    faults,
    authenticate: createAuthenticator(tenant),
    rateLimit: options.rateLimitPerMinute ? createRateLimit(options.rateLimitPerMinute) : undefined,
  });
  const operations = operationsOf({ tenant, tasks: store, cases, links: caseLinks(store), drift, answers });

  /** The gate, then the operation; its answer damaged when a fault or drift says so. */
  async function run(op: Operation, req: IncomingMessage, res: ServerResponse, streamId: string, id: string): Promise<void> {
    const admitted = await admit(req, streamId, op.accountIdRequired);
    if (admitted === undefined) return; // reset on purpose
    if (isProblem(admitted)) return sendProblem(res, admitted);
    const answer = op.handle({ caller: admitted.caller, stream: admitted.stream, body: admitted.body, id });
    if (isProblem(answer)) return sendProblem(res, answer);
    sendJsonText(res, answer.status ?? 200, answer.json, { contentType: answer.contentType, bodyFault: admitted.bodyFault ?? answer.bodyFault });
  }
  const log = options.log;
  let draining = false;

  const methodNotAllowed = (res: ServerResponse, method: string, allow: string) =>
    sendProblem(res, problem(405, ErrorCode.methodNotAllowed, `method ${method} is not allowed here (allowed: ${allow})`, { allow }));

  async function controlFaults(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!faults) return sendProblem(res, problem(404, ErrorCode.notFound, 'fault injection is off (start the sandbox with --faults)'));
    if (req.method === 'GET') return sendJson(res, 200, { pending: faults.pending() });
    if (req.method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { pending: [] });
    }
    if (req.method !== 'POST') return methodNotAllowed(res, req.method ?? '', 'GET, POST, DELETE');
    const read = await readJsonBody(req);
    if (isProblem(read)) return sendProblem(res, read);
    const body = read.body as { fault?: unknown; count?: unknown } | null;
    const spec = body?.fault;
    const count = body?.count ?? 1;
    const plan = typeof spec === 'string' ? parseFaultSpec(spec) : 'fault is required (a string, e.g. "503")';
    const problems = [
      ...(typeof plan === 'string' ? [plan] : []),
      ...(Number.isInteger(count) && (count as number) >= 1 ? [] : ['count must be an integer >= 1']),
    ];
    if (problems.length > 0 || typeof plan === 'string') return sendProblem(res, problem(400, ErrorCode.invalidRequest, problems));
    faults.arm(spec as string, plan, count as number);
    return sendJson(res, 200, { pending: faults.pending() });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const method = req.method ?? 'GET';
    const match = operationPath.exec(path);
    const op = match && operations.get(match[2]!);
    // an operation with a path id (updateCase/{caseId}) only with one, the others only without
    if (op && (op.idParam === undefined) === (match![3] === undefined)) {
      if (method !== 'POST') return methodNotAllowed(res, method, 'POST');
      return run(op, req, res, decodePathSegment(match![1]!), decodePathSegment(match![3] ?? ''));
    }
    if (path === '/__sandbox/health') {
      if (method !== 'GET') return methodNotAllowed(res, method, 'GET');
      return sendJson(res, 200, { status: draining ? 'draining' : 'ok', tasks: store.count(), cases: cases.count(), drift: options.drift ?? 'none', answers, faults: !!faults });
    }
    if (path === testListingPath) {
      if (method !== 'GET') return methodNotAllowed(res, method, 'GET');
      // the same gate as the operations: a token for the stream, and only that stream's (so that account's) tasks
      const listing = listQueryOf(new URLSearchParams(query));
      if (isProblem(listing)) return sendProblem(res, listing);
      const identified = await identify(req, listing.streamId, false, false);
      return isProblem(identified) ? sendProblem(res, identified) : streamTasks(res, store, listing);
    }
    if (path === '/__sandbox/faults') return controlFaults(req, res);
    return sendProblem(res, problem(404, ErrorCode.notFound, `no route ${method} ${path}`));
  }

  const logRequest = options.logRequests ? log : undefined;
  const cors = corsHandler(options.cors ?? 'local');
  const headersTimeout = options.headersTimeoutMs ?? 60_000;
  const requestTimeout = options.requestTimeoutMs ?? 300_000;
  // Node looks for late requests every connectionsCheckingInterval (default 30 s): often enough for the timeouts set.
  const connectionsCheckingInterval = Math.min(30_000, Math.max(20, Math.floor(Math.min(headersTimeout, requestTimeout) / 4)));
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    const started = performance.now();
    if (draining) res.setHeader('connection', 'close');
    if (logRequest) res.on('finish', () => logRequest(`${req.method} ${req.url?.split('?', 1)[0]} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    // a preflight, answered; the stored tasks are for tests, never for a page's script
    if (req.url?.split('?', 1)[0] !== testListingPath && cors?.(req, res)) return;
    route(req, res).catch((err: unknown) => {
      // A bug of ours, never the client's: answer 500 in the envelope, without the stack.
      log?.(`internal error: ${(err as Error)?.message ?? String(err)}`);
      if (!res.headersSent) sendProblem(res, problem(500, ErrorCode.internal, 'internal error'));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', clientErrorHandler(renderProblem));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  log?.(`sandbox listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      draining = true;
      log?.('draining: no new connections, waiting for in-flight requests');
      // close() stops accepting; keep-alive sockets are dropped as soon as they are idle (their response
      // sent), checked every 20 ms, so nothing in flight is cut. A straggler past 10 s is cut rather than hang.
      const idle = setInterval(() => server.closeIdleConnections(), 20);
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      server.close(() => {
        clearInterval(idle);
        clearTimeout(force);
        store.close();
        log?.('sandbox closed');
        resolve();
      });
      server.closeIdleConnections();
    }));

  return { url, seed: seedInfoOf(data), close };
}
