/** What the sandbox benches share: the requests they send, sandbox processes, and filling a tenant with tasks. */
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { defaultTenant, seedInfoOf } from '../sandbox/tenant/seed.js';
import { spawnServer } from '../scripts/lib/spawn-server.js';
import { locate, pathOf, sandboxOperations } from './operations.js';

export const connections = 20;
export const root = fileURLToPath(new URL('../', import.meta.url));
export const seed = seedInfoOf(defaultTenant());

/** One operation's request, as autocannon and fetch send it. */
export interface Sent {
  method: string;
  path: string;
  accountId: string | undefined;
  body: string | undefined;
}

/** What a request is made from: an operation and its request, from the seeded tenant's ids. */
export type SandboxRequest = Pick<(typeof sandboxOperations)[number], 'operation' | 'request'>;

export function sentFor(op: SandboxRequest): Sent {
  const { method, template } = locate(op.operation);
  const request = op.request(seed);
  const path = pathOf(template, { streamId: seed.streamId, ...request.path }, request.query);
  return {
    method: method.toUpperCase(),
    path,
    accountId: request.accountId,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  };
}

export const headersFor = (sent: Sent, auth: string) => ({
  auth,
  ...(sent.accountId === undefined ? {} : { accountId: sent.accountId }),
  ...(sent.body === undefined ? {} : { 'content-type': 'application/json' }),
});

/** Adds `count` tasks to a sandbox's tenant through its own createTask (20 connections), before an operation that reads them. */
export async function fillWithTasks(origin: string, token: string, count: number): Promise<void> {
  if (count <= 0) return;
  const create = sentFor(sandboxOperations.find((o) => o.operation == 'createTask')!);
  const options = {
    url: origin + create.path,
    method: create.method as 'POST',
    connections,
    amount: count,
    headers: headersFor(create, token),
    body: create.body,
  };
  const r = await autocannon(options);
  if (r['2xx'] !== count)
    throw new Error(`bench: filling the sandbox with ${count} tasks, createTask answered ${r['2xx']} 2xx, ${r.non2xx} other, ${r.errors} errors`);
}

/** A server in its own process, resolved with the origin it prints (group 1 of `ready`). */
export async function serverProcess(args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}) {
  const server = await spawnServer(process.execPath, args, { name: args.join(' ').slice(0, 40), ready, cwd: root, env });
  return { origin: server.announced, stop: server.close };
}

export const startSandboxProcess = (extra: string[] = []) =>
  serverProcess(['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--quiet', ...extra], /Reference sandbox: (http:\/\/\S+)/);
