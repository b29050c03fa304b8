/**
 * The test run's Prism mock (the mock users get, scripts/lib/mock-server.ts), shared by every file that only calls
 * it: Prism keeps no state, and each start costs two seconds of CPU. vitest's globalSetup serves a broker whose
 * first ask starts the mock, so a run with no such file starts none; files that stop the mock or read its log start their own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startMock, type RunningMock } from '../../scripts/lib/mock-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockBroker: string;
  }
}

/** The broker of this vitest process: both projects (shared, isolated) run this setup, and share one mock. */
interface Broker {
  url: string;
  users: number;
  close(): Promise<void>;
}
const brokerKey = Symbol.for('kore-case-management.test-run-mock');
const registry = globalThis as { [brokerKey]?: Promise<Broker> };

async function startBroker(): Promise<Broker> {
  let mock: Promise<RunningMock> | undefined;
  const server = createServer((_req, res) => {
    const starting = (mock ??= startMock({ port: 0 }));
    starting.then(
      ({ url }) => res.end(url),
      (error: unknown) => {
        if (mock === starting) mock = undefined; // the next ask tries again
        res.writeHead(500).end(`the Prism mock did not start: ${String(error)}`);
      },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    users: 0,
    close: async () => {
      server.close();
      await (await mock?.catch(() => undefined))?.close();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const broker = await (registry[brokerKey] ??= startBroker());
  broker.users += 1;
  project.provide('mockBroker', broker.url);
  return async () => {
    broker.users -= 1;
    if (broker.users > 0) return;
    delete registry[brokerKey];
    await broker.close();
  };
}

/** The run's mock, started on the first ask of any worker; its base URL. */
export async function runMockUrl(): Promise<string> {
  const answer = await fetch(inject('mockBroker'));
  const text = await answer.text();
  if (!answer.ok) throw new Error(text);
  return text;
}

/** The run's mock for the enclosing suite: a getter for its base URL, ready once the suite's tests run. */
export function useMock(): () => string {
  let url: string | undefined;
  beforeAll(async () => {
    url = await runMockUrl();
  }, 60_000);
  return () => {
    if (!url) throw new Error('the Prism mock is not running');
    return url;
  };
}
