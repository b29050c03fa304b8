/**
 * getTasks as the tenant grows (`sandboxScale`): a page of 50, newest first, one request at a time, on a sandbox in
 * memory and one with --db, each filled through its own createTask to each size in turn. Targets: p50 at the largest
 * size, and its growth from the smallest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../sandbox/tenant/token.js';
import { target, type BenchSection, type BenchTarget } from './harness.js';
import { sandboxScale } from './operations.js';
import { fillWithTasks, headersFor, seed, sentFor, startSandboxProcess, type Sent } from './sandbox-servers.js';

const warmUp = 50;
const samples = 300;

/** p50 and p99 of `samples` requests sent one after another, after checking the tenant holds `size` tasks. */
async function latency(origin: string, sent: Sent, token: string, size: number): Promise<{ p50: number; p99: number }> {
  const once = async () => {
    const started = performance.now();
    const answer = await fetch(origin + sent.path, { method: sent.method, headers: headersFor(sent, token), body: sent.body });
    const text = await answer.text();
    const took = performance.now() - started;
    if (!answer.ok) throw new Error(`bench: getTasks answered ${answer.status}: ${text.slice(0, 200)}`);
    return { took, text };
  };
  const { totalResults } = JSON.parse((await once()).text) as { totalResults: number };
  if (totalResults !== size) throw new Error(`bench: the tenant was to hold ${size} tasks, getTasks answered totalResults ${totalResults}`);
  for (let i = 0; i < warmUp; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push((await once()).took);
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(samples / 2)]!, p99: times[Math.floor(samples * 0.99)]! };
}

/** One store: filled to each size in turn, measured at each; its rows and its two targets. */
async function measureStore(store: string, args: string[], token: string): Promise<Pick<BenchSection, 'rows' | 'targets'>> {
  const { sizes, p50LimitMs, growthLimit } = sandboxScale;
  const sent = sentFor(sandboxScale);
  const server = await startSandboxProcess(args);
  const rows: BenchSection['rows'] = [];
  const p50s: number[] = [];
  try {
    let held = 0;
    for (const size of sizes) {
      const started = performance.now();
      await fillWithTasks(server.origin, token, size - held);
      const filled = (performance.now() - started) / 1000;
      held = size;
      const { p50, p99 } = await latency(server.origin, sent, token, size);
      p50s.push(p50);
      rows.push({
        store,
        tasks: size,
        'p50 ms': Number(p50.toFixed(2)),
        'p99 ms': Number(p99.toFixed(2)),
        note: `${size - (sizes[sizes.indexOf(size) - 1] ?? 0)} tasks added through createTask in ${filled.toFixed(1)} s`,
      });
    }
  } finally {
    await server.stop();
  }
  const [first, last] = [p50s[0]!, p50s.at(-1)!];
  const [smallest, largest] = [sizes[0]!.toLocaleString('en-US'), sizes.at(-1)!.toLocaleString('en-US')];
  const targets: BenchTarget[] = [
    target(`getTasks p50 on ${largest} tasks, ${store}`, last, '<=', p50LimitMs, ' ms'),
    target(`getTasks p50 growth ${smallest} -> ${largest} tasks, ${store}`, last / first, '<=', growthLimit, 'x'),
  ];
  return { rows, targets };
}

export default async function sandboxScaleBench(): Promise<BenchSection> {
  const token = await mintToken({ clientId: seed.clientId, clientSecret: seed.clientSecret, expiresInSeconds: 3600 });
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-scale-'));
  try {
    const memory = await measureStore('memory', [], token);
    const persisted = await measureStore('--db SQLite', ['--db', join(dir, 'scale.db')], token);
    return {
      title: `Sandbox getTasks as the tenant grows (a page of 50, newest first, ${samples} requests one at a time after ${warmUp})`,
      rows: [...memory.rows, ...persisted.rows],
      targets: [...memory.targets, ...persisted.targets],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
