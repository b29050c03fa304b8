/** The `sandbox` target: the reference sandbox in this process on port 0, with fault injection for the 429 probe. */
import type { AnswerShape } from '../../sandbox/operations/answer-shapes.js';
import { startSandbox } from '../../sandbox/server.js';
import type { TenantData } from '../../sandbox/tenant/tenant.js';
import { addSecret } from '../redact.js';
import { newRunTag } from './run-tag.js';
import type { Target } from './target.js';

export interface SandboxTargetOptions {
  drift?: string;
  answers?: AnswerShape; // the sandbox's default (the current pages' abridged answers) when absent
  data?: TenantData;
}

export async function startSandboxTarget(options: SandboxTargetOptions = {}): Promise<Target> {
  const sandbox = await startSandbox({ port: 0, faults: true, drift: options.drift, answers: options.answers, data: options.data });
  const { seed } = sandbox;
  const named = [options.drift && `drift ${options.drift}`, options.answers && `answers ${options.answers}`].filter(Boolean).join(', ');
  return {
    name: named ? `sandbox (${named})` : 'sandbox',
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
