/**
 * A HAR file that Chromium records of traffic to a tenant teaches `learn` what a suite report of the same traffic
 * does: the same requests, sent once from a page in Chromium (recorded with Playwright's recordHar, as "Save all
 * as HAR" exports it) and once from Node through the suite's recording fetch, against the sandbox's tenant-dialect
 * mode, give the same proposals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server.js';
import { launchPackagedChromium } from '../test/helpers/chromium.js';
import { validBase } from './bodies.js';
import { readEvidence } from './learn/evidence.js';
import { learn, overlayOf } from './learn/learn.js';
import { recordingFetch } from './record.js';
import { mintJwt } from './tokens.js';
import type { Exchange } from './types.js';

interface Step {
  operation: 'createTask' | 'getTasks';
  body: string;
  headers: Record<string, string>;
}

let dir: string;
let sandbox: RunningSandbox;
let page: Server;
let steps: Step[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'learn-har-'));
  sandbox = await startSandbox({ drift: 'tenant-dialect' });
  const { seed } = sandbox;
  const token = await mintJwt({ kind: 'app', clientId: seed.clientId, clientSecret: seed.clientSecret, sub: seed.userId });
  const valid = JSON.stringify(
    validBase({ caseId: seed.caseId, caseRefId: seed.caseRefId, taskTemplateId: seed.taskTemplateId, userId: seed.userId }),
  );
  const json = { 'content-type': 'application/json' };
  steps = [
    ...[1, 2, 3].map(() => ({ operation: 'createTask' as const, body: valid, headers: { ...json, auth: token } })),
    { operation: 'createTask', body: '{}', headers: { ...json, auth: token } },
    { operation: 'createTask', body: valid, headers: json },
    { operation: 'getTasks', body: '{"limit":5}', headers: { ...json, auth: token, accountId: seed.accountId } },
  ];
  // the page the browser calls from: a local origin, which the sandbox answers CORS requests of
  page = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tenant traffic</title>'));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await sandbox?.close();
  page?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pathOf = (s: Step) => `/caseManagement/api/public/analytics/${sandbox.seed.streamId}/${s.operation}`;
const proposalsOf = (file: string) =>
  learn(readEvidence(file))
    .map((p) => `${p.kind}: ${p.summary}`)
    .sort();

it('Chromium records the traffic as HAR, and learn proposes from it what it proposes from a suite report of the same traffic', async () => {
  // Node, through the suite's recording fetch: a report's exchanges
  const exchanges: Exchange[] = [];
  for (const s of steps) {
    const send = recordingFetch(
      (x) => exchanges.push(x),
      { operation: s.operation, probe: s.operation, intent: 'accept', via: 'fetch' },
      s.headers.auth ? 'valid token' : 'no token',
    );
    await send(`${sandbox.url}${pathOf(s)}`, { method: 'POST', headers: s.headers, body: s.body });
  }
  const report = join(dir, 'contract-sandbox.json');
  writeFileSync(report, JSON.stringify({ startedAt: new Date().toISOString(), exchanges }));

  // Chromium, from a page: the HAR a user exports
  const har = join(dir, 'tenant.har');
  const browser = await launchPackagedChromium();
  try {
    const context = await browser.newContext({ recordHar: { path: har, content: 'embed' } });
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
    const statuses = await tab.evaluate(
      async ({ base, requests }) => {
        const out: number[] = [];
        for (const r of requests) {
          const res = await fetch(base + r.path, { method: 'POST', headers: r.headers, body: r.body });
          await res.text(); // an app reads what it asked for (the HAR keeps the bodies of answers that were read)
          out.push(res.status);
        }
        return out;
      },
      { base: sandbox.url, requests: steps.map((s) => ({ path: pathOf(s), headers: s.headers, body: s.body })) },
    );
    expect(statuses).toEqual(exchanges.map((x) => x.response?.status));
    await context.close(); // writes the HAR
  } finally {
    await browser.close();
  }

  const fromReport = proposalsOf(report);
  expect(fromReport.length).toBeGreaterThan(3);
  expect(fromReport.join('\n')).toMatch(/status: createTask answered 201/);
  expect(proposalsOf(har)).toEqual(fromReport);
  // a browser's HAR holds the token in every request's headers: none of it reaches the overlay
  const token = steps[0]!.headers.auth!;
  const overlay = JSON.stringify(overlayOf(learn(readEvidence(har)), { title: 't', version: '1', sources: ['tenant.har'] }));
  for (const part of [token, ...token.split('.')]) expect(overlay).not.toContain(part);
}, 120_000);
