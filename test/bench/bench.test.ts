/**
 * The bench's own logic, without running a benchmark: verdicts, the operation tables (an entry that the SDK or the
 * sandbox would refuse fails here, not after minutes of `npm run bench`), and the chunk graph behind the sizes.
 */
import { describe, expect, it } from 'vitest';
import { describeBundle, partOf, type Chunk } from '../../bench/chunks.js';
import { check, target } from '../../bench/harness.js';
import { locate, pathOf, sandboxOperations, sandboxScale, sdkArguments, sdkOperations } from '../../bench/operations.js';
import { startSandbox } from '../../sandbox/server.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { createKoreClient } from '../../src/index.js';

describe('targets', () => {
  it('says PASS, or by how much and what share of the limit a figure misses', () => {
    expect(target('speed', 0.95, '>=', 0.93, 'x', 3)).toMatchObject({ ok: true, verdict: 'PASS', measured: '0.95x' });
    expect(target('speed', 0.912, '>=', 0.93, 'x', 3)).toMatchObject({ ok: false, verdict: 'MISS by 0.018x (1.9%)' });
    expect(target('size', 7543, '<=', 7500, ' B', 0, 'min')).toMatchObject({ ok: false, measured: '7,543 B (min)', verdict: 'MISS by 43 B (0.6%)' });
    expect(target('size', 7500, '<=', 7500, ' B', 0).ok).toBe(true);
    expect(check('all 2xx', false, '3 non-2xx')).toMatchObject({ ok: false, verdict: 'MISS: 3 non-2xx' });
  });
});

describe('operations', () => {
  it('locates an operation in the contract, and refuses one it lacks by name', () => {
    const op = locate('createTask');
    expect(op).toMatchObject({
      method: 'post',
      template: '/caseManagement/api/public/analytics/{streamId}/createTask',
      bodySchema: 'CreateTaskRequest',
    });
    expect(op.answer).toHaveProperty('refId');
    expect(() => locate('getNothing')).toThrow(/no operation getNothing/);
  });

  it('fills path parameters (encoded) and the query, and names a missing parameter', () => {
    expect(pathOf('/a/{streamId}/b', { streamId: 'st 1/x' }, { page: '2' })).toBe('/a/st%201%2Fx/b?page=2');
    expect(() => pathOf('/a/{caseId}', {})).toThrow(/caseId/);
  });

  it('every SDK entry is an SDK method that accepts its request (validated), sends it to its path and resolves to the stubbed answer', async () => {
    expect(sdkOperations.map((o) => o.operation).sort()).toEqual(['createCase', 'createTask', 'getCases', 'getTasks', 'updateCase', 'updateTask']);
    for (const { operation, request } of sdkOperations) {
      const { answer, template } = locate(operation);
      const sent: Request[] = [];
      const fetch = async (r: RequestInfo | URL) => (
        sent.push(r as Request),
        new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } })
      );
      const streamId = 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx';
      const sdk = createKoreClient({ streamId, jwt: 'a.b.c', fetch, accountId: request.accountId }) as unknown as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      expect(typeof sdk[operation], operation).toBe('function');
      await expect(sdk[operation]!(...sdkArguments(template, request))).resolves.toEqual(answer);
      expect(new URL(sent[0]!.url).pathname, operation).toBe(pathOf(template, { streamId, ...request.path }));
      expect(await sent[0]!.json(), operation).toEqual(request.body);
    }
  });

  it('the sandbox table holds createTask, and getTasks on 10,000 tasks; the scale entry holds the limits of the scale target', () => {
    expect(sandboxOperations.map((o) => o.operation)).toEqual(['createTask', 'getTasks']);
    expect(sandboxOperations.find((o) => o.operation == 'getTasks')).toMatchObject({ tasks: 10_000 });
    expect(sandboxScale).toMatchObject({ operation: 'getTasks', sizes: [1_000, 100_000], p50LimitMs: 20, growthLimit: 5 });
  });

  it('every sandbox entry is answered 2xx by the sandbox', async () => {
    const sandbox = await startSandbox();
    try {
      const { seed } = sandbox;
      const auth = await mintToken({ clientId: seed.clientId, clientSecret: seed.clientSecret, expiresInSeconds: 60 });
      for (const op of sandboxOperations) {
        const { method, template } = locate(op.operation);
        const request = op.request(seed);
        const response = await fetch(sandbox.url + pathOf(template, { streamId: seed.streamId, ...request.path }, request.query), {
          method,
          headers: { auth, 'content-type': 'application/json', ...(request.accountId ? { accountId: request.accountId } : {}) },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        expect(response.status, `${op.operation}: ${await response.text()}`).toBeLessThan(300);
      }
    } finally {
      await sandbox.close();
    }
  });
});

describe('chunk graph', () => {
  const chunk = (file: string, bytes: number, modules: string[], imports: string[] = [], entry = false): Chunk => ({
    file,
    code: new Uint8Array(bytes),
    entry,
    imports,
    modules,
  });
  // an app as Vite builds it from dist/: the entry, two answer schema chunks, and jose's signer
  const app = [
    chunk('index.js', 1000, ['main.js', 'dist/index.js'], [], true),
    chunk('webapi.js', 5000, ['node_modules/jose/dist/webapi/jwt/sign.js', 'node_modules/jose/dist/webapi/lib/key.js']),
    chunk('createTask-response.js', 30, ['/abs/dist/chunks/createTask-response-BD2A4YL2.js']),
    chunk('getTasks-response.js', 40, ['/abs/dist/chunks/getTasks-response-VAN6MVTF.js'], ['shared.js']),
    chunk('shared.js', 7, ['dist/chunks/chunk-42F5TX3M.js']),
  ];

  it('names each lazy chunk, and counts what a first call loads: the entry and the named parts with their imports', () => {
    const jwt = describeBundle(app, []);
    expect(jwt.entry).toMatchObject({ minified: 1000, files: 1 });
    expect(jwt.lazy.map((l) => l.name)).toEqual([
      'jose',
      'schema-data:createTask-response',
      'schema-data:getTasks-response',
      'shared by schema-data:getTasks-response',
    ]);
    expect(jwt.lazy.find((l) => l.name == 'schema-data:getTasks-response')?.when).toMatch(/first getTasks answer .*answer schema/);
    expect(jwt.firstCall).toMatchObject({ minified: 1000, files: 1 });
    expect(jwt.jose).toMatchObject({ minified: 5000, loadedFirst: false });
    const minting = describeBundle(app, ['jose']);
    expect(minting.firstCall).toMatchObject({ minified: 6000, files: 2 });
    expect(minting.jose?.loadedFirst).toBe(true);
    // a part's static imports come with it
    expect(describeBundle(app, ['schema-data:getTasks-response']).firstCall).toMatchObject({ minified: 1047, files: 3 });
  });

  it('names a lazy part by its schema module or its dist/ chunk, and only parts the SDK has', () => {
    expect(partOf('schema-data:updateTask-response')).toBe('schema-data:updateTask-response');
    expect(partOf('/x/dist/chunks/createCase-response-AN36K2W6.js')).toBe('schema-data:createCase-response');
    expect(partOf('schema-data:deleteTask-response')).toBeUndefined();
    expect(partOf('schema-data:createTask-request')).toBeUndefined();
    expect(partOf('dist/chunks/chunk-42F5TX3M.js')).toBeUndefined();
    expect(partOf('src/client.ts')).toBeUndefined();
  });

  it('refuses a first-call part the bundle does not hold, rather than count it as nothing', () => {
    expect(() =>
      describeBundle(
        app.filter((c) => c.file != 'webapi.js'),
        ['jose'],
      ),
    ).toThrow(/no chunk holds jose/);
  });
});
