/**
 * The Prism mock of the bundled contract on a free loopback port, for the docs and Postman tests.
 * (startPrism reports the port it was given, so port 0 cannot be passed through: ask the OS for a free one first.)
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startPrism, type RunningPrism } from '../../scripts/lib/prism.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address == 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the mock before the enclosing suite and stops it after; returns a getter for its base URL. */
export function useMock(): () => string {
  let prism: RunningPrism | undefined;
  beforeAll(async () => {
    prism = await startPrism({ port: await freePort() });
  }, 60_000);
  afterAll(() => prism?.close());
  return () => {
    if (!prism) throw new Error('the Prism mock is not running');
    return prism.url;
  };
}
