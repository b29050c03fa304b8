/**
 * `.all()` against hostile pagers: every loop ends with all the items or with a PaginationError naming the page
 * (number and skip) and the rule, after a bounded number of pages and bytes. A refused page gives none of its items.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createKoreClient, InvalidArgumentError, KoreError, PaginationError, type KoreClient, type PagingOptions } from '../../src/index.js';
import { ACCOUNT_ID, STATIC_JWT, STREAM_ID, json, makeClient, rejection, type Caught } from './helpers.js';

const MiB = 1024 * 1024;

/** A page of getTasks' envelope: `results` and `hasMore` as given, the other fields plausible. */
const page = (results: unknown, hasMore: unknown, extra: object = {}) => ({
  results,
  page: 1,
  limit: 10,
  hasMore,
  totalPages: 9,
  totalResults: 90,
  ...extra,
});
const tasks = (...ids: string[]) => ids.map((_id) => ({ _id, name: `task ${_id}` }));

/** Drains `client.getTasks.all()`: the ids given, and the rejection (undefined when the loop ended normally). */
async function drain(client: KoreClient, options?: PagingOptions, filter = {}) {
  const ids: string[] = [];
  let error: Caught | undefined;
  try {
    for await (const t of client.getTasks.all(filter, options)) ids.push(t._id);
  } catch (e) {
    error = e as Caught;
  }
  return { ids, error: error as Caught }; // typed as caught: the tests that expect a clean end assert it is undefined
}

const pager = (...answers: Parameters<typeof makeClient>[0]) => makeClient(answers, { accountId: ACCOUNT_ID, validateRequests: false });

describe('a page that breaks the page envelope or its items stops the loop, naming the page and the rule', () => {
  it('hasMore: true with empty results is an error, not the end of the list', async () => {
    const { client, requests } = pager(json(200, page(tasks('ti-1', 'ti-2'), true)), json(200, page([], true)));
    const { ids, error } = await drain(client);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toBeInstanceOf(KoreError);
    expect([error.page, error.skip, error.rule]).toEqual([2, 2, 'empty-page']);
    expect(error.message).toBe('getTasks.all: page 2 (skip 2) says hasMore: true with no results: the loop cannot advance');
    expect([ids, requests.length]).toEqual([['ti-1', 'ti-2'], 2]);
  });

  it('hasMore missing is an error (the page envelope requires it), and the page gives nothing', async () => {
    const { results } = page(tasks('ti-1', 'ti-2'), true);
    const { client, requests } = pager(json(200, { results, page: 1, limit: 2, totalPages: 12, totalResults: 24 }));
    const { ids, error } = await drain(client);
    expect([error.page, error.skip, error.rule]).toEqual([1, 0, 'envelope']);
    expect(error.message).toBe('getTasks.all: page 1 (skip 0) breaks the page envelope: "hasMore" must be true or false, got nothing');
    expect([ids, requests.length]).toEqual([[], 1]);
  });

  it('hasMore: "false" (a string) is an error, not read as true', async () => {
    const { client, requests } = pager(
      json(200, page(tasks('ti-1'), true)),
      json(200, page(tasks('ti-2'), 'false')),
      json(200, page(tasks('ti-3'), false)),
    );
    const { ids, error } = await drain(client);
    expect([error.page, error.skip, error.rule]).toEqual([2, 1, 'envelope']);
    expect(error.message).toBe('getTasks.all: page 2 (skip 1) breaks the page envelope: "hasMore" must be true or false, got the string "false"');
    expect([ids, requests.length]).toEqual([['ti-1'], 2]);
  });

  it('pages that alternate A, B, A, B stop at the first item id already given', async () => {
    const [a, b] = [page(tasks('ti-a1', 'ti-a2'), true), page(tasks('ti-b1', 'ti-b2'), true)];
    const { client, requests } = pager((_, n) => json(200, n % 2 ? b : a));
    const { ids, error } = await drain(client);
    expect([error.page, error.skip, error.rule]).toEqual([3, 4, 'repeated-id']);
    expect(error.message).toBe(
      'getTasks.all: page 3 (skip 4) item 0 repeats _id the string "ti-a1", already given by page 1 (the platform may ignore skip)',
    );
    expect([ids, requests.length]).toEqual([['ti-a1', 'ti-a2', 'ti-b1', 'ti-b2'], 3]);
  });

  it('a platform that ignores skip (the same page again) is the same rule', async () => {
    const { client, requests } = pager(json(200, page(tasks('ti-1'), true)));
    const { ids, error } = await drain(client);
    expect([error.page, error.rule, ids, requests.length]).toEqual([2, 'repeated-id', ['ti-1'], 2]);
  });

  it('an id repeated within one page', async () => {
    const { client } = pager(json(200, page(tasks('ti-1', 'ti-2', 'ti-1'), false)));
    const { ids, error } = await drain(client);
    expect(error.message).toBe('getTasks.all: page 1 (skip 0) item 2 repeats _id the string "ti-1" of an earlier item of the same page');
    expect(ids).toEqual([]);
  });

  it.each([
    ['not an object', [], 'breaks the page envelope: the answer is an array, not a page object', 'envelope'],
    ['null', null, 'breaks the page envelope: the answer is null, not a page object', 'envelope'],
    ['results not an array', page({ 0: tasks('ti-1')[0] }, false), 'breaks the page envelope: "results" must be an array, got an object', 'envelope'],
    ['results missing', { hasMore: false }, 'breaks the page envelope: "results" must be an array, got nothing', 'envelope'],
    ['an item without _id', page([{ name: 'x' }], false), `item 0's "_id" must be a non-empty string, got nothing`, 'item'],
    ['an item whose _id is a number', page([...tasks('ti-1'), { _id: 7 }], false), `item 1's "_id" must be a non-empty string, got number 7`, 'item'],
    ['an item that is not an object', page(['ti-1'], false), `item 0's "_id" must be a non-empty string, got nothing`, 'item'],
  ])('%s', async (_, answer, said, rule) => {
    const { client } = pager(json(200, answer));
    const { ids, error } = await drain(client);
    expect(error).toBeInstanceOf(PaginationError);
    expect([error.message, error.rule, ids]).toEqual([`getTasks.all: page 1 (skip 0) ${said}`, rule, []]);
  });

  it("a message quoting the answer is redacted, as every error's", async () => {
    const { client } = pager(json(200, page(tasks('ti-1'), `${STATIC_JWT}`)));
    const { error } = await drain(client);
    expect(error.rule).toBe('envelope');
    expect(error.message).not.toContain('STATIC-SIGNATURE');
    expect(error.message).toContain('[redacted]');
  });

  it('getCases.all keeps the same rules', async () => {
    const { client } = pager(json(200, page([{ _id: 'ci-1' }], 'yes')));
    const e = await rejection(
      (async () => {
        for await (const _ of client.getCases.all());
      })(),
    );
    expect(e.message).toBe('getCases.all: page 1 (skip 0) breaks the page envelope: "hasMore" must be true or false, got the string "yes"');
  });
});

describe('bounds: pages, items and bytes, with defaults and per-call overrides', () => {
  /** A pager that never ends: `size` new tasks per page, hasMore always true. */
  const endless = (size: number) => (request: Request) =>
    request
      .clone()
      .json()
      .then((b: { skip: number }) => json(200, page(tasks(...Array.from({ length: size }, (_, i) => `ti-${b.skip + i}`)), true)));

  it.each([
    [
      'maxPages: by default 1 000 pages, then an error for the page it will not fetch',
      1,
      1001,
      1000,
      1000,
      'maxPages',
      'not fetched: 1000 pages read, and the last said hasMore: true (maxPages)',
    ],
    [
      'maxItems: by default 100 000, checked before a page is given',
      6000,
      17,
      96_000,
      17,
      'maxItems',
      'would bring the items given to 102000, over maxItems 100000',
    ],
  ])('%s', async (_, size, pageNumber, skip, fetched, rule, said) => {
    const { client, requests } = pager(endless(size));
    const { ids, error } = await drain(client);
    expect(error).toBeInstanceOf(PaginationError);
    expect([error.page, error.skip, error.rule, error.message]).toEqual([
      pageNumber,
      skip,
      rule,
      `getTasks.all: page ${pageNumber} (skip ${skip}) ${said}`,
    ]);
    expect([ids.length, requests.length]).toEqual([skip, fetched]);
  });

  it('maxPages per call', async () => {
    const { client, requests } = pager(endless(2));
    const { ids, error } = await drain(client, { maxPages: 3 });
    expect([error.page, error.rule, ids.length, requests.length]).toEqual([4, 'maxPages', 6, 3]);
  });

  it('maxItems per call; a list of exactly maxItems ends normally', async () => {
    const { client } = pager(endless(2));
    const over = await drain(client, { maxItems: 5 });
    expect([over.error.page, over.error.rule, over.ids.length]).toEqual([3, 'maxItems', 4]);
    const exact = pager(json(200, page(tasks('ti-1', 'ti-2'), true)), json(200, page(tasks('ti-3'), false)));
    expect(await drain(exact.client, { maxItems: 3 })).toEqual({ ids: ['ti-1', 'ti-2', 'ti-3'], error: undefined });
  });

  it("the bounds and the filter's skip are checked, naming the option, before anything is sent", async () => {
    const { client, requests } = pager(endless(1));
    for (const [options, name] of [
      [{ maxPages: 0 }, 'maxPages'],
      [{ maxItems: 1.5 }, 'maxItems'],
      [{ maxTotalBytes: '1 GB' }, 'maxTotalBytes'],
    ] as const) {
      const { error } = await drain(client, options as PagingOptions);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect([error.argument, error.message]).toEqual([
        name,
        expect.stringMatching(new RegExp(`^kore client: option "${name}" must be an integer from 1 to`)),
      ]);
    }
    const { error } = await drain(client, undefined, { skip: '5' });
    expect([error.argument, error.message]).toEqual([
      'skip',
      'kore client: getTasks.all\'s filter "skip" must be an integer from 0, got the string "5"',
    ]);
    expect(requests).toHaveLength(0);
  });
});

describe('10 MB pages with new ids each time: the byte bound ends the loop', () => {
  it('by default 256 MiB: 10 MB pages (one new task each, padded with JSON whitespace) stop at the 27th', async () => {
    const padding = new Uint8Array(10_000_000).fill(0x20); // one buffer, sent again on every page
    const bytes = (text: string) => new TextEncoder().encode(text);
    const { client, requests } = pager((_, n) => {
      const body = new ReadableStream({
        start(c) {
          for (const chunk of [bytes(`{"results":[{"_id":"ti-${n}"}],"hasMore":true`), padding, bytes('}')]) c.enqueue(chunk);
          c.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const { ids, error } = await drain(client);
    expect([error.page, error.skip, error.rule]).toEqual([27, 26, 'maxTotalBytes']);
    expect(error.message).toMatch(/^getTasks\.all: page 27 \(skip 26\) brings the answers read to 2700\d{5} bytes, over maxTotalBytes 268435456$/);
    expect([ids.length, requests.length]).toEqual([26, 27]);
  });

  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
  });

  /**
   * Answers every getTasks with a page of 10.2 MB (100 tasks of 100 KiB, ids new on every page; under the 10 MiB an
   * answer may have), hasMore true, without Content-Length: the SDK counts what it reads.
   */
  async function floodingPager() {
    const pad = 'x'.repeat(100 * 1024);
    const served = { pages: 0, bytes: 0, last: 0 };
    const server = createServer((req, res) => {
      req.resume().on('end', () => {
        const n = served.pages++;
        const results = Array.from({ length: 100 }, (_, i) => `{"_id":"ti-${n}-${i}","name":"t","desc":"${pad}"}`);
        const body = `{"results":[${results.join(',')}],"page":${n + 1},"limit":100,"hasMore":true,"totalPages":1e9,"totalResults":1e11}`;
        served.bytes += served.last = body.length;
        res.writeHead(200, { 'content-type': 'application/json' }).end(body); // chunked: no Content-Length
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const client = createKoreClient({ baseUrl, streamId: STREAM_ID, jwt: STATIC_JWT, accountId: ACCOUNT_ID, validateRequests: false });
    return { served, client };
  }

  it('maxTotalBytes 25 MiB: the loop stops at the 3rd page, which would pass it, with a PaginationError', async () => {
    const { served, client } = await floodingPager();
    const { ids, error } = await drain(client, { maxTotalBytes: 25 * MiB });
    expect(served.last).toBeGreaterThan(10_000_000);
    expect([error.page, error.skip, error.rule]).toEqual([3, 200, 'maxTotalBytes']);
    expect(error.message).toBe(`getTasks.all: page 3 (skip 200) brings the answers read to ${served.bytes} bytes, over maxTotalBytes ${25 * MiB}`);
    expect(served.bytes - served.last).toBeLessThanOrEqual(25 * MiB); // read: the bound, and the one page that passed it
    expect([ids.length, served.pages]).toEqual([200, 3]);
  });
});
