/**
 * createTask over the same stubbed fetch (no network: this measures client overhead only), in one run, with
 * the SDK as built by `npm run build` (dist/index.js):
 *   raw fetch (floor) · bare openapi-fetch · the SDK (validation off / on) · the openapi-generator client.
 * Contestants run interleaved in rounds; ratios are taken within each round and their median reported.
 * Also the SDK entry's bundle size: esbuild --minify of src/index.ts with openapi-fetch included, module by module;
 * the chunks reached only through import() (request and response validation, failure handling, token minting; jose
 * is external) are reported apart, each with when it is loaded.
 * Targets: SDK (validation off) >= 0.95 x bare openapi-fetch; SDK entry <= 10 kB minified.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import createClient from 'openapi-fetch';
import spec from '../generated/openapi.json';
import type { paths } from '../generated/schema.js';
import { buildSdk, sharedOptions } from '../scripts/build-sdk.js';
import type { CreateTaskRequest } from '../src/index.js';
import type { BenchSection } from './harness.js';

const baseUrl = 'https://platform.kore.ai';
const streamId = 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1IiwiYXBwSWQiOiJjcy0xIn0.c2lnbmF0dXJl';
const body = spec.components.examples.CreateTaskSeedSample.value as CreateTaskRequest;
const taskJson = JSON.stringify(spec.components.examples.TaskSeedSample.value);
const path = '/caseManagement/api/public/analytics/{streamId}/createTask' as const;
const url = `${baseUrl}/caseManagement/api/public/analytics/${streamId}/createTask`;

// The one stub every contestant calls: it reads the body (as a server would) and answers the seed's task.
const stubFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  if (input instanceof Request) await input.text();
  else void init?.body;
  return new Response(taskJson, { status: 200, headers: { 'content-type': 'application/json' } });
};

type Contestant = { name: string; run: () => Promise<unknown> };

async function generatorContestant(): Promise<Contestant | string> {
  const index = new URL('../generated/openapi-generator-client/index.ts', import.meta.url);
  if (!existsSync(index)) return 'generated/openapi-generator-client is absent (run npm run generate)';
  const gen = await import(index.href);
  const api = new gen.TasksApi(new gen.Configuration({ basePath: baseUrl, fetchApi: stubFetch, apiKey: () => jwt }));
  // the generator renames `_id` to `id` in its models; it is given the same user, in its own shape
  const createTaskRequest = { ...body, userInfo: { id: body.userInfo._id, name: body.userInfo.name, emailId: body.userInfo.emailId } };
  return { name: 'openapi-generator (typescript-fetch)', run: () => api.createTask({ streamId, createTaskRequest }) };
}

async function contestants(): Promise<{ list: Contestant[]; notes: string[] }> {
  // The SDK as shipped (dist/, built now), not src/ through tsx, whose keepNames wrapping slows every closure.
  await buildSdk();
  const { createKoreClient } = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
  const bare = createClient<paths>({ baseUrl, fetch: stubFetch, headers: { auth: jwt } });
  const sdkOff = createKoreClient({ streamId, jwt, fetch: stubFetch, validateRequests: false });
  const sdkOn = createKoreClient({ streamId, jwt, fetch: stubFetch });
  const list: Contestant[] = [
    {
      name: 'raw fetch (floor)',
      run: async () =>
        (await stubFetch(url, { method: 'POST', headers: { auth: jwt, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json(),
    },
    { name: 'bare openapi-fetch', run: () => bare.POST(path, { params: { path: { streamId } }, body }) },
    { name: 'SDK, validation off', run: () => sdkOff.createTask(body) },
    { name: 'SDK, validation on (default)', run: () => sdkOn.createTask(body) },
  ];
  const gen = await generatorContestant();
  const notes: string[] = [];
  if (typeof gen == 'string') notes.push(gen);
  else list.push(gen);
  return { list, notes };
}

/**
 * Ops/s of each contestant, and of each its ratio to `baseline` measured round by round: on a shared machine the
 * load changes between rounds, so a ratio of two figures taken in the same round is far steadier than a ratio of
 * two medians. Rounds alternate the order of the contestants.
 */
async function measure(list: Contestant[], baseline: string, rounds = 81, perRound = 600) {
  const opsPerSecond = new Map(list.map((c) => [c.name, [] as number[]]));
  for (const c of list) for (let i = 0; i < 1000; i++) await c.run(); // warm-up: JIT
  for (let r = 0; r < rounds; r++) {
    for (const c of r % 2 ? [...list].reverse() : list) {
      const start = performance.now();
      for (let i = 0; i < perRound; i++) await c.run();
      opsPerSecond.get(c.name)!.push(perRound / ((performance.now() - start) / 1000));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = opsPerSecond.get(baseline)!;
  return new Map(
    [...opsPerSecond].map(([name, xs]) => [name, { ops: median(xs), ratio: median(xs.map((x, i) => x / base[i]!)) }]),
  );
}

// When each lazily loaded chunk is fetched (keyed by the source module that names it); anything else counts as entry.
const loadedWhen: Record<string, string> = {
  'src/validate-request.ts': 'first createTask call with validateRequests on (the default)',
  'src/validate-response.ts': 'first answer read with validateResponses: true',
  'src/schema-check.ts': 'first use of either validator (shared by both)',
  'src/failures.ts': 'first failed attempt (error mapping, retry decisions, redaction), first request id that is not plain, or creation of a client given a logger',
  'src/mint.ts': 'first request of a client given clientId/clientSecret',
  'src/paginate.ts': 'first getCases.all / getTasks.all loop',
  'src/redact.ts': 'first load of failure handling or of minting (shared by both): the redactor',
};
// sdksize: each operation's request and response schema is a chunk of its own (scripts/build-sdk.ts: schemaDataPlugin)
for (const [which, label] of [['request', 'call with validateRequests on'], ['response', 'answer read with validateResponses: true']])
  for (const op of Object.values(spec.paths).flatMap((item) => Object.values(item).flatMap((o: { operationId?: string }) => o.operationId ?? [])))
    loadedWhen[`schema-data:${op}-${which}`] = `first ${op} ${label} (its ${which} schema)`;

/**
 * Minified sizes of the SDK entry (with every chunk it imports statically) and of its lazily loaded chunks, from
 * esbuild's metafile. A chunk counts as lazy only when it is reached through import() alone; each is labelled
 * with when it is loaded, and the bytes a first default call loads (entry + request validation) are reported too.
 */
export async function bundleSizes() {
  const result = await build({
    ...sharedOptions,
    format: 'esm',
    splitting: true,
    minify: true,
    write: false,
    outdir: '/bundle',
    external: ['jose'],
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  // metafile paths are relative to the working directory; outputFiles paths are absolute
  const file = (p: string) => result.outputFiles.find((f) => f.path == resolve(p))!.contents;
  const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint == 'src/index.ts')!;
  const staticImports = (p: string): string[] =>
    outputs[p]!.imports.filter((i) => i.kind == 'import-statement' && !i.external).flatMap((i) => [i.path, ...staticImports(i.path)]);
  const entryFiles = [...new Set([entry, ...staticImports(entry)])];
  const size = (files: string[]) => {
    const bytes = Buffer.concat(files.map(file));
    return { minified: bytes.length, gzip: gzipSync(bytes).length };
  };
  const lazy = Object.keys(outputs)
    .filter((p) => !entryFiles.includes(p))
    .map((p) => {
      const module = Object.keys(outputs[p]!.inputs).find((i) => i in loadedWhen);
      if (!module) throw new Error(`bundle: ${p} is neither in the entry nor a known lazy chunk: label it in loadedWhen`);
      const files = [p, ...staticImports(p).filter((f) => !entryFiles.includes(f))];
      return { module, path: p, when: loadedWhen[module]!, ...size([p]), withDeps: files };
    });
  const modules = Object.entries(outputs[entry]!.inputs)
    .concat(entryFiles.slice(1).flatMap((f) => Object.entries(outputs[f]!.inputs)))
    .map(([name, { bytesInOutput }]) => ({ name, bytes: bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  // what `createKoreClient({ jwt, ... }).createTask(body)` loads: the entry, then the request validator and its deps
  const validator = lazy.find((l) => l.module == 'src/validate-request.ts')!;
  const schema = lazy.find((l) => l.module == 'schema-data:createTask-request')!; // sdksize: createTask's schema alone
  const firstCall = size([...entryFiles, ...validator.withDeps, ...schema.withDeps]);
  return { entry: size(entryFiles), modules, lazy, firstCall };
}

export default async function sdkBench(): Promise<BenchSection> {
  const { list, notes } = await contestants();
  const measured = await measure(list, 'bare openapi-fetch');
  const off = measured.get('SDK, validation off')!;
  const on = measured.get('SDK, validation on (default)')!;
  const rows: BenchSection['rows'] = [...measured].map(([name, m]) => ({
    contestant: name,
    'ops/s': Math.round(m.ops),
    'x bare openapi-fetch': Number(m.ratio.toFixed(3)),
    'µs/op': Number((1e6 / m.ops).toFixed(2)),
  }));
  for (const note of notes) rows.push({ contestant: 'openapi-generator (typescript-fetch)', 'ops/s': note });
  const sizes = await bundleSizes();
  const size = sizes.entry;
  rows.push({ contestant: 'bundle: SDK entry (openapi-fetch included; static imports only)', 'min bytes': size.minified, 'gzip bytes': size.gzip });
  for (const m of sizes.modules) rows.push({ contestant: `bundle:   in the entry: ${m.name}`, 'min bytes': m.bytes });
  for (const l of sizes.lazy)
    rows.push({ contestant: `bundle: lazy chunk ${l.module} (loaded on the ${l.when})`, 'min bytes': l.minified, 'gzip bytes': l.gzip });
  rows.push({
    contestant: 'bundle: loaded by a first default createTask (entry + request validation chunks)',
    'min bytes': sizes.firstCall.minified,
    'gzip bytes': sizes.firstCall.gzip,
  });
  rows.push({ contestant: 'bundle: jose', 'min bytes': 'external: imported lazily, only for clientId/clientSecret' });
  const validationCost = ((1 - on.ratio / off.ratio) * 100).toFixed(1);
  rows.push({ contestant: 'cost of request validation', 'ops/s': `${validationCost}% fewer ops/s (${(1e6 / on.ops - 1e6 / off.ops).toFixed(2)} µs/op)` });
  return {
    title: 'SDK: createTask over a stubbed fetch, and bundle size',
    rows,
    targets: [
      { name: 'SDK (validation off) >= 0.95 x bare openapi-fetch', ok: off.ratio >= 0.95, measured: `${off.ratio.toFixed(3)}x (median of per-round ratios)` },
      { name: 'SDK entry <= 10 kB (10,000 B) minified (openapi-fetch included)', ok: size.minified <= 10_000, measured: `${size.minified} B min, ${size.gzip} B gzip` },
    ],
  };
}
