/**
 * The `mock` target: Prism mocking generated/openapi.json on an ephemeral port, started and stopped by the suite, or
 * one already running at `url` (left running). Prism checks that `auth` is present but not what it holds, answers the
 * contract's examples and keeps no state.
 */
import { startMock } from '../../scripts/lib/mock-server.js';
import { sampleAccountId, sampleStreamId, specOf } from '../spec.js';
import type { Target } from './target.js';

const sampleRequest = specOf('createTask').sampleRequest;

export interface MockTargetOptions {
  mockUrl?: string;
}

export async function startMockTarget(options: MockTargetOptions = {}): Promise<Target> {
  const prism = options.mockUrl ? { url: options.mockUrl, close: async () => {} } : await startMock({ port: 0 });
  return {
    name: 'mock',
    baseUrl: prism.url,
    streamId: sampleStreamId,
    accountId: sampleAccountId,
    fixtures: {
      caseId: sampleRequest.caseId,
      caseRefId: sampleRequest.caseRefId,
      taskTemplateId: sampleRequest.taskTmp,
      userId: sampleRequest.userInfo._id,
      caseTemplateId: specOf('createCase').sampleRequest.caseTmp,
    },
    // Any non-empty value passes the mock; this one is not a secret.
    credentials: { kind: 'jwt', jwt: 'mock-accepts-any-token' },
    stateful: false,
    verifiesTokens: false,
    // Prism picks the documented response for a status on request.
    rateLimitSwitch: { prefer: 'code=429' },
    close: () => prism.close(),
  };
}
