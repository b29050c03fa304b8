/**
 * Starts Prism (mock or validating proxy) of the bundled contract as a child process and resolves once it listens.
 * Shared by `npm run mock`, `npm run proxy` and the tests that need a Prism server.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { spawnServer } from './spawn-server.js';

export const BUNDLE = 'generated/openapi.json';

export interface PrismOptions {
  port: number;
  host?: string;
  /** `mock` serves the contract's examples; `proxy` forwards to `upstream` and validates both directions. */
  mode?: 'mock' | 'proxy';
  upstream?: string;
  /** Turn contract violations into error responses (proxy: 422 for a bad request, 500 for a bad response). */
  errors?: boolean;
  spec?: string;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface RunningPrism {
  url: string;
  process: ChildProcess;
  close(): Promise<void>;
}

export async function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const host = options.host ?? '127.0.0.1';
  const mode = options.mode ?? 'mock';
  const args = [mode, options.spec ?? BUNDLE];
  if (mode === 'proxy') {
    if (!options.upstream) throw new Error('startPrism: proxy mode needs an upstream URL');
    args.push(options.upstream);
  }
  args.push('-h', host, '-p', String(options.port));
  if (options.errors) args.push('--errors');

  // Prism prints the address it bound, which is the only way to learn the port when asked for port 0.
  const prism = await spawnServer(join('node_modules', '.bin', 'prism'), args, {
    name: 'Prism',
    ready: /Prism is listening on (http:\/\/\S+)/,
    log: options.log,
    timeoutMs: options.readyTimeoutMs,
  });
  return { url: prism.announced.replace(/\/$/, ''), process: prism.process, close: prism.close };
}
