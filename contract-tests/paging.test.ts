/**
 * paging_conformance against a small in-memory list server: it passes a server that pages by skip/limit, fails
 * one that ignores skip (the first page every time, hasMore still true) and one whose last page says hasMore true,
 * naming the check, the operation and the field; it creates what the walk lacks, and is not run on the mock.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMemoryTarget, runCheck } from '../test/helpers/in-memory-target.js';
import type { Target } from './targets/target.js';

type Mode = 'pages' | 'ignores-skip' | 'hasMore-stuck' | 'capped';
let mode: Mode = 'pages';
let server: Server;
let target: Target;
const runTag = 'contract-run 202612070300-abcd';
let items: { _id: string; name: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      const op = req.url!.split('/')[6];
      const answer = (json: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (op === 'createTask' || op === 'createCase') {
        const item = { _id: `${op === 'createTask' ? 'ti' : 'ci'}-${String(items.length + 1).padStart(7, '0')}`, name: String(body.name) };
        items.push(item);
        return answer(item);
      }
      const kind = op === 'getTasks' ? 'ti-' : 'ci-';
      const matching = items.filter((i) => i._id.startsWith(kind) && i.name.includes(String(body.searchText ?? '')));
      const skip = mode === 'ignores-skip' ? 0 : Number(body.skip ?? 0);
      const limit = Math.min(Number(body.limit ?? 50), mode === 'capped' ? 4 : 100);
      const results = matching.slice(skip, skip + limit);
      const hasMore = mode === 'hasMore-stuck' ? skip > 0 || skip + results.length < matching.length : skip + results.length < matching.length;
      return answer({
        results,
        page: Math.floor(skip / limit) + 1,
        limit,
        hasMore,
        totalPages: Math.ceil(matching.length / limit),
        totalResults: matching.length,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = inMemoryTarget(server, runTag);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function run(m: Mode, t: Target = target) {
  mode = m;
  return runCheck(t, 'paging_conformance');
}

describe('paging_conformance', () => {
  it('creates the three items a walk needs per list when the run has fewer, then passes a server that pages', async () => {
    items = [{ _id: 'ti-0000000', name: 'someone else' }];
    const { v, log } = await run('pages');
    expect(v.status).toBe('pass');
    expect(items.filter((i) => i.name.startsWith(runTag))).toHaveLength(6);
    expect(v.evidence.join('\n')).toMatch(/getTasks: 3 items matching the run's tag, walked in 3 pages of 1/);
    expect(log.length).toBeLessThanOrEqual(2 * (3 + 2 + 3));
  });

  it('uses what the run already created (no create) and walks it in about three pages', async () => {
    items = Array.from({ length: 10 }, (_, i) => ({ _id: `ti-${String(i).padStart(7, '0')}`, name: `${runTag} task ${i}` }));
    items.push(...Array.from({ length: 4 }, (_, i) => ({ _id: `ci-${String(i).padStart(7, '0')}`, name: `${runTag} case ${i}` })));
    const { v, log } = await run('pages');
    expect(v.status).toBe('pass');
    expect(log.filter((x) => x.operation === 'createTask' || x.operation === 'createCase')).toEqual([]);
    expect(log.filter((x) => x.operation === 'getTasks')).toHaveLength(1 + 3);
  });

  it('passes a server that caps its pages (4 items), reading the last item apart', async () => {
    items = Array.from({ length: 10 }, (_, i) => ({ _id: `ti-${String(i).padStart(7, '0')}`, name: `${runTag} task ${i}` }));
    items.push(...Array.from({ length: 3 }, (_, i) => ({ _id: `ci-${String(i).padStart(7, '0')}`, name: `${runTag} case ${i}` })));
    const { v, log } = await run('capped');
    expect(v.status, v.evidence.join('\n')).toBe('pass');
    expect(v.evidence.join('\n')).toMatch(/getTasks: 4 items matching the run's tag \(a capped page\), walked in 2 pages of 2/);
    expect(log.map((x) => x.probe)).toContain('paging: the last item (skip 9)');
  });

  it('fails a getTasks that ignores skip, naming the operation and the field', async () => {
    items = Array.from({ length: 6 }, (_, i) => ({ _id: `ti-${String(i).padStart(7, '0')}`, name: `${runTag} task ${i}` }));
    const { v } = await run('ignores-skip');
    expect(v.status).toBe('fail');
    expect(v.check).toBe('paging_conformance');
    expect(v.fields).toContain('getTasks skip');
    expect(v.findings).toContainEqual({
      check: 'paging_conformance',
      operation: 'getTasks',
      pointer: 'getTasks skip',
      field: 'getTasks skip',
      severity: 'breaking',
      message: expect.stringMatching(/^getTasks: skip 2/),
      line: expect.any(String),
    });
    expect(v.reproduce?.map((r) => r.probe)).toEqual(expect.arrayContaining(['paging: one large page', 'paging: skip 2, limit 2']));
    expect(v.evidence.join('\n')).toMatch(/getTasks: skip 2 answered the same items as an earlier page/);
  });

  it('fails a last page whose hasMore stays true', async () => {
    items = Array.from({ length: 6 }, (_, i) => ({ _id: `ti-${String(i).padStart(7, '0')}`, name: `${runTag} task ${i}` }));
    const { v } = await run('hasMore-stuck');
    expect(v.status).toBe('fail');
    expect(v.fields).toContain('getTasks /hasMore');
  });

  it('is not run on a target that keeps no state, saying why', async () => {
    const { v, log } = await run('pages', { ...target, stateful: false });
    expect(v.status).toBe('skip');
    expect(v.evidence[0]).toMatch(/keeps no state/);
    expect(log).toEqual([]);
  });
});
