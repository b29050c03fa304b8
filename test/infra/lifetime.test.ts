/**
 * `npm start` and `npm run sandbox` as CI runs them: `kill <npm pid>` (npm alone, not its process group) must free
 * the port and end every process npm started within 8 s; so must SIGTERM to the script's own node. Reads `ps`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEADLINE_MS = 8_000; // beyond the 5 s after which spawnServer's close() turns SIGTERM into SIGKILL

interface Server {
  name: string;
  npmArgs: string[];
  ready: RegExp; // group 1: the URL it listens on
  probe: (url: string) => Promise<number>; // a request it answers, and the status it must answer
  status: number;
}

const mock: Server = {
  name: 'npm start (the Prism mock)',
  npmArgs: ['start'],
  ready: /listening on (http:\/\/\S+)/,
  probe: async (url) => (await fetch(`${url}/caseManagement/api/public/analytics/st-1/createTask`, { method: 'POST' })).status,
  status: 401, // no auth header
};
const sandbox: Server = {
  name: 'npm run sandbox',
  npmArgs: ['run', 'sandbox', '--', '--quiet'],
  ready: /Reference sandbox: (http:\/\/\S+)/,
  probe: async (url) => (await fetch(`${url}/__sandbox/health`)).status,
  status: 200,
};

let started: ChildProcess | undefined;
afterEach(() => {
  // a failed test must not leave servers behind: npm leads its own process group (detached)
  try {
    if (started?.pid) process.kill(-started.pid, 'SIGKILL');
  } catch {
    // the group is gone: nothing was left behind
  }
  started = undefined;
});

async function start(server: Server): Promise<{ npm: ChildProcess; url: string }> {
  const npm = spawn('npm', server.npmArgs, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', NO_COLOR: '1' },
  });
  started = npm;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.name} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const found = server.ready.exec(output)?.[1];
      if (!found) return;
      clearTimeout(timer);
      resolve(found.replace(/\/$/, ''));
    };
    npm.stdout!.on('data', onData);
    npm.stderr!.on('data', onData);
    npm.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${server.name} exited (${code}):\n${output}`));
    });
  });
  npm.stdout!.resume();
  npm.stderr!.resume();
  return { npm, url };
}

/** Every process under `pid`, with its command line. */
function descendants(pid: number): { pid: number; args: string }[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const found: { pid: number; args: string }[] = [];
  const walk = (parent: number): void => {
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push(row);
      walk(row.pid);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0); // signal 0: only asks whether it exists
    return true;
  } catch {
    return false;
  }
};
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** Waits until the port can be bound again and none of `pids` runs; returns how long that took. */
async function waitStopped(port: number, pids: number[]): Promise<number> {
  const since = Date.now();
  while (Date.now() - since < DEADLINE_MS) {
    if ((await portFree(port)) && !pids.some(alive)) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  const left = pids.filter(alive).map((pid) => execFileSync('ps', ['-o', 'pid=,ppid=,stat=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  throw new Error(
    `after ${DEADLINE_MS} ms: port ${port} ${(await portFree(port)) ? 'free' : 'still held'}, still running:\n${left.join('\n') || 'none'}`,
  );
}

describe('killing what npm started stops the server and frees its port', () => {
  for (const server of [mock, sandbox]) {
    it(`${server.name}: SIGTERM to the npm process`, async () => {
      const { npm, url } = await start(server);
      expect(await server.probe(url)).toBe(server.status);
      const port = Number(new URL(url).port);
      const tree = descendants(npm.pid!).map((p) => p.pid);
      expect(tree.length).toBeGreaterThanOrEqual(2); // sh and node at least: the chain whose middle drops the signal
      expect(await portFree(port)).toBe(false);

      process.kill(npm.pid!, 'SIGTERM');
      await waitStopped(port, [npm.pid!, ...tree]);
    }, 60_000);
  }

  it(`${mock.name}: SIGTERM to the script's node process stops Prism, its child, too`, async () => {
    const { npm, url } = await start(mock);
    const tree = descendants(npm.pid!);
    const script = tree.find((p) => /^node .*--import tsx .*scripts\/mock\.ts/.test(p.args));
    expect(script, tree.map((p) => p.args).join('\n')).toBeDefined();
    expect(tree.some((p) => /prism mock/.test(p.args))).toBe(true);

    process.kill(script!.pid, 'SIGTERM');
    await waitStopped(Number(new URL(url).port), [npm.pid!, ...tree.map((p) => p.pid)]);
  }, 60_000);
});
