/** The Prism mock of the bundled contract on an ephemeral loopback port, for the docs and Postman tests. */
import { afterAll, beforeAll } from 'vitest';
import { startPrism, type RunningPrism } from '../../scripts/lib/prism.js';

/** Starts the mock before the enclosing suite and stops it after; returns a getter for its base URL. */
export function useMock(): () => string {
  let prism: RunningPrism | undefined;
  beforeAll(async () => {
    prism = await startPrism({ port: 0 });
  }, 60_000);
  afterAll(() => prism?.close());
  return () => {
    if (!prism) throw new Error('the Prism mock is not running');
    return prism.url;
  };
}
