/** The mock users get (Prism behind the front of scripts/lib/mock-server.ts) on an ephemeral port, for the docs and Postman tests. */
import { afterAll, beforeAll } from 'vitest';
import { startMock, type RunningMock } from '../../scripts/lib/mock-server.js';

/** Starts the mock before the enclosing suite and stops it after; returns a getter for its base URL. */
export function useMock(): () => string {
  let prism: RunningMock | undefined;
  beforeAll(async () => {
    prism = await startMock({ port: 0 });
  }, 60_000);
  afterAll(() => prism?.close());
  return () => {
    if (!prism) throw new Error('the Prism mock is not running');
    return prism.url;
  };
}
