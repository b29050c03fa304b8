/**
 * Starts Prism (mock or validating proxy) of the bundled contract as a child process and resolves once it listens.
 * Shared by `npm run mock`, `npm run proxy` and the tests that need a Prism server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

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

export function startPrism(options: PrismOptions): Promise<RunningPrism> {
  const host = options.host ?? '127.0.0.1';
  const mode = options.mode ?? 'mock';
  const args = [mode, options.spec ?? BUNDLE];
  if (mode === 'proxy') {
    if (!options.upstream) throw new Error('startPrism: proxy mode needs an upstream URL');
    args.push(options.upstream);
  }
  args.push('-h', host, '-p', String(options.port));
  if (options.errors) args.push('--errors');

  const child = spawn(join('node_modules', '.bin', 'prism'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`Prism did not start within ${options.readyTimeoutMs ?? 15000} ms:\n${output}`));
    }, options.readyTimeoutMs ?? 15000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split('\n')) if (line.trim()) options.log?.(line);
      const listening = /Prism is listening on (http:\/\/\S+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        // Prism prints the address it bound, which is the only way to learn the port when asked for port 0.
        resolve({ url: listening[1]!.replace(/\/$/, ''), process: child, close });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (code ${code}) before listening:\n${output}`));
    });
  });
}
