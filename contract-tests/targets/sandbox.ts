/** The `sandbox` target: the reference sandbox in this process on port 0, with fault injection for the 429 probe. */
import { startSandbox } from '../../sandbox/server.js';
import type { TenantData } from '../../sandbox/tenant.js';
import { addSecret } from '../redact.js';
import { newRunTag } from './run-tag.js';
import type { Target } from './target.js';

export async function startSandboxTarget(options: { drift?: string; data?: TenantData } = {}): Promise<Target> {
  const sandbox = await startSandbox({ port: 0, faults: true, drift: options.drift, data: options.data });
  const { seed } = sandbox;
  return {
    name: options.drift ? `sandbox (drift ${options.drift})` : 'sandbox',
    baseUrl: sandbox.url,
    streamId: seed.streamId,
    accountId: seed.accountId,
    fixtures: {
      caseId: seed.caseId,
      caseRefId: seed.caseRefId,
      taskTemplateId: seed.taskTemplateId,
      userId: seed.userId,
      caseTemplateId: seed.caseTemplateId,
      runTag: newRunTag(),
      // No closed status given, as a user who never set KORE_CLOSED_STATUS: the cleanup finds the tenant's own.
    },
    credentials: { kind: 'app', clientId: seed.clientId, clientSecret: addSecret(seed.clientSecret), sub: seed.userId },
    stateful: true,
    verifiesTokens: true,
    rateLimitSwitch: { 'x-sandbox-fault': '429=7' },
    close: () => sandbox.close(),
  };
}
