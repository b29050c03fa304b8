/**
 * paging_conformance (targets that hold data): for getTasks and getCases, with one filter (the run's tag, so that
 * nothing another user writes shifts the pages), one large page is read, then the same list is walked with
 * `skip`/`limit` in about three pages until `hasMore` is false. Two pages must differ, the walk must give each
 * item once, in the large page's order, and the same set; `hasMore` must be false on the last page. A server that
 * ignores `skip` fails here. The run's own records are used; when fewer than three match, a few are created (if
 * the run may create: otherwise the check says it did not run). getTasks documents `skip` and `limit` (its
 * sample): breaking; getCases documents no paging input: its findings warn (severity.ts).
 */
import { bodyWithUser, userVariants } from '../bodies.js';
import { sendOperationWithSdk } from '../channels.js';
import { rowOf, tagged } from '../operations.js';
import { severity } from '../severity.js';
import type { Json, OperationId } from '../spec.js';
import type { Check, RunContext } from '../context.js';
import type { Exchange } from '../types.js';
import { messageOf, verdict, type Finding } from './verdict.js';

/** Items a walk needs to cross at least two page boundaries. */
const wanted = 3;
const lists = ['getTasks', 'getCases'] as const;
type ListOperation = (typeof lists)[number];

class NotRun extends Error {}

interface Page {
  exchange: Exchange;
  ids: string[];
  hasMore: unknown;
  totalResults: unknown;
}

/** One list call; a refusal or a stop of the run is not a paging finding, only a reason the walk did not run. */
async function page(ctx: RunContext, op: ListOperation, probe: string, body: Json): Promise<Page> {
  const x = await sendOperationWithSdk(ctx, op, { probe: `paging: ${probe}`, intent: 'accept' }, body);
  if (x.error?.startsWith('not sent:')) throw new NotRun(x.error);
  if (!x.response || x.response.status >= 300) throw new NotRun(`${probe} was refused: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`);
  const json = x.response.json as Json;
  if (!Array.isArray(json?.results)) throw new NotRun(`${probe} answered no results list (response_schema_conformance judges it)`);
  return { exchange: x, ids: json.results.map((r: Json) => String(r?._id)), hasMore: json.hasMore, totalResults: json.totalResults };
}

/** Creates what the walk lacks, named with the run's tag; the run's budget refuses it when the run may not create. */
async function create(ctx: RunContext, op: ListOperation, n: number): Promise<void> {
  const f = ctx.target.fixtures;
  for (let i = 1; i <= n; i++) {
    const name = tagged(f, `Paging ${i}`);
    const [creator, body] = op === 'getTasks' ? (['createTask', { ...bodyWithUser(f, userVariants.emailId()), name }] as const) : (['createCase', { ...rowOf('createCase').valid(f)[0], name }] as const);
    const x = await sendOperationWithSdk(ctx, creator, { probe: `paging: ${creator} for the walk`, intent: 'accept' }, body);
    if (x.error?.startsWith('not sent:')) throw new NotRun(`fewer than ${wanted} items match the run's tag and none may be created (${x.error})`);
    if (!x.response || x.response.status >= 300) throw new NotRun(`${creator} for the walk was refused: ${x.response ? `${x.response.status} ${messageOf(x)}` : x.error}`);
  }
}

async function walkPages(ctx: RunContext, op: ListOperation, findings: Finding[]): Promise<string> {
  const filter = { searchText: ctx.target.fixtures.runTag };
  const large = { ...filter, skip: 0, limit: 100 };
  let all = await page(ctx, op, 'one large page', large);
  if (all.ids.length < wanted) {
    if (op === 'getCases' && !ctx.target.fixtures.caseTemplateId) throw new NotRun(`fewer than ${wanted} cases match the run's tag and there is no case template to create one (KORE_CASE_TEMPLATE_ID)`);
    await create(ctx, op, wanted - all.ids.length);
    all = await page(ctx, op, 'one large page', large);
  }
  if (all.ids.length < wanted) throw new NotRun(`only ${all.ids.length} item(s) match the run's tag after creating`);

  const pages: Page[] = [];
  // A finding carries the large page and the walk's pages, for the report's curls and replay.
  const find = (field: string, text: string) =>
    findings.push({ message: `${op}: ${text}`, pointer: `${op} ${field}`, operation: op, severity: severity({ about: 'paging', operation: op }), exchanges: [all.exchange, ...pages.map((p) => p.exchange)] });
  // The platform may cap a page (the sample asks for 50 and gets 10): then the walk covers the large page's span,
  // and the end of the list is read apart.
  const span = all.ids.length;
  const limit = Math.ceil(span / wanted);
  const seen: string[] = [];
  // Each page brings a fresh item or the walk stops: the bound only guards against a server that never ends.
  for (let skip = 0; seen.length < span && pages.length <= span; ) {
    const p = await page(ctx, op, `skip ${skip}, limit ${limit}`, { ...filter, skip, limit });
    pages.push(p);
    if (pages.length > 1 && p.ids.length > 0 && p.ids.every((id) => seen.includes(id))) {
      find('skip', `skip ${skip} answered the same items as an earlier page (${p.ids.slice(0, 2).join(', ')}…), hasMore ${JSON.stringify(p.hasMore)}: skip is ignored, a client walking the pages never ends`);
      return 'the walk stopped: a page repeated';
    }
    seen.push(...p.ids);
    if (p.hasMore !== true || p.ids.length === 0) break;
    skip += p.ids.length;
  }
  const last = pages[pages.length - 1]!;
  const walked = pages.length;
  if (last.hasMore === false && seen.length < span) find('/hasMore', `hasMore is false after ${seen.length} of the ${span} items`);
  const twice = seen.filter((id, i) => seen.indexOf(id) !== i);
  if (twice.length) find('skip', `the walk gave ${twice.length} item(s) twice, e.g. ${twice[0]}`);
  const inSpan = seen.slice(0, span);
  const missing = all.ids.filter((id) => !inSpan.includes(id));
  const extra = inSpan.filter((id) => !all.ids.includes(id));
  if (missing.length || extra.length) find('/results', `the walk and the large page differ: ${missing.length} item(s) only in the large page, ${extra.length} only in the walk`);
  else if (!twice.length && inSpan.join() !== all.ids.join()) find('/results', `the walk gives the large page's items in another order (first difference at position ${inSpan.findIndex((id, i) => id !== all.ids[i])})`);

  // The last page: the walk's own end, or, when the large page was capped, the last item read alone.
  const total = all.totalResults;
  if (all.hasMore !== true) {
    if (seen.length >= span && last.hasMore !== false) find('/hasMore', `hasMore is ${JSON.stringify(last.hasMore)} after ${pages.length} pages of ${limit} (all ${span} items read), not false`);
  } else if (typeof total === 'number' && total > span) {
    const end = await page(ctx, op, `the last item (skip ${total - 1})`, { ...filter, skip: total - 1, limit: 1 });
    pages.push(end);
    if (end.ids.length !== 1) find('/totalResults', `skip ${total - 1}, limit 1 answered ${end.ids.length} item(s), though totalResults is ${total}`);
    if (end.hasMore !== false) find('/hasMore', `hasMore is ${JSON.stringify(end.hasMore)} on the last item (skip ${total - 1} of totalResults ${total}), not false`);
  } else find('/totalResults', `the large page has more after it but totalResults is ${JSON.stringify(total)}, not more than its ${span} items`);
  return `${op}: ${span} items matching the run's tag${all.hasMore === true ? ' (a capped page)' : ''}, walked in ${walked} pages of ${limit}: each once, in order, the large page's set, hasMore false on the last`;
}

export const pagingConformance: Check = async (ctx) => {
  if (!ctx.target.stateful) return verdict('paging_conformance', { ran: false, skipReason: `${ctx.target.name} keeps no state: its pages are samples, not data that can be walked` });
  if (!ctx.target.fixtures.runTag) return verdict('paging_conformance', { ran: false, skipReason: 'the run has no tag to filter its own records by' });
  const findings: Finding[] = [];
  const passed: string[] = [];
  const notRun: string[] = [];
  for (const op of lists.filter((o) => ctx.operations.includes(o as OperationId))) {
    const before = findings.length;
    try {
      const summary = await walkPages(ctx, op, findings);
      if (findings.length === before) passed.push(summary);
    } catch (error) {
      if (!(error instanceof NotRun)) throw error;
      notRun.push(`${op}: paging not walked: ${error.message}`);
    }
  }
  return verdict('paging_conformance', { findings, passed, notRun, ran: passed.length > 0 || findings.length > 0, skipReason: notRun.join('; ') || 'not selected: it needs getTasks or getCases (--operation, --tag)' });
};
