/**
 * The `mock` target: Prism mocking generated/openapi.json on a free port, started and stopped by the suite.
 * Prism checks that `auth` is present but not what it holds, answers the contract's examples and keeps no state.
 */
import { createServer } from 'node:net';
import { startPrism } from '../../scripts/lib/prism.js';
import { sampleAccountId, sampleRequest, sampleStreamId } from '../spec.js';
import type { Target } from './target.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Prism on a port that was free a moment ago; another process may take it first, so try a few. */
async function startPrismOnFreePort(attempts = 3): Promise<Awaited<ReturnType<typeof startPrism>>> {
  for (let i = 1; ; i++) {
    try {
      return await startPrism({ port: await freePort() });
    } catch (error) {
      if (i >= attempts) throw error;
    }
  }
}

export async function startMockTarget(): Promise<Target> {
  const prism = await startPrismOnFreePort();
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
    },
    // Any non-empty value passes the mock; this one is not a secret.
    credentials: { kind: 'jwt', jwt: 'mock-accepts-any-token' },
    stateful: false,
    verifiesTokens: false,
    // Prism picks the documented response for a status on request.
    rateLimitSwitch: { prefer: 'code=429' },
    exemptProbes: {
      'malformed JSON': "Prism answers its own body ({\"error\":{\"code\":\"invalid_json\"}}) before the contract's 400 applies",
    },
    close: () => prism.close(),
  };
}
