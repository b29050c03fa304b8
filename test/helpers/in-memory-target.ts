/** A hand-made server as a contract-suite target, and one check run against it with a fresh context. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checks } from '../../contract-tests/checks/index.js';
import { createContext } from '../../contract-tests/context.js';
import type { Target } from '../../contract-tests/targets/target.js';
import type { CheckName } from '../../contract-tests/types.js';

export function inMemoryTarget(server: Server, runTag: string): Target {
  return {
    name: 'in-memory',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    streamId: 'st-084d3c5e-376a-559f-9987-a012bb2b1234',
    accountId: '6639f7bd58c97ffac03b7e21',
    fixtures: { caseId: 'ci-1', caseRefId: 'CS1', taskTemplateId: 'ttm-1', caseTemplateId: 'ctm-1', runTag },
    credentials: { kind: 'jwt', jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln' },
    stateful: true,
    verifiesTokens: true,
    close: async () => {},
  };
}

export async function runCheck(target: Target, check: CheckName) {
  const ctx = createContext(target);
  const v = await checks[check](ctx);
  ctx.budget.dispose();
  return { v, log: ctx.log };
}
