/**
 * The reference sandbox: `startSandbox()` serves the Case Management family like the platform does, plus test-only
 * endpoints under /__sandbox/. It never reads openapi/ or generated/: the contract suite checks it against them.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerShapes, defaultAnswerShape, type AnswerShape } from './operations/answer-shapes.js';
import { createAuthenticator } from './tenant/auth.js';
import { clientErrorHandler, type RenderedProblem } from './http/client-errors.js';
import { corsHandler, type CorsOrigins } from './http/cors.js';
import { resolveDrift, type DriftBehaviour, type DriftName } from './drift/drift.js';
import { ErrorCode, problem, type Problem } from './http/errors.js';
import { faultQueue } from './http/faults.js';
import { createGate } from './http/gate.js';
import { sendJsonText } from './http/http.js';
import { createRouter, testListingPath } from './http/router.js';
import { operationsOf } from './operations/operations.js';
import { createRateLimit } from './http/rate-limit.js';
import { defaultTenant, seedInfoOf, type SeedInfo } from './tenant/seed.js';
import { openStore } from './store/store.js';
import { indexTenant, type TenantData } from './tenant/tenant.js';

export interface SandboxOptions {
  port?: number; // 0 = ephemeral (default)
  host?: string; // default 127.0.0.1
  drift?: DriftName; // a name of driftModes
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

type Route = ReturnType<typeof createRouter>;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const drift = resolveDrift(options.drift);
  const answers = options.answers ?? defaultAnswerShape;
  if (!answerShapes.includes(answers)) throw new Error(`unknown answers "${answers}"; known: ${answerShapes.join(', ')}`);
  const data = options.data ?? defaultTenant();
  const tenant = indexTenant(data);
  // better-sqlite3 is a native module: load it only when persistence is asked for.
  const persistence = options.db ? (await import('./store/sqlite-store.js')).sqlitePersistence(options.db) : undefined;
  const store = openStore(tenant, persistence);
  const operations = operationsOf({ tenant, tasks: store.tasks, cases: store.cases, links: store.links, drift, answers });
  const faults = options.faults ? faultQueue() : undefined;
  const renderProblem = problemRenderer(drift);
  const state = { draining: false };
  const route = createRouter({
    operations,
    gate: createGate({
      tenant,
      drift,
      faults,
      authenticate: createAuthenticator(tenant),
      rateLimit: options.rateLimitPerMinute ? createRateLimit(options.rateLimitPerMinute) : undefined,
    }),
    faults,
    store: store.tasks,
    health: () => ({
      status: state.draining ? 'draining' : 'ok',
      tasks: store.tasks.count(),
      cases: store.cases.count(),
      drift: options.drift ?? 'none',
      answers,
      faults: !!faults,
    }),
    sendProblem: (res, refusal) => sendRendered(res, renderProblem(refusal)),
  });
  const server = httpServer(options, state, route, renderProblem);
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  options.log?.(`sandbox listening on ${url}`);
  return { url, seed: seedInfoOf(data), close: closer(server, state, () => store.close(), options.log) };
}

/** Every refusal, on every route, in the envelope (or in the one a drift mode puts in its place). */
function problemRenderer(drift: DriftBehaviour): (refusal: Problem) => RenderedProblem {
  return (refusal) => {
    const p = drift.mapProblem ? drift.mapProblem(refusal) : refusal;
    return { status: p.status, body: JSON.stringify(drift.mapErrorBody ? drift.mapErrorBody(p) : { errors: p.errors }), headers: p.headers };
  };
}

function sendRendered(res: ServerResponse, { status, body, headers }: RenderedProblem): void {
  sendJsonText(res, status, body, { headers });
}

/** The HTTP server: Node's timeouts and refusals, CORS, a log line per request, and a 500 for a bug of ours. */
function httpServer(
  options: SandboxOptions,
  state: { draining: boolean },
  route: Route,
  renderProblem: (refusal: Problem) => RenderedProblem,
): Server {
  const log = options.log;
  const logRequest = options.logRequests ? log : undefined;
  const cors = corsHandler(options.cors ?? 'local');
  const headersTimeout = options.headersTimeoutMs ?? 60_000;
  const requestTimeout = options.requestTimeoutMs ?? 300_000;
  // Node looks for late requests every connectionsCheckingInterval (default 30 s): often enough for the timeouts set.
  const connectionsCheckingInterval = Math.min(30_000, Math.max(20, Math.floor(Math.min(headersTimeout, requestTimeout) / 4)));
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, (req, res) => {
    const started = performance.now();
    if (state.draining) res.setHeader('connection', 'close');
    if (logRequest)
      res.on('finish', () =>
        logRequest(`${req.method} ${req.url?.split('?', 1)[0]} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
      );
    // a preflight, answered; the stored tasks are for tests, never for a page's script
    if (req.url?.split('?', 1)[0] !== testListingPath && cors?.(req, res)) return;
    route(req, res).catch((err: unknown) => {
      // never the client's mistake: a 500 in the envelope, without the stack
      log?.(`internal error: ${(err as Error)?.message ?? String(err)}`);
      if (!res.headersSent) sendRendered(res, renderProblem(problem(500, ErrorCode.internal, 'internal error')));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', clientErrorHandler(renderProblem));
  return server;
}

/** Listens, and gives the origin to call. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound, address } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${bound}`;
}

/** Stops accepting, lets in-flight requests finish, then closes the store; the same promise on every call. */
function closer(server: Server, state: { draining: boolean }, closeStore: () => void, log?: (line: string) => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= new Promise<void>((resolve) => {
      state.draining = true;
      log?.('draining: no new connections, waiting for in-flight requests');
      // idle keep-alive sockets are dropped every 20 ms, so nothing in flight is cut; a straggler past 10 s is cut
      const idle = setInterval(() => server.closeIdleConnections(), 20);
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      server.close(() => {
        clearInterval(idle);
        clearTimeout(force);
        closeStore();
        log?.('sandbox closed');
        resolve();
      });
      server.closeIdleConnections();
    }));
}
