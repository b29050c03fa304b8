/**
 * getTasks and getCases filtered by the run's tag: one large page, then a walk with skip/limit in about three
 * pages (and the last item alone when the large page was capped). A few records are created when fewer than three match.
 */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { rowOf, tagged } from '../operations.js';
import type { Json, OperationId } from '../spec.js';
import type { RunContext, Scenario } from '../context.js';
import type { Exchange } from '../types.js';
import { messageOf } from '../checks/verdict.js';

/** Items a walk needs to cross at least two page boundaries. */
const wanted = 3;
const lists = ['getTasks', 'getCases'] as const;
type ListOperation = (typeof lists)[number];

export interface Page {
  exchange: Exchange;
  skip: number;
  ids: string[];
  hasMore: unknown;
  totalResults: unknown;
}

export interface Walk {
  op: ListOperation;
  large: Page;
  limit: number;
  pages: Page[];
  /** The last item read alone, when the large page was capped. */
  end?: Page;
  /** Why the last item could not be read, when it could not. */
  endNotRun?: string;
}

/** One list's walk, or why it was not walked (a refusal or a stop of the run is no paging finding). */
export type PagingRecord = { op: ListOperation; walk: Walk } | { op: ListOperation; notRun: string };

class NotRun extends Error {}

async function page(ctx: RunContext, op: ListOperation, probe: string, body: Json): Promise<Page> {
  const x = await sendOperationWithSdk(ctx, op, { probe: `paging: ${probe}`, intent: 'accept' }, body);
  if (x.error?.startsWith('not sent:')) throw new NotRun(x.error);
  if (!x.response || x.response.status >= 300)
    throw new NotRun(`${probe} was refused: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`);
  const json = x.response.json as Json;
  if (!Array.isArray(json?.results)) throw new NotRun(`${probe} answered no results list (response_schema_conformance judges it)`);
  return { exchange: x, skip: body.skip, ids: json.results.map((r: Json) => String(r?._id)), hasMore: json.hasMore, totalResults: json.totalResults };
}

/** Creates what the walk lacks, named with the run's tag; the run's budget refuses it when the run may not create. */
async function create(ctx: RunContext, op: ListOperation, n: number): Promise<void> {
  const f = ctx.target.fixtures;
  for (let i = 1; i <= n; i++) {
    const name = tagged(f, `Paging ${i}`);
    const [creator, body] =
      op === 'getTasks'
        ? (['createTask', { ...bodyWithUser(f, userVariants.emailId()), name }] as const)
        : (['createCase', { ...rowOf('createCase').valid(f)[0], name }] as const);
    const x = await sendOperationWithSdk(ctx, creator, { probe: `paging: ${creator} for the walk`, intent: 'accept' }, body);
    if (x.error?.startsWith('not sent:')) throw new NotRun(`fewer than ${wanted} items match the run's tag and none may be created (${x.error})`);
    if (!x.response || x.response.status >= 300)
      throw new NotRun(`${creator} for the walk was refused: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`);
  }
}

/** Whether a page of the walk only repeats items read before: a server that ignores `skip` never ends. */
export const repeats = (p: Page, index: number, seen: string[]) => index > 0 && p.ids.length > 0 && p.ids.every((id) => seen.includes(id));

async function walk(ctx: RunContext, op: ListOperation): Promise<Walk> {
  const filter = { searchText: ctx.target.fixtures.runTag };
  const largeBody = { ...filter, skip: 0, limit: 100 };
  let large = await page(ctx, op, 'one large page', largeBody);
  if (large.ids.length < wanted) {
    if (op === 'getCases' && !ctx.target.fixtures.caseTemplateId)
      throw new NotRun(`fewer than ${wanted} cases match the run's tag and there is no case template to create one (KORE_CASE_TEMPLATE_ID)`);
    await create(ctx, op, wanted - large.ids.length);
    large = await page(ctx, op, 'one large page', largeBody);
  }
  const span = large.ids.length;
  if (span < wanted) throw new NotRun(`only ${span} item(s) match the run's tag after creating`);
  // The platform may cap a page (the sample asks for 50 and gets 10): then the walk covers the large page's span.
  const limit = Math.ceil(span / wanted);
  const pages: Page[] = [];
  const seen: string[] = [];
  // Each page brings a fresh item or the walk stops: the bound only guards against a server that never ends.
  for (let skip = 0; seen.length < span && pages.length <= span;) {
    const p = await page(ctx, op, `skip ${skip}, limit ${limit}`, { ...filter, skip, limit });
    pages.push(p);
    if (repeats(p, pages.length - 1, seen)) return { op, large, limit, pages };
    seen.push(...p.ids);
    if (p.hasMore !== true || p.ids.length === 0) break;
    skip += p.ids.length;
  }
  const total = large.totalResults;
  if (large.hasMore !== true || typeof total !== 'number' || total <= span) return { op, large, limit, pages };
  try {
    return { op, large, limit, pages, end: await page(ctx, op, `the last item (skip ${total - 1})`, { ...filter, skip: total - 1, limit: 1 }) };
  } catch (error) {
    if (!(error instanceof NotRun)) throw error;
    return { op, large, limit, pages, endNotRun: error.message };
  }
}

/** Every selected list's walk (a scenario: sent once, judged by paging_conformance). */
export const pagingWalks: Scenario<PagingRecord[]> = async (ctx) => {
  const out: PagingRecord[] = [];
  for (const op of lists.filter((o) => ctx.operations.includes(o as OperationId))) {
    try {
      out.push({ op, walk: await walk(ctx, op) });
    } catch (error) {
      if (!(error instanceof NotRun)) throw error;
      out.push({ op, notRun: error.message });
    }
  }
  return out;
};
