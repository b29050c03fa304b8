/**
 * Property, against both stores (memory and `--db` SQLite): whatever body, headers and path ids the six operations
 * get, they answer below 500, every 4xx in the error envelope; the process keeps answering; and the stored data is
 * intact afterwards (the other account's tasks unchanged, every task within its bound, the task count moved by the
 * creates answered 200, and with --db the same data after a restart).
 *
 * Bodies start from a valid one and replace any field, nested ones included, or add a key every object inherits,
 * with a hostile value: any JSON, prototype keys, numbers past what a Date or a safe integer holds, values nested up
 * to 100,000 deep, long arrays, wrong types. A fixed seed and a few seconds by default;
 *   SANDBOX_FUZZ_RUNS=970 npx vitest run test/sandbox/hostile-fuzz.test.ts
 * sends about 5,800 requests per store (runs per operation) and prints the count (SANDBOX_FUZZ_SEED for another seed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounds } from '../../sandbox/operations/bounds.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { callOp, devToken, SEED, storedTasks, validBody, validCaseBody, withSandbox } from './helpers.js';

const runs = Number(process.env.SANDBOX_FUZZ_RUNS ?? 80);
const seed = Number(process.env.SANDBOX_FUZZ_SEED ?? 20261207);
const long = process.env.SANDBOX_FUZZ_RUNS !== undefined;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inheritedKeys = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

/** Hostile values as JSON text (text, so a value 100,000 deep never has to exist as an object here). */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 3 },
  { arbitrary: fc.constantFrom(...inheritedKeys).map((k) => JSON.stringify(k)), weight: 2 },
  { arbitrary: fc.constantFrom(...inheritedKeys).map((k) => `{${JSON.stringify(k)}:"asc"}`), weight: 2 },
  {
    arbitrary: fc
      .constantFrom(8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -1, -0, 0.5, 1e308, -1e308)
      .map((n) => (Object.is(n, -0) ? '-0' : JSON.stringify(n))),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(['[', ']', ''], ['{"a":', '}', '1'], ['{"name":', '}', '5']))
      .map(([n, [open, close, inner]]) => open.repeat(n) + inner + close.repeat(n)),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 30_000 }), fc.constantFrom('"Default Queue"', '{"name":"Default Queue"}', '"\\u0001\\u0001"', '{"name":5}'))
      .map(([n, item]) => `[${Array(n).fill(item).join(',')}]`),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '[{"name":5}]',
      '[{"_id":{}}]',
      '{"agentId":5}',
      '{"_id":[1]}',
      '{"name":null}',
      '[null]',
      '[[]]',
      '{}',
      '[]',
      '""',
      'null',
      'true',
    ),
    weight: 2,
  },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into `value` (objects and arrays), and, for each object, a key every object inherits below it. */
function pathsOf(value: Json, at: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const children = Array.isArray(value)
    ? value.map((v, i) => pathsOf(v, [...at, String(i)])).flat()
    : Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]));
  const inherited = Array.isArray(value) ? [] : inheritedKeys.map((k) => [...at, k]);
  return [...(at.length > 0 ? [at] : []), ...children, ...inherited];
}

/** `value` as JSON text with the values at the given paths replaced by (or added as) the given texts. */
function render(value: Json | undefined, changes: Map<string, string | undefined>, at: string[] = []): string | undefined {
  const here = at.join('\u0000');
  if (changes.has(here)) return changes.get(here);
  if (typeof value !== 'object' || value === null) return value === undefined ? undefined : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v, i) => render(v, changes, [...at, String(i)]) ?? 'null').join(',')}]`;
  const added = [...changes.keys()]
    .map((k) => k.split('\u0000'))
    .filter((p) => p.length === at.length + 1 && p.slice(0, -1).join('\u0000') === here)
    .map((p) => p.at(-1)!);
  const keys = [...new Set([...Object.keys(value), ...added])];
  const entries = keys.flatMap((k) => {
    const text = render(value[k], changes, [...at, k]);
    return text === undefined ? [] : [`${JSON.stringify(k)}:${text}`];
  });
  return `{${entries.join(',')}}`;
}

/** A body: the valid one with a few paths replaced, added or removed; sometimes a hostile value as the whole body. */
function bodyArb(base: Json): fc.Arbitrary<string> {
  const paths = pathsOf(base);
  const change = fc.tuple(fc.constantFrom(...paths), fc.option(hostileText, { nil: undefined, freq: 6 }));
  return fc.oneof(
    {
      arbitrary: fc.array(change, { minLength: 1, maxLength: 4 }).map((cs) => render(base, new Map(cs.map(([p, t]) => [p.join('\u0000'), t])))!),
      weight: 9,
    },
    { arbitrary: hostileText, weight: 1 },
  );
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

interface Headers_ {
  auth?: string;
  accountId?: string;
  contentType?: string;
}

function headersArb(token: string, accountId: string): fc.Arbitrary<Headers_> {
  return fc.record({
    auth: fc.oneof(
      { arbitrary: fc.constant(token), weight: 12 },
      {
        arbitrary: fc.constantFrom(
          undefined,
          `Bearer ${token}`,
          `${token}=`,
          `${token}.x`,
          token.split('.').slice(0, 2).join('.'),
          'e30.e30.',
          'constructor',
        ),
        weight: 2,
      },
      { arbitrary: printable, weight: 1 },
    ),
    accountId: fc.oneof(
      { arbitrary: fc.constant(accountId), weight: 12 },
      { arbitrary: fc.constantFrom(undefined, SEED.otherAccountId, '__proto__', `${accountId}, ${SEED.otherAccountId}`), weight: 2 },
      { arbitrary: printable, weight: 1 },
    ),
    contentType: fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 12 },
      { arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/json;charset=UTF-8', 'application/jsonx', ''), weight: 2 },
    ),
  });
}

/** A path id: mostly the real one, else anything (encoded as a client would, or not). */
function idArb(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(real), weight: 6 },
    { arbitrary: fc.string({ maxLength: 80 }).map(encodeURIComponent), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        '%',
        '%E0%A4%A',
        '..%2F..%2Fetc',
        'ti-' + 'a'.repeat(5000),
        encodeURIComponent(real + '\u0000'),
      ),
      weight: 2,
    },
  );
}

interface Exchange {
  status: number;
  text: string;
}

async function post(sb: RunningSandbox, streamId: string, op: string, body: string, h: Headers_): Promise<Exchange> {
  const headers: Record<string, string> = {};
  if (h.auth !== undefined) headers.auth = h.auth;
  if (h.accountId !== undefined) headers.accountId = h.accountId;
  if (h.contentType !== undefined) headers['content-type'] = h.contentType;
  const response = await fetch(`${sb.url}/caseManagement/api/public/analytics/${streamId}/${op}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

/** Below 500; a 4xx in the envelope; a 200 whose body is JSON. Returns what failed, or undefined. */
function verdict({ status, text }: Exchange): string | undefined {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  let json: { errors?: { msg?: unknown; code?: unknown }[] };
  try {
    json = JSON.parse(text);
  } catch {
    return `status ${status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  if (status >= 400) {
    const errors = json.errors;
    if (!Array.isArray(errors) || errors.length === 0 || !errors.every((e) => typeof e.msg === 'string' && Number.isInteger(e.code)))
      return `status ${status} outside the envelope: ${text.slice(0, 200)}`;
  }
  return undefined;
}

/** What must hold after the run: every stream's tasks and the cases, as stored. */
async function snapshot(sb: RunningSandbox, tokens: { own: string; other: string }) {
  const tasksOf = async (streamId: string, auth: string) =>
    (await (await storedTasks(sb, {}, { auth, streamId })).json()).tasks as Record<string, unknown>[];
  const cases = async (streamId: string, auth: string) => {
    const all = [];
    for (let skip = 0; ; skip += 50) {
      const page = await callOp(
        sb,
        'getCases',
        { skip, limit: 50, sortBy: { createdAt: 'asc' } },
        { auth, streamId, accountId: streamId === SEED.streamId ? sb.seed.accountId : SEED.otherAccountId },
      );
      expect(page.status, page.text.slice(0, 200)).toBe(200);
      all.push(...page.json.results);
      if (!page.json.hasMore) return all;
    }
  };
  return {
    own: await tasksOf(SEED.streamId, tokens.own),
    other: await tasksOf(SEED.otherStreamId, tokens.other),
    ownCases: await cases(SEED.streamId, tokens.own),
    otherCases: await cases(SEED.otherStreamId, tokens.other),
  };
}

describe.each([
  ['memory', () => ({})],
  ['SQLite (--db)', () => ({ db: join(dir, 'fuzz.db') })],
])('hostile requests to the six operations, %s store', (label, options) => {
  let sb: RunningSandbox;
  let token = '';
  let otherToken = '';
  let taskId = '';
  beforeAll(async () => {
    sb = await withSandbox(options());
    token = await devToken(sb);
    otherToken = await mintToken({ clientId: SEED.otherAppClientId, clientSecret: SEED.otherAppSecret });
    taskId = (await callOp(sb, 'createTask', validBody(sb), { auth: token })).json._id;
    // the other account's data, which nothing in the run may change
    const other = { ...validBody(sb), caseId: SEED.otherStreamCaseId, caseRefId: SEED.otherStreamCaseRefId, taskTmp: SEED.otherStreamTemplateId };
    for (let i = 0; i < 3; i++)
      expect((await callOp(sb, 'createTask', other, { auth: otherToken, streamId: SEED.otherStreamId, accountId: null })).status).toBe(200);
  });
  afterAll(() => sb?.close());

  it(
    `never a 5xx, always the envelope, the process alive and the data intact (${runs} runs per operation, seed ${seed})`,
    async () => {
      const before = await snapshot(sb, { own: token, other: otherToken });
      const operations: [string, Json, () => string][] = [
        ['createCase', validCaseBody(sb) as Json, () => ''],
        [
          'getCases',
          { searchText: '', status: ['Open'], sortBy: { createdAt: 'desc' }, skip: 0, limit: 10, dueDate: '2026-01-01', queues: [], mycase: false },
          () => '',
        ],
        [
          'updateCase',
          {
            name: 'n',
            desc: '',
            status: { name: 'Open' },
            priority: { name: 'High' },
            dueDate: 1,
            ETA: '',
            queues: [{ name: 'Default Queue' }],
            currAssignee: { aId: SEED.agentId },
            tags: ['a'],
            channel: ['rtm'],
            isActive: true,
          },
          () => SEED.caseId,
        ],
        ['createTask', validBody(sb) as Json, () => ''],
        [
          'getTasks',
          {
            searchText: '',
            priority: ['Critical'],
            sortBy: 'name',
            skip: 0,
            limit: 10,
            endDate: '2030-01-01T00:00:00Z',
            agents: [],
            channel: ['rtm'],
            unassigned: true,
          },
          () => '',
        ],
        [
          'updateTask',
          {
            name: 'n',
            status: { name: 'Open' },
            priority: { _id: 'pr-x' },
            dueDate: 1767225600000,
            ETA: '2026-01-01T00:00:00.000Z',
            queues: ['Default Queue'],
            currAssignee: { agentId: SEED.agentId },
            tags: [],
            desc: 'd',
          },
          () => taskId,
        ],
      ];
      let sent = 0;
      let created = 0;
      const failures: string[] = [];
      for (const [index, [op, base, realId]] of operations.entries()) {
        const withId = realId() !== '';
        const request = fc.record({
          body: bodyArb(base),
          headers: headersArb(token, sb.seed.accountId),
          id: withId ? idArb(realId()) : fc.constant(''),
          streamId: fc.oneof(
            { arbitrary: fc.constant(SEED.streamId), weight: 20 },
            { arbitrary: fc.constantFrom(SEED.otherStreamId, '__proto__', 'constructor', '%', 'st-x'), weight: 1 },
          ),
        });
        // fc.check, not fc.assert: a counterexample 100,000 levels deep is reported by its first characters only
        const run = await fc.check(
          fc.asyncProperty(request, async ({ body, headers, id, streamId }) => {
            const exchange = await post(sb, streamId, withId ? `${op}/${id}` : op, body, headers);
            sent++;
            if (op === 'createTask' && exchange.status === 200) created++;
            const wrong = verdict(exchange);
            if (wrong)
              failures.push(
                `${op} ${streamId}/${id.slice(0, 60)}: ${wrong}\n  headers: ${JSON.stringify({ ...headers, auth: headers.auth === token ? 'valid' : headers.auth?.slice(-12) })}\n  body: ${body.slice(0, 300)}`,
              );
            return wrong === undefined;
          }),
          { numRuns: runs, seed: seed + index, endOnFailure: true },
        );
        if (run.failed && failures.length === 0) failures.push(`${op}: ${String(run.errorInstance).slice(0, 500)}`);
      }
      expect(failures).toEqual([]);
      expect((await fetch(`${sb.url}/__sandbox/health`)).status).toBe(200);

      const after = await snapshot(sb, { own: token, other: otherToken });
      expect(after.other).toEqual(before.other);
      expect(after.otherCases).toEqual(before.otherCases);
      expect(after.own.length).toBe(before.own.length + created);
      const largest = Math.max(...[...after.own, ...after.ownCases].map((r) => Buffer.byteLength(JSON.stringify({ ...r, taskIds: [] }))));
      expect(largest).toBeLessThanOrEqual(bounds.recordBytes);
      for (const op of ['getTasks', 'getCases']) expect((await callOp(sb, op, {}, { auth: token })).status).toBe(200);

      const db = (options() as { db?: string }).db;
      if (db) {
        await sb.close();
        sb = await withSandbox({ db });
        expect(await snapshot(sb, { own: token, other: otherToken })).toEqual(after);
      }
      if (long)
        console.log(
          `sandbox fuzz, ${label} store: ${failures.length} x 5xx or broken envelope over ${sent} requests (seed ${seed}, ${runs} runs per operation)`,
        );
    },
    long ? 3_600_000 : 60_000,
  );
});
