/**
 * Which handler a request goes to: the six operations (through the gate), the health check, the test listing
 * and fault control under /__sandbox/, else a 404. Every refusal goes out through `sendProblem`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, isProblem, problem, type Problem } from './errors.js';
import { parseFaultSpec, type FaultQueue } from './faults.js';
import type { Gate } from './gate.js';
import { readJsonBody, sendJson, sendJsonText } from './http.js';
import { listQueryOf, streamTasks } from './list-tasks.js';
import type { Operation } from '../operations/operation.js';
import { operationPath } from '../operations/operations.js';
import type { TaskStore } from '../store/store.js';

export const testListingPath = '/__sandbox/tasks';

type SendProblem = (res: ServerResponse, refusal: Problem) => void;

export interface RouterDeps {
  operations: Map<string, Operation>;
  gate: Gate;
  faults?: FaultQueue;
  store: TaskStore; // the test listing's
  health: () => object;
  sendProblem: SendProblem;
}

/** A segment that is not valid percent-encoding is kept as it is (an unknown stream, 404), never a 500. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const notAllowed = (method: string, allow: string) =>
  problem(405, ErrorCode.methodNotAllowed, `method ${method} is not allowed here (allowed: ${allow})`, { allow });

export function createRouter(deps: RouterDeps) {
  const { operations, gate, sendProblem } = deps;

  /** The gate, then the operation; its answer damaged when a fault or drift says so. */
  async function run(op: Operation, req: IncomingMessage, res: ServerResponse, streamId: string, id: string): Promise<void> {
    const admitted = await gate.admit(req, streamId, op.accountIdRequired);
    if (admitted === undefined) return; // reset on purpose
    if (isProblem(admitted)) return sendProblem(res, admitted);
    const answer = op.handle({ caller: admitted.caller, stream: admitted.stream, body: admitted.body, id });
    if (isProblem(answer)) return sendProblem(res, answer);
    sendJsonText(res, answer.status ?? 200, answer.json, { contentType: answer.contentType, bodyFault: admitted.bodyFault ?? answer.bodyFault });
  }

  /** The stored tasks of one stream, behind the same gate as the operations: a token for that stream. */
  async function listTasks(req: IncomingMessage, res: ServerResponse, query: string): Promise<void> {
    const listing = listQueryOf(new URLSearchParams(query));
    if (isProblem(listing)) return sendProblem(res, listing);
    const identified = await gate.identify(req, listing.streamId, false, false);
    return isProblem(identified) ? sendProblem(res, identified) : streamTasks(res, deps.store, listing);
  }

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const method = req.method ?? 'GET';
    const match = operationPath.exec(path);
    const op = match && operations.get(match[2]!);
    // an operation with a path id (updateCase/{caseId}) only with one, the others only without
    if (op && (op.idParam === undefined) === (match![3] === undefined)) {
      if (method !== 'POST') return sendProblem(res, notAllowed(method, 'POST'));
      return run(op, req, res, decodePathSegment(match![1]!), decodePathSegment(match![3] ?? ''));
    }
    if (path === '/__sandbox/health') return method === 'GET' ? sendJson(res, 200, deps.health()) : sendProblem(res, notAllowed(method, 'GET'));
    if (path === testListingPath) return method === 'GET' ? listTasks(req, res, query) : sendProblem(res, notAllowed(method, 'GET'));
    if (path === '/__sandbox/faults') return controlFaults(deps.faults, req, res, sendProblem);
    return sendProblem(res, problem(404, ErrorCode.notFound, `no route ${method} ${path}`));
  };
}

/** /__sandbox/faults: GET lists the armed faults, POST {fault, count} arms one, DELETE clears them. */
async function controlFaults(faults: FaultQueue | undefined, req: IncomingMessage, res: ServerResponse, sendProblem: SendProblem): Promise<void> {
  if (!faults) return sendProblem(res, problem(404, ErrorCode.notFound, 'fault injection is off (start the sandbox with --faults)'));
  if (req.method === 'GET') return sendJson(res, 200, { pending: faults.pending() });
  if (req.method === 'DELETE') {
    faults.clear();
    return sendJson(res, 200, { pending: [] });
  }
  if (req.method !== 'POST') return sendProblem(res, notAllowed(req.method ?? '', 'GET, POST, DELETE'));
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
