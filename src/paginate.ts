/**
 * `.all()`: every item of every page, asking for the next with `skip` (advanced by the items received) until
 * `hasMore` is false. A page is judged whole before any of its items is given; a loop ends with every item or a
 * PaginationError naming the page and the rule it broke.
 */
import { InvalidArgumentError, PaginationError, type PaginationRule } from './errors.js';
import type { PagingBounds } from './options.js';
import { isRecord } from './values.js';

/** One page: the parsed answer, and the bytes of its body as read. */
export interface PageAnswer {
  data: unknown;
  bytes: number;
}

// a value of the answer, named for a message: short, and a string quoted (the client redacts the message)
const shown = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (typeof v == 'string') return `the string ${JSON.stringify(v.length > 64 ? v.slice(0, 64) + '…' : v)}`;
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v == 'object' ? 'an object' : `${typeof v} ${String(v)}`;
};

/** Every item of every page of `op`; `page(filter)` fetches one page (the client's call, retries included). */
export async function* allItems<Item>(
  op: string,
  page: (filter: object) => Promise<PageAnswer>,
  filter: { skip?: unknown } | undefined,
  bounds: PagingBounds,
): AsyncGenerator<Item, void, undefined> {
  const start = filter?.skip ?? 0;
  if (!Number.isSafeInteger(start) || (start as number) < 0)
    throw new InvalidArgumentError(`kore client: ${op}.all's filter "skip" must be an integer from 0, got ${shown(start)}`, 'skip');
  let skip = start as number;
  const givenBy = new Map<string, number>(); // each item id given, and the page that gave it
  let bytes = 0;
  for (let n = 1; ; n++) {
    const stop = (rule: PaginationRule, what: string) => new PaginationError(`${op}.all: page ${n} (skip ${skip}) ${what}`, { page: n, skip, rule });
    if (n > bounds.maxPages) throw stop('maxPages', `not fetched: ${bounds.maxPages} pages read, and the last said hasMore: true (maxPages)`);
    const { data, bytes: read } = await page({ ...filter, skip });
    bytes += read;
    if (bytes > bounds.maxTotalBytes)
      throw stop('maxTotalBytes', `brings the answers read to ${bytes} bytes, over maxTotalBytes ${bounds.maxTotalBytes}`);
    if (!isRecord(data)) throw stop('envelope', `breaks the page envelope: the answer is ${shown(data)}, not a page object`);
    const { results, hasMore } = data;
    if (!Array.isArray(results)) throw stop('envelope', `breaks the page envelope: "results" must be an array, got ${shown(results)}`);
    if (typeof hasMore != 'boolean') throw stop('envelope', `breaks the page envelope: "hasMore" must be true or false, got ${shown(hasMore)}`);
    if (hasMore && !results.length) throw stop('empty-page', 'says hasMore: true with no results: the loop cannot advance');
    const ids = new Set<string>();
    results.forEach((item, i) => {
      const id = isRecord(item) ? item._id : undefined;
      if (typeof id != 'string' || !id) throw stop('item', `item ${i}'s "_id" must be a non-empty string, got ${shown(id)}`);
      if (ids.has(id)) throw stop('repeated-id', `item ${i} repeats _id ${shown(id)} of an earlier item of the same page`);
      const earlier = givenBy.get(id);
      if (earlier) throw stop('repeated-id', `item ${i} repeats _id ${shown(id)}, already given by page ${earlier} (the platform may ignore skip)`);
      ids.add(id);
    });
    if (givenBy.size + results.length > bounds.maxItems)
      throw stop('maxItems', `would bring the items given to ${givenBy.size + results.length}, over maxItems ${bounds.maxItems}`);
    for (const id of ids) givenBy.set(id, n);
    yield* results; // each judged above: the items of the operation's page type
    if (!hasMore) return;
    skip += results.length;
  }
}
