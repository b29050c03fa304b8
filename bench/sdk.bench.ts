/**
 * Each operation of the SDK table over one stubbed fetch (client overhead only), the SDK as built: raw fetch, bare
 * openapi-fetch, the SDK (validation off, on) and the openapi-generator client, interleaved in rounds; ratios per round.
 */
import createClient from 'openapi-fetch';
import { existsSync } from 'node:fs';
import type { paths } from '../generated/schema.js';
import { buildSdk } from '../scripts/build-sdk.js';
import type { KoreClient } from '../src/index.js';
import { target, type BenchSection } from './harness.js';
import { locate, pathOf, sdkArguments, sdkOperations, type BenchOperation, type LocatedOperation } from './operations.js';

const offTarget = 0.9;
const onTarget = 0.8;
const baseUrl = 'https://platform.kore.ai';
const streamId = 'st-084d3c5e-376a-559f-9987-a012bb2bxxxx';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1IiwiYXBwSWQiOiJjcy0xIn0.c2lnbmF0dXJl';
const rounds = Number(process.env.BENCH_ROUNDS ?? 81);

type Contestant = { name: string; run: () => Promise<unknown> };
type Sdk = (options: Parameters<typeof import('../src/index.js').createKoreClient>[0]) => KoreClient;

/** The one stub every contestant of an operation calls: it reads the body (as a server would) and answers the contract's sample. */
const stubAnswering = (answer: unknown) => {
  const json = JSON.stringify(answer);
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (input instanceof Request) await input.text();
    else void init?.body;
    return new Response(json, { status: 200, headers: { 'content-type': 'application/json' } });
  };
};

/** The generator renames `_id` to `id` and takes a date-time as a Date in its models: it is given the same data, in its own shape. */
const generatorShape = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(generatorShape)
    : typeof value == 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)
      ? new Date(value)
      : value && typeof value == 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k == '_id' ? 'id' : k, generatorShape(v)]))
        : value;

/** A class the openapi-generator client exports: an API (one method per operation) or its Configuration. */
type GeneratedClass = new (options: object) => Record<string, unknown>;

async function generatorContestant(op: BenchOperation, located: LocatedOperation, stub: typeof fetch): Promise<Contestant | string> {
  const index = new URL('../generated/openapi-generator-client/index.ts', import.meta.url);
  if (!existsSync(index)) return 'generated/openapi-generator-client is absent (run npm run generate)';
  const gen: Record<string, GeneratedClass> = await import(index.href);
  const Api = Object.values(gen).find((c) => typeof c == 'function' && typeof c.prototype?.[op.operation] == 'function');
  if (!Api || !gen.Configuration) return `the generated client has no ${op.operation}`;
  const api = new Api(new gen.Configuration({ basePath: baseUrl, fetchApi: stub, apiKey: () => jwt }));
  const method = api[op.operation] as (args: object) => Promise<unknown>;
  const { body, path, query, accountId } = op.request;
  const bodyParam = located.bodySchema && located.bodySchema[0]!.toLowerCase() + located.bodySchema.slice(1);
  const args = { streamId, ...path, ...query, ...(accountId ? { accountId } : {}), ...(bodyParam ? { [bodyParam]: generatorShape(body) } : {}) };
  return { name: 'openapi-generator (typescript-fetch)', run: () => method.call(api, args) };
}

async function contestants(op: BenchOperation, createKoreClient: Sdk): Promise<{ list: Contestant[]; notes: string[] }> {
  const located = locate(op.operation);
  const stub = stubAnswering(located.answer);
  const { body, path, query, accountId } = op.request;
  const header = accountId ? { accountId } : undefined;
  const params = { path: { streamId, ...path }, query, header };
  const url = baseUrl + pathOf(located.template, params.path, query);
  const method = located.method.toUpperCase();
  const bare = createClient<paths>({ baseUrl, fetch: stub, headers: { auth: jwt } }) as unknown as Record<
    string,
    (...a: unknown[]) => Promise<unknown>
  >;
  // the SDK is given the account as a client would be, once; the others send the same header on every call
  const sdk = (validateRequests: boolean) =>
    createKoreClient({ streamId, jwt, fetch: stub, validateRequests, accountId }) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const [sdkOff, sdkOn] = [sdk(false), sdk(true)];
  const args = sdkArguments(located.template, op.request);
  const list: Contestant[] = [
    {
      name: 'raw fetch (floor)',
      run: async () =>
        (
          await stub(url, {
            method,
            headers: { auth: jwt, 'content-type': 'application/json', ...header },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
        ).json(),
    },
    { name: 'bare openapi-fetch', run: () => bare[method]!(located.template, { params, body }) },
    { name: 'SDK, validation off', run: () => sdkOff[op.operation]!(...args) },
    { name: 'SDK, validation on (default)', run: () => sdkOn[op.operation]!(...args) },
  ];
  const gen = await generatorContestant(op, located, stub);
  if (typeof gen == 'string') return { list, notes: [gen] };
  return { list: [...list, gen], notes: [] };
}

/**
 * Ops/s of each contestant, and of each its ratio to `baseline` measured round by round: on a shared machine the
 * load changes between rounds, so a ratio of two figures taken in the same round is far steadier than a ratio of
 * two medians. Rounds alternate the order of the contestants.
 */
async function measure(list: Contestant[], baseline: string, perRound = 600) {
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
  return new Map([...opsPerSecond].map(([name, xs]) => [name, { ops: median(xs), ratio: median(xs.map((x, i) => x / base[i]!)) }]));
}

export default async function sdkBench(): Promise<BenchSection> {
  // The SDK as shipped (src/dist/, built now), not src/ through tsx, whose keepNames wrapping slows every closure.
  await buildSdk();
  const { createKoreClient } = (await import(new URL('../src/dist/index.js', import.meta.url).href)) as typeof import('../src/index.js');
  const rows: BenchSection['rows'] = [];
  const targets: BenchSection['targets'] = [];
  for (const op of sdkOperations) {
    const { list, notes } = await contestants(op, createKoreClient);
    const measured = await measure(list, 'bare openapi-fetch');
    for (const [name, m] of measured)
      rows.push({
        operation: op.operation,
        contestant: name,
        'ops/s': Math.round(m.ops),
        'x bare openapi-fetch': Number(m.ratio.toFixed(3)),
        'µs/op': Number((1e6 / m.ops).toFixed(2)),
      });
    for (const note of notes) rows.push({ operation: op.operation, contestant: 'openapi-generator (typescript-fetch)', 'ops/s': note });
    const off = measured.get('SDK, validation off')!;
    const on = measured.get('SDK, validation on (default)')!;
    const cost = `${((1 - on.ratio / off.ratio) * 100).toFixed(1)}% fewer ops/s (${(1e6 / on.ops - 1e6 / off.ops).toFixed(2)} µs/op)`;
    rows.push({ operation: op.operation, contestant: 'cost of request validation', 'ops/s': cost });
    targets.push(
      target(
        `${op.operation}: SDK (validation off) >= ${offTarget}x bare openapi-fetch`,
        off.ratio,
        '>=',
        offTarget,
        'x',
        3,
        'median of per-round ratios',
      ),
      target(
        `${op.operation}: SDK (validation on, the default) >= ${onTarget}x bare openapi-fetch`,
        on.ratio,
        '>=',
        onTarget,
        'x',
        3,
        'median of per-round ratios',
      ),
    );
  }
  return { title: `SDK: each operation over a stubbed fetch (${rounds} rounds)`, rows, targets };
}
