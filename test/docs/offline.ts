/**
 * Runs a build with no network at all, where the system allows it: in a new user and network namespace
 * (`unshare -rn`, util-linux), which has only a loopback interface. `npm run docs` and `npm run postman` must work so.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

function canUnshare(): boolean {
  try {
    execFileSync('unshare', ['-rn', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether builds run without a network here; when false, they run with the machine's network (and say so). */
export const OFFLINE = canUnshare();
export const NO_UNSHARE = 'unshare -rn is not permitted here: the build ran with the network, so "needs no network" is not shown';

/** `node --import tsx <script> ...args` in `cwd`, inside a network namespace of its own when OFFLINE. */
export function runScriptOffline(script: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const node = [process.execPath, '--import', 'tsx', script, ...args];
  const [command, ...rest] = OFFLINE ? ['unshare', '-rn', ...node] : node;
  return promisify(execFile)(command!, rest, { cwd });
}

/** True when a process inside the namespace cannot reach a server listening on this machine's 127.0.0.1. */
export async function namespaceIsIsolated(): Promise<boolean> {
  const { createServer } = await import('node:http');
  const server = createServer((_, res) => res.end('reached'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const probe = `fetch('http://127.0.0.1:${port}/').then(() => process.exit(0), () => process.exit(3))`;
  try {
    await promisify(execFile)('unshare', ['-rn', process.execPath, '-e', probe], { timeout: 10_000 });
    return false; // it got through
  } catch (error) {
    return (error as { code?: number }).code === 3;
  } finally {
    server.close();
  }
}
