/**
 * Starts a server as a child process and resolves with group 1 of the first output line matching `ready`. A child
 * that exits or stays silent past the timeout rejects with what it printed; none outlives this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcessOptions {
  ready: RegExp;
  name: string; // for messages: "Prism", "sandbox", …
  cwd?: string;
  env?: NodeJS.ProcessEnv; // added to this process's environment
  log?: (line: string) => void;
  timeoutMs?: number; // default 60 s: Prism takes 15 s and more to start on a loaded 2-core machine
}

export interface ServerProcess {
  announced: string; // group 1 of `ready`, e.g. the URL
  process: ChildProcess;
  close(): Promise<void>; // SIGTERM (SIGKILL 5 s later if need be), resolved on exit
}

const KILL_AFTER_MS = 5_000;
const running = new Set<ChildProcess>();
// 'exit' handlers must be synchronous: kill() is. This process is going away whatever happens, so a server still
// running here (the parent crashed, or exited without close()) is killed outright: a SIGTERM it is slow to act on
// would leave it orphaned, holding its port.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function spawnServer(command: string, args: string[], o: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(command, args, { cwd: o.cwd, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const timeoutMs = o.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`${o.name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) o.log?.(line);
      if (started) return;
      output += text;
      const announced = o.ready.exec(output)?.[1];
      if (announced) {
        started = true;
        output = '';
        clearTimeout(timer);
        resolve({ announced, process: child, close });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${o.name} could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${o.name} exited (code ${code}) before listening:\n${output}`));
    });
  });
}
