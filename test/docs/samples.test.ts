/**
 * The docs' request samples are run as written against the Prism mock and their error branches against a stub
 * (test/sdk/strict-consumer.test.ts type-checks the TypeScript ones against the packed SDK, strictest settings).
 * A sample for an SDK method not yet there is skipped, and fails under CI=true.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoreClient } from '../../src/index.js';
import { bundle, validatorFor } from '../helpers/contract.js';
import { useMock } from '../helpers/run-mock.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(ROOT, 'docs/samples');

/** The imports a reader would write, pointed at this checkout's SDK sources and generated client. */
const IMPORTS: Record<string, [string, string]> = {
  'sdk.ts': ["from 'kore-case-management'", `from '${join(ROOT, 'src/index.js')}'`],
  'openapi-generator.ts': ["from './generated/openapi-generator-client'", `from '${join(ROOT, 'generated/openapi-generator-client')}'`],
};

const ENV = {
  KORE_STREAM_ID: 'st-084d3c5e-376a-559f-9987-a012bb2b51c7',
  KORE_ACCOUNT_ID: '6639f7bd58c97ffac03b7e21',
  KORE_CLIENT_ID: 'cs-00000000-0000-0000-0000-000000000000',
  KORE_CLIENT_SECRET: 'docs-sample-test-secret',
  KORE_JWT: 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl',
};

/** Every operation of the contract, with its 200 body schema (what the curl sample must get back). */
const OPERATIONS = Object.values<{
  post: { operationId: string; responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
}>(bundle.paths).map(({ post: op }) => ({
  id: op.operationId,
  schema: op.responses['200']!.content['application/json']!.schema.$ref.split('/').at(-1)!,
}));

/** What each sample prints against the mock, which answers the contract's examples (ids of their shape). */
const ID = '[0-9a-f-]+';
const PRINTS: Record<string, { sdk: RegExp; generator: RegExp; notFound?: string }> = {
  createTask: {
    sdk: new RegExp(`^created ti-${ID} \\(TS\\d+\\), status Open$`),
    generator: new RegExp(`^created ti-${ID} \\(TS\\d+\\), status Open$`),
  },
  createCase: {
    sdk: new RegExp(`^created case ci-${ID} \\(CS\\d+\\), status Open$`),
    generator: new RegExp(`^created case ci-${ID} \\(CS\\d+\\), status Open$`),
  },
  getCases: { sdk: /^\d+ case\(s\) match(\nCS\d+ .+: \S+)+$/, generator: /^\d+ case\(s\) match; first CS\d+, hasMore (true|false)$/ },
  updateCase: {
    sdk: new RegExp(`^updated case ci-${ID} \\(CS\\d+\\): .+$`),
    generator: new RegExp(`^updated case ci-${ID} \\(CS\\d+\\): .+$`),
    notFound: 'no such case',
  },
  getTasks: {
    sdk: new RegExp(`^\\d+ task\\(s\\), hasMore (true|false)(\\nti-${ID} in CS\\d+: .+)+$`),
    generator: new RegExp(`^(ti-${ID} in CS\\d+: .+\\n)+page \\d+ of \\d+, hasMore (true|false)$`),
  },
  updateTask: { sdk: new RegExp(`^updated task ti-${ID}: .+$`), generator: new RegExp(`^updated task ti-${ID}: .+$`), notFound: 'no such task' },
};

/** The SDK method(s) a sample calls: `getTasks` and its `.all`. Missing ones keep the sample from running. */
function missingSdkMethods(id: string): string[] {
  const kore = createKoreClient({ streamId: ENV.KORE_STREAM_ID, jwt: ENV.KORE_JWT }) as unknown as Record<string, unknown>;
  const method = kore[id] as (((...args: unknown[]) => unknown) & { all?: unknown }) | undefined;
  if (typeof method != 'function') return [id];
  return /^get/.test(id) && typeof method.all != 'function' ? [`${id}.all`] : [];
}
const SDK_MISSING = new Map(OPERATIONS.map(({ id }) => [id, missingSdkMethods(id)]));
const notRun = (id: string) => `not run: the SDK has no ${SDK_MISSING.get(id)!.join(', ')} yet`;

let work: string;
const runnable = (id: string, name: string) => join(work, id, name);
/** The sample compiled to one ES module (its own code and this checkout's SDK; npm packages stay imports). */
const compiled = (id: string, name: string) => runnable(id, name.replace(/\.ts$/, '.mjs'));
const buildErrors = new Map<string, string>();

beforeAll(async () => {
  // Inside the checkout (.tmp/ is ignored) so that the samples' imports resolve to this project's node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.tmp', 'docs-samples-'));
  for (const { id } of OPERATIONS) {
    mkdirSync(join(work, id));
    for (const [name, [from, to]] of Object.entries(IMPORTS)) {
      const source = readFileSync(join(SAMPLES, id, name), 'utf8');
      expect(source, `${id}/${name} imports ${from}`).toContain(from);
      writeFileSync(runnable(id, name), source.replace(from, to));
    }
  }
  // Compiled once by esbuild (the transform tsx would apply on every start): each of the ~30 runs below is then a
  // plain `node` start instead of tsx's loader transforming the SDK's sources again. The SDK and the generated
  // client are modules of their own, which the samples import: Node still links every named import as it would
  // the sources (a sample importing what the SDK does not export fails at start). A sample that does not build
  // fails its own runs, with esbuild's message as its stderr.
  const options = { bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' } as const;
  const modules = Object.fromEntries(
    Object.entries(IMPORTS).map(([name, [, to]]) => [/'(.+)'/.exec(to)![1]!, join(work, `${basename(name, '.ts')}-module.mjs`)]),
  );
  await Promise.all(Object.entries(modules).map(([source, outfile]) => build({ ...options, entryPoints: [source], outfile })));
  const asModules: Plugin = {
    name: 'sdk-as-module',
    setup: (b) => b.onResolve({ filter: /.*/ }, ({ path }) => (modules[path] ? { path: modules[path], external: true } : undefined)),
  };
  await Promise.all(
    OPERATIONS.flatMap(({ id }) =>
      Object.keys(IMPORTS).map((name) =>
        build({ ...options, entryPoints: [runnable(id, name)], outfile: compiled(id, name), plugins: [asModules] }).catch((error: Error) =>
          buildErrors.set(compiled(id, name), error.message),
        ),
      ),
    ),
  );
}, 60_000);
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
async function runTs(id: string, name: string, baseUrl: string): Promise<Run> {
  const error = buildErrors.get(compiled(id, name));
  return error ? { code: -1, stdout: '', stderr: `${id}/${name} does not build: ${error}` } : run(process.execPath, [compiled(id, name)], baseUrl);
}

/** An SDK sample's test: skipped (and said why) while the SDK lacks its method; a failure in CI. */
function sdkIt(id: string, name: string, fn: () => Promise<void>, timeout?: number): void {
  const missing = SDK_MISSING.get(id)!;
  if (missing.length && !process.env.CI) return void it.skip(`${name} (${notRun(id)})`, fn);
  it(
    name,
    async () => {
      expect(missing, notRun(id)).toEqual([]);
      await fn();
    },
    timeout,
  );
}

it('every operation of the contract has its three samples, and no sample is for an unknown operation', () => {
  expect(OPERATIONS.map((o) => o.id).sort()).toEqual(Object.keys(PRINTS).sort());
  expect(readdirSync(SAMPLES).sort()).toEqual(OPERATIONS.map((o) => o.id).sort());
  for (const { id } of OPERATIONS) expect(readdirSync(join(SAMPLES, id)).sort(), id).toEqual(['curl.sh', 'openapi-generator.ts', 'sdk.ts']);
});

describe('docs samples against the Prism mock (which validates every request)', () => {
  const mockUrl = useMock();

  describe.each(OPERATIONS)('$id', ({ id, schema }) => {
    sdkIt(id, 'SDK sample succeeds', async () => {
      const result = await runTs(id, 'sdk.ts', mockUrl());
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toMatch(PRINTS[id]!.sdk);
      expect(result.code).toBe(0);
    });

    it('openapi-generator sample succeeds', async () => {
      const result = await runTs(id, 'openapi-generator.ts', mockUrl());
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toMatch(PRINTS[id]!.generator);
      expect(result.code).toBe(0);
    });

    it(`curl sample gets a 200 body of the contract's ${schema}`, async () => {
      const result = await run('bash', [join(SAMPLES, id, 'curl.sh')], mockUrl());
      expect(result.code).toBe(0);
      const validate = validatorFor(schema);
      expect(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors)).toBe(true);
    });
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

  const expectFailure = async (id: string, file: string, code: number, message: string) => {
    status = code;
    const result = await runTs(id, file, url);
    expect(result.stderr.trim()).toBe(message);
    expect(result.code).toBe(1);
  };

  it.each([
    [400, 'rejected: stub says 400'],
    [401, "check the app's credentials and scope: stub says 401"],
    [429, 'rate limited; retry after 0 s'],
  ])('createTask SDK sample on %i prints its message and exits 1', (code, message) => expectFailure('createTask', 'sdk.ts', code, message));

  for (const { id } of OPERATIONS.filter((o) => o.id != 'createTask')) {
    sdkIt(id, `${id} SDK sample on 400 prints the platform message and exits 1`, () => expectFailure(id, 'sdk.ts', 400, 'rejected: stub says 400'));
    const notFound = PRINTS[id]!.notFound;
    if (notFound) sdkIt(id, `${id} SDK sample on 404 says so and exits 1`, () => expectFailure(id, 'sdk.ts', 404, `${notFound}: stub says 404`));
  }

  it.each(OPERATIONS.map((o) => o.id))('%s openapi-generator sample on 400 prints the platform message and exits 1', (id) =>
    expectFailure(id, 'openapi-generator.ts', 400, 'HTTP 400: stub says 400'),
  );
});
