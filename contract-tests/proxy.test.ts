/**
 * `npm run proxy` (contract-tests/proxy.ts, run as a process) in front of a drifted sandbox reports the drift in
 * `sl-violations`, and in front of a healthy one reports nothing; without KORE_BASE_URL it refuses to start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { validBase } from './bodies.js';
import { readEvidence } from './learn/evidence.js';
import { mintJwt } from './tokens.js';
import { scratchDir } from '../test/helpers/run-scratch.js';

interface Proxy {
  url: string;
  child: ChildProcess;
}

/** `tsx contract-tests/proxy.ts` as `npm run proxy` runs it, minus the tsx binary's extra parent process (its CPU). */
const node = process.execPath;
const proxyArgs = (...args: string[]) => ['--import', 'tsx', 'contract-tests/proxy.ts', ...args];

/** Every proxy child started, ready or not: all are stopped after the file (it shares its worker). */
const children: ChildProcess[] = [];

async function startProxy(upstream: string, ...args: string[]): Promise<Proxy> {
  const child = spawn(node, proxyArgs(...args), { env: { ...process.env, KORE_BASE_URL: upstream, PORT: '0' } });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const listening = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`proxy exited (${code}):\n${output}`))));
  });
  return { url, child };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

let drifted: RunningSandbox;
let healthy: RunningSandbox;
let proxies: Proxy[] = [];
const har = join(scratchDir('proxy-har-'), 'recorded.har');

beforeAll(async () => {
  [drifted, healthy] = await Promise.all([startSandbox({ drift: 'wrong-type' }), startSandbox()]);
  proxies = await Promise.all([startProxy(drifted.url), startProxy(healthy.url, '--record', har)]);
}, 30_000);

afterAll(async () => {
  await Promise.all([...children.map(stop), drifted?.close(), healthy?.close()]);
});

async function createThrough(proxy: Proxy, sandbox: RunningSandbox): Promise<Response> {
  const { seed } = sandbox;
  const token = await mintJwt({ kind: 'app', clientId: seed.clientId, clientSecret: seed.clientSecret, sub: seed.userId });
  return fetch(`${proxy.url}/caseManagement/api/public/analytics/${seed.streamId}/createTask`, {
    method: 'POST',
    headers: { auth: token, 'content-type': 'application/json' },
    body: JSON.stringify(validBase({ caseId: seed.caseId, caseRefId: seed.caseRefId, taskTemplateId: seed.taskTemplateId, userId: seed.userId })),
  });
}

describe('npm run proxy (Prism proxy validating live traffic)', () => {
  it('lists the drifted field of the answer in sl-violations', async () => {
    const res = await createThrough(proxies[0]!, drifted);
    expect(res.status).toBe(200);
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as { location: string[]; message: string }[];
    expect(violations.some((v) => v.location.includes('timestampValue') && v.location[0] === 'response')).toBe(true);
  });

  it('--help prints the usage and exits 0 (no KORE_BASE_URL needed)', () => {
    const { KORE_BASE_URL: _unset, ...env } = process.env;
    const run = spawnSync(node, proxyArgs('--help'), { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('usage: KORE_BASE_URL=');
    expect(run.stdout).toContain('--errors');
  });

  it('refuses to start without KORE_BASE_URL, saying what to set', () => {
    const { KORE_BASE_URL: _unset, ...env } = process.env;
    const run = spawnSync(node, proxyArgs(), { env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('set KORE_BASE_URL');
  });

  it('reports nothing for a healthy answer', async () => {
    const res = await createThrough(proxies[1]!, healthy);
    expect(res.status).toBe(200);
    expect(res.headers.get('sl-violations')).toBeNull();
  });

  it('--record writes each exchange to a HAR file that npm run learn reads, with the token nowhere in it', async () => {
    const before = readEvidence(har).length;
    const token = await mintJwt({ kind: 'app', clientId: healthy.seed.clientId, clientSecret: healthy.seed.clientSecret, sub: healthy.seed.userId });
    const echoed = await fetch(`${proxies[1]!.url}/caseManagement/api/public/analytics/${healthy.seed.streamId}/getTasks`, {
      method: 'POST',
      headers: { auth: token, accountId: healthy.seed.accountId, 'content-type': 'application/json' },
      body: JSON.stringify({ name: token }), // a server may echo what it is sent: the token must not reach the file
    });
    expect(echoed.status).toBeLessThan(500);
    const file = readFileSync(har, 'utf8');
    const entries = JSON.parse(file).log.entries as { request: { url: string; headers: { name: string; value: string }[] } }[];
    expect(entries.at(-1)!.request.url).toBe(`${healthy.url}/caseManagement/api/public/analytics/${healthy.seed.streamId}/getTasks`);
    expect(entries.at(-1)!.request.headers).toContainEqual({ name: 'auth', value: '[redacted]' });
    expect(file).not.toContain(token);
    expect(file).not.toContain(token.split('.')[2]!);
    const observations = readEvidence(har);
    expect(observations.length).toBe(before + 1);
    expect(observations.at(-1)).toMatchObject({ operation: 'getTasks', status: echoed.status, source: 'recorded.har' });
  });
});
