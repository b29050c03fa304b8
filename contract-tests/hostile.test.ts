/**
 * Hostile servers, through the live target path (KORE_* variables pointing at them, as users run it): a redirect
 * to another host, a server that reflects the token, one that never answers, one that trickles its body, a huge
 * body, and garbage. For each, the suite ends in bounded time with clear verdicts, writes its reports, and no
 * token appears in any output (console, JUnit, Markdown, JSON) in any form a reader could recover. Short timeouts
 * keep the file quick; the defaults are measured by hand (CONTRIBUTING.md: the contract suite).
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli-run.js';
import { mintJwt } from './tokens.js';

let token: string;
let signature: string;
const servers: Server[] = [];
const dirs: string[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

const http = (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
  listen(
    createHttpServer((req, res) => {
      res.on('error', () => {}); // the suite hangs up on purpose (timeouts, body cap)
      handler(req, res);
    }),
  );

/** The token in each form a careless server might echo it. */
const echoes = () => [
  token,
  token.replace(/\./g, '%2E'),
  [...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
  token.match(/.{1,11}/g)!.join(' '),
  `signature ${signature}`,
];

/** Whatever a reader could recover from a text: percent-encoding decoded, whitespace and + dropped. */
const recoverable = (text: string) => decodeURIComponent(text.replace(/%(?![0-9a-f]{2})/gi, '%25')).replace(/[\s+]/g, '');

async function runAgainst(baseUrl: string, extra: Record<string, string> = {}): Promise<CliRun & { files: Record<string, string> }> {
  const reports = mkdtempSync(join(tmpdir(), 'contract-hostile-'));
  dirs.push(reports);
  const run = await runCli(['--target', 'live', '--reports', reports], {
    KORE_BASE_URL: baseUrl,
    KORE_STREAM_ID: 'st-084d3c5e-376a-559f-9987-a012bb2b1234',
    KORE_CASE_ID: 'ci-31d9184-d64d-42d9-8c75-5edba5311234',
    KORE_CASE_REF_ID: 'CS000131',
    KORE_TASK_TEMPLATE_ID: 'ttm-16623a9-c63c-4bda-b1e4-147549391234',
    KORE_CASE_TEMPLATE_ID: 'ctm-d4e6152-4255-4c5c-ba6c-91dac5cd1234',
    KORE_USER_ID: 'u-fd371c0a-3168-5a02-83dd-f4ba55971234',
    KORE_JWT: token,
    CONTRACT_PBT_RUNS: '2',
    CONTRACT_REQUEST_TIMEOUT_MS: '400',
    CONTRACT_DEADLINE_MS: '15000',
    CONTRACT_RATE_PER_MINUTE: '60000', // not paced here: the pace has its own test (live.test.ts)
    ...extra,
  });
  const files = Object.fromEntries(readdirSync(reports).map((f) => [f, readFileSync(join(reports, f), 'utf8')]));
  return { ...run, files };
}

/** What every hostile run must show: exit 1 in bounded time, reports written, verdicts given, no token anywhere. */
async function runContained(baseUrl: string, boundMs: number, extra: Record<string, string> = {}) {
  const run = await runAgainst(baseUrl, extra);
  expect(run.code, run.output).toBe(1); // breaking, and not 134 (out of memory) or a hang
  expect(run.ms, run.output).toBeLessThan(boundMs);
  expect(Object.keys(run.files).sort()).toEqual(['contract-live.json', 'contract-live.xml', 'contract-summary.md']);
  expect(run.output).toMatch(/\d+ passed, \d+ failed \(breaking\)/);
  for (const [name, text] of Object.entries({ console: run.output, ...run.files })) {
    expect(recoverable(text), `${name} shows the token`).not.toContain(signature);
    expect(text, name).not.toMatch(/eyJ[\w-]+\.eyJ/);
  }
  return run;
}

beforeAll(async () => {
  token = await mintJwt({ kind: 'app', clientId: 'cs-hostile', clientSecret: 'a-secret-for-the-hostile-test' });
  signature = token.split('.')[2]!;
});
afterAll(() => {
  for (const s of servers) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('hostile servers (live target path)', () => {
  it.each([307, 302])(
    'a %i redirect to another server: that server receives nothing, the 3xx is judged as the answer',
    async (status) => {
      let reached = 0;
      const other = createTcpServer((socket) => {
        reached += 1;
        socket.destroy();
      });
      const elsewhere = await listen(other);
      const base = await http((req, res) => {
        req.resume();
        res.writeHead(status, { location: `${elsewhere}/steal?token=${encodeURIComponent(token)}` }).end();
      });
      const run = await runContained(base, 30_000);
      expect(reached).toBe(0);
      expect(run.output).toMatch(
        new RegExp(
          `FAIL {2}positive_data_acceptance[\\s\\S]*valid input refused with ${status} \\(a redirect to ${elsewhere}/steal\\?token=\\[redacted\\], not followed\\)`,
        ),
      );
    },
    40_000,
  );

  it('a server reflecting the token in its body, headers and x-request-id', async () => {
    const base = await http((req, res) => {
      req.resume();
      const all = echoes();
      res
        .writeHead(401, { 'content-type': `text/plain; echo=${encodeURIComponent(all[3]!)}`, 'x-request-id': token, 'x-echo': all[1]! })
        .end(JSON.stringify({ errors: all.map((msg) => ({ msg: `bad token: ${msg}`, code: 4002 })) }));
    });
    const run = await runContained(base, 30_000);
    expect(run.output).toContain('[redacted]');
  }, 40_000);

  it('a server that never answers: requests time out, the target is declared unresponsive, the rest is not run', async () => {
    const base = await http(() => {});
    const run = await runContained(base, 20_000);
    expect(run.output).toContain('no complete answer within 400 ms');
    expect(run.output).toContain('target unresponsive: 3 requests in a row got no answer');
    expect(run.output).toMatch(/SKIP {2}property_based/);
  }, 30_000);

  it('a server that trickles its body a byte at a time', async () => {
    const base = await http((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const run = await runContained(base, 20_000);
    expect(run.output).toContain('no complete answer within 400 ms');
  }, 30_000);

  it('a 100 MB body streamed lazily: read up to the cap, never buffered whole', async () => {
    const total = 100 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let largestSent = 0;
    const base = await http((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(total + 8) });
      let sent = 0;
      const body = new Readable({
        read() {
          if (sent >= total) return void this.push(null);
          sent += chunk.length;
          largestSent = Math.max(largestSent, sent);
          this.push(sent === chunk.length ? Buffer.concat([Buffer.from('{"a":"'), chunk.subarray(6)]) : chunk);
        },
      });
      body.pipe(res);
      res.on('close', () => body.destroy());
    });
    const run = await runContained(base, 40_000, { CONTRACT_REQUEST_TIMEOUT_MS: '5000', CONTRACT_DEADLINE_MS: '25000' });
    expect(run.output).toContain('body over 1048576 bytes');
    expect(largestSent).toBeLessThan(total / 4);
  }, 50_000);

  it('garbage that is not HTTP', async () => {
    const base = await listen(createTcpServer((socket) => socket.end(Buffer.from('\u0000\u00ff garbage, not HTTP \r\n\r\n'))));
    const run = await runContained(base, 20_000);
    expect(run.output).toContain('target unresponsive');
  }, 30_000);

  it('HTTP whose 200 body is not JSON', async () => {
    const base = await http((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not json</html>');
    });
    const run = await runContained(base, 30_000);
    expect(run.output).toMatch(/FAIL {2}response_schema_conformance[\s\S]*\(body\): status 200 body is not JSON/);
  }, 40_000);
});
