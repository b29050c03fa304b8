/**
 * The request samples published in the docs (docs/samples/) are run, not just shown: each one is executed as
 * written (only its import is pointed at this checkout) against the Prism mock of the contract, which validates
 * every request; the TypeScript ones are also type-checked, and their error branches exercised against a stub.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMock } from './mock.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'docs/samples/createTask');

/** The imports a reader would write, pointed at this checkout's SDK sources and generated client. */
const IMPORTS: Record<string, [string, string]> = {
  'sdk.ts': ["from 'kore-create-task'", `from '${join(ROOT, 'src/index.js')}'`],
  'openapi-generator.ts': ["from './generated/openapi-generator-client'", `from '${join(ROOT, 'generated/openapi-generator-client')}'`],
};

const ENV = {
  KORE_STREAM_ID: 'st-084d3c5e-376a-559f-9987-a012bb2b51c7',
  KORE_ACCOUNT_ID: '6639f7bd58c97ffac03b7e21',
  KORE_CLIENT_ID: 'cs-00000000-0000-0000-0000-000000000000',
  KORE_CLIENT_SECRET: 'docs-sample-test-secret',
  KORE_JWT: 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl',
};

let work: string;
const runnable = (name: string) => join(work, name);

beforeAll(() => {
  // Inside the checkout (.tmp/ is ignored) so that TypeScript finds this project's node_modules and tsconfig.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'docs-samples-'));
  for (const [name, [from, to]] of Object.entries(IMPORTS)) {
    const source = readFileSync(join(SAMPLES, name), 'utf8');
    expect(source, `${name} imports ${from}`).toContain(from);
    writeFileSync(runnable(name), source.replace(from, to));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(command: string, args: string[], baseUrl: string): Promise<Run> {
  const env = { ...process.env, ...ENV, KORE_BASE_URL: baseUrl };
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { env, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const runTs = (name: string, baseUrl: string) => run(process.execPath, ['--import', 'tsx', runnable(name)], baseUrl);

describe('docs samples against the Prism mock (which validates every request)', () => {
  const mockUrl = useMock();

  it('SDK sample creates the task', async () => {
    const result = await runTs('sdk.ts', mockUrl());
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^created ti-[0-9a-f-]+ \(TS\d+\), status Open$/);
    expect(result.code).toBe(0);
  });

  it('openapi-generator sample creates the task', async () => {
    const result = await runTs('openapi-generator.ts', mockUrl());
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toMatch(/^created ti-[0-9a-f-]+ \(TS\d+\), status Open$/);
    expect(result.code).toBe(0);
  });

  it('curl sample creates the task', async () => {
    const result = await run('bash', [join(SAMPLES, 'curl.sh')], mockUrl());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ _id: expect.stringMatching(/^ti-/), caseRefId: 'CS000131' });
  });
});

describe('docs samples, error branches (a stub answering with the platform error envelope)', () => {
  let stub: Server;
  let status = 400;
  let url = '';
  beforeAll(async () => {
    stub = createServer((req, res) => {
      req.resume();
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
      res.end(JSON.stringify({ errors: [{ msg: `stub says ${status}`, code: 4000 + status }] }));
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const address = stub.address();
    url = `http://127.0.0.1:${typeof address == 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => stub.close(() => resolve())));

  it.each([
    [400, 'rejected: stub says 400'],
    [401, "check the app's credentials and scope: stub says 401"],
    [429, 'rate limited; retry after 0 s'],
  ])('SDK sample on %i prints its message and exits 1', async (code, message) => {
    status = code;
    const result = await runTs('sdk.ts', url);
    expect(result.stderr.trim()).toBe(message);
    expect(result.code).toBe(1);
  });

  it('openapi-generator sample on 400 prints the platform message and exits 1', async () => {
    status = 400;
    const result = await runTs('openapi-generator.ts', url);
    expect(result.stderr.trim()).toBe('HTTP 400: stub says 400');
    expect(result.code).toBe(1);
  });
});

describe('docs samples type-check (strict, the project tsconfig)', () => {
  it('compiles both TypeScript samples', async () => {
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: ['*.ts'] }));
    const result = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')], '');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);
});
