/**
 * `.all()` of the list operations, Stainless-style: every item of every page, asking for the next page with `skip`
 * until `hasMore` is false. Loaded on the first `.all()` loop, so that a client that never pages never loads it.
 * `skip` advances by the items received (the platform may apply another `limit` than the one asked for), and a
 * loop that makes no progress stops: an empty page ends it, a page repeating the previous one (a platform ignoring
 * `skip`) or more than `maxPages` pages (hasMore true forever) reject it with a KoreError.
 */
import { KoreError } from './errors.js';

/** Pages one `.all()` loop fetches at most (100 000 items at `limit: 100`). */
export const maxPages = 1000;

interface Page {
  results?: { _id?: unknown }[];
  hasMore?: boolean;
}

/** Every item of every page of `op`; `page(filter)` fetches one page (the client's call, retries included). */
export async function* allItems(op: string, page: (filter: object) => Promise<{ data: unknown }>, filter: { skip?: number | undefined } | undefined) {
  let skip = filter?.skip ?? 0;
  let first: unknown;
  for (let n = 0; ; n++) {
    if (n == maxPages) throw new KoreError(`${op}.all: stopped after ${maxPages} pages (the platform kept answering hasMore: true)`);
    const { results = [], hasMore } = (await page({ ...filter, skip })).data as Page;
    if (n && results.length && results[0]!._id === first)
      throw new KoreError(`${op}.all: the platform answered the same page again for skip ${skip} (it may ignore skip): stopped`);
    first = results[0]?._id;
    yield* results;
    if (!hasMore || !results.length) return;
    skip += results.length;
  }
}
