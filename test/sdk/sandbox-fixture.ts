/** The reference sandbox (with fault injection) for a test file: started on an ephemeral port, faults cleared per test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';

export function useSandbox() {
  const at: { sb: RunningSandbox } = {} as { sb: RunningSandbox };
  beforeAll(async () => {
    at.sb = await startSandbox({ faults: true, port: 0 });
  });
  afterAll(() => at.sb.close());
  beforeEach(() => fetch(`${at.sb.url}/__sandbox/faults`, { method: 'DELETE' }));
  return {
    get sb() {
      return at.sb;
    },
    /** Client options for the sandbox's stream, minting tokens with the dev app's credentials. */
    appOptions: () => ({
      baseUrl: at.sb.url,
      streamId: at.sb.seed.streamId,
      clientId: at.sb.seed.clientId,
      clientSecret: at.sb.seed.clientSecret,
      jwtSubject: at.sb.seed.userId,
    }),
    /** `{status, tasks, cases, …}` of /__sandbox/health. */
    health: async (): Promise<{ tasks: number; cases: number }> => (await fetch(`${at.sb.url}/__sandbox/health`)).json(),
    /** Arms `fault` for the next `count` requests. */
    arm: (fault: string, count: number) =>
      fetch(`${at.sb.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fault, count }),
      }),
  };
}
