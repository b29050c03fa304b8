/**
 * What the bench measures, as tables of {operation, request}: measuring one more operation of the family
 * (getTasks, updateCase, …) is one more entry in each table, not more code. Method, path and sample answer are
 * looked up by operationId in generated/openapi.json.
 */
import spec from '../generated/openapi.json';
import type { SeedInfo } from '../sandbox/tenant/seed.js';
import { deref, get, operations, pointerOf, refOf, type Json } from '../scripts/lib/openapi-document.js';

/** What a section sends for one operation; `streamId` is filled in by the section. */
export interface OperationRequest {
  path?: Record<string, string>; // path parameters besides streamId, e.g. { taskId }
  query?: Record<string, string>;
  accountId?: string; // the `accountId` header (the SDK: the client's option)
  body?: unknown;
}

export interface BenchOperation {
  operation: string; // the contract's operationId, which is also the SDK's method name
  request: OperationRequest;
}

/** The arguments of the SDK method: the path parameters in the path's order, then the body (`kore.updateTask(taskId, patch)`). */
export function sdkArguments(template: string, request: OperationRequest): unknown[] {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((n) => n != 'streamId');
  return [...names.map((n) => pathOf(`{${n}}`, request.path ?? {})), request.body];
}

const account = '6639f7bd58c97ffac03b1a2c'; // any well-formed id: the SDK section's fetch is a stub
const idOf = (name: string) => (example(name) as { _id: string })._id;

/** The SDK section: the SDK method of the same name is called with `sdkArguments` (sdk.bench.ts); bodies are the contract's samples. */
export const sdkOperations: BenchOperation[] = [
  { operation: 'createTask', request: { body: example('CreateTaskSeedSample') } },
  { operation: 'getTasks', request: { accountId: account, body: example('GetTasksSample') } },
  { operation: 'updateTask', request: { accountId: account, path: { taskId: idOf('TaskUpdatedSample') }, body: example('UpdateTaskSample') } },
  { operation: 'createCase', request: { body: example('CreateCaseSample') } },
  { operation: 'getCases', request: { accountId: account, body: example('GetCasesSample') } },
  { operation: 'updateCase', request: { accountId: account, path: { caseId: idOf('CaseUpdatedSample') }, body: example('UpdateCaseSample') } },
];

const demoTask = (seed: SeedInfo) => ({
  caseId: seed.caseId,
  caseRefId: seed.caseRefId,
  taskTmp: seed.taskTemplateId,
  name: 'This is demo task',
  userInfo: { name: 'dummy', emailId: 'dummy@mailinator.com' },
  source: 'rtm',
});

const newestPage = (seed: SeedInfo): OperationRequest => ({ accountId: seed.accountId, body: { skip: 0, limit: 50 } });

/**
 * The sandbox section's throughput rows (sandbox.bench.ts), each request made from the seeded tenant's ids; they are
 * reported beside node:http peers, with no target. `tasks`: the tenant holds that many tasks (made with createTask,
 * on sandboxes of its own) before the operation is measured.
 */
export const sandboxOperations: { operation: string; request: (seed: SeedInfo) => OperationRequest; tasks?: number }[] = [
  { operation: 'createTask', request: (seed) => ({ body: demoTask(seed) }) },
  { operation: 'getTasks', request: newestPage, tasks: 10_000 },
];

/** getTasks' latency as the tenant grows, one request at a time, in memory and with --db: p50 at the largest size and its growth from the smallest. */
export const sandboxScale = { operation: 'getTasks', request: newestPage, sizes: [1_000, 100_000], p50LimitMs: 20, growthLimit: 5 };

export interface LocatedOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  template: string; // e.g. /caseManagement/api/public/analytics/{streamId}/createTask
  answer: unknown; // the first example of the 2xx answer
  bodySchema: string | undefined; // the request body's schema name, e.g. CreateTaskRequest
}

/** A named example of the contract (components/examples), e.g. `CreateTaskSeedSample`. */
export function example(name: string): unknown {
  const found = get(spec, pointerOf(['components', 'examples', name]));
  if (!found) throw new Error(`bench: the contract has no example named ${name}`);
  return found.value;
}

export function locate(operationId: string): LocatedOperation {
  const found = operations(spec).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`bench: no operation ${operationId} in generated/openapi.json`);
  const { path: template, method, operation } = found;
  const [, ok] = Object.entries<Json>(operation.responses ?? {}).find(([status]) => /^2/.test(status)) ?? [];
  const examples = Object.values<Json>(deref(spec, ok)?.content?.['application/json']?.examples ?? {});
  if (examples.length === 0) throw new Error(`bench: ${operationId} has no example of its 2xx answer in the contract`);
  const bodyRef = refOf(operation.requestBody && deref(spec, operation.requestBody).content?.['application/json']?.schema);
  return { method: method as LocatedOperation['method'], template, answer: deref(spec, examples[0]).value, bodySchema: bodyRef?.split('/').pop() };
}

/** The path and query of one request: `{name}` placeholders filled from `params`. */
export function pathOf(template: string, params: Record<string, string>, query?: Record<string, string>): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`bench: no value for the path parameter ${name} of ${template}`);
    return encodeURIComponent(params[name]);
  });
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}
