/**
 * paging_conformance: judges the walks of scenarios/paging-walk.ts: pages differ, each item once, in order, the large
 * page's set, `hasMore` false on the last. getTasks documents skip/limit (breaking); getCases does not (warnings).
 */
import { severity } from '../severity.js';
import type { Check } from '../context.js';
import { pagingWalks, repeats, type Walk } from '../scenarios/paging-walk.js';
import { verdict, type Finding } from './verdict.js';

/** The walk's items as read, up to the page that only repeated earlier ones (the walk stopped there). */
function readOf(walk: Walk): { seen: string[]; repeated?: Walk['pages'][number] } {
  const seen: string[] = [];
  for (const [i, p] of walk.pages.entries()) {
    if (repeats(p, i, seen)) return { seen, repeated: p };
    seen.push(...p.ids);
  }
  return { seen };
}

/** The judge of one walk: its findings, and the line that says what held when none was found. */
function judgeWalk(walk: Walk): { findings: Finding[]; summary: string } {
  const { op, large, limit, pages, end } = walk;
  const findings: Finding[] = [];
  const exchanges = [large.exchange, ...pages.map((p) => p.exchange), ...(end ? [end.exchange] : [])];
  const find = (field: string, text: string) =>
    findings.push({
      message: `${op}: ${text}`,
      pointer: `${op} ${field}`,
      operation: op,
      severity: severity({ about: 'paging', operation: op }),
      exchanges,
    });
  const span = large.ids.length;
  const { seen, repeated } = readOf(walk);
  if (repeated) {
    find(
      'skip',
      `skip ${repeated.skip} answered the same items as an earlier page (${repeated.ids.slice(0, 2).join(', ')}…), hasMore ${JSON.stringify(repeated.hasMore)}: skip is ignored, a client walking the pages never ends`,
    );
    return { findings, summary: 'the walk stopped: a page repeated' };
  }
  const last = pages[pages.length - 1]!;
  if (last.hasMore === false && seen.length < span) find('/hasMore', `hasMore is false after ${seen.length} of the ${span} items`);
  const twice = seen.filter((id, i) => seen.indexOf(id) !== i);
  if (twice.length) find('skip', `the walk gave ${twice.length} item(s) twice, e.g. ${twice[0]}`);
  const inSpan = seen.slice(0, span);
  const missing = large.ids.filter((id) => !inSpan.includes(id));
  const extra = inSpan.filter((id) => !large.ids.includes(id));
  if (missing.length || extra.length)
    find('/results', `the walk and the large page differ: ${missing.length} item(s) only in the large page, ${extra.length} only in the walk`);
  else if (!twice.length && inSpan.join() !== large.ids.join())
    find(
      '/results',
      `the walk gives the large page's items in another order (first difference at position ${inSpan.findIndex((id, i) => id !== large.ids[i])})`,
    );
  // The last page: the walk's own end, or, when the large page was capped, the last item read alone.
  const total = large.totalResults;
  if (large.hasMore !== true) {
    if (seen.length >= span && last.hasMore !== false)
      find('/hasMore', `hasMore is ${JSON.stringify(last.hasMore)} after ${pages.length} pages of ${limit} (all ${span} items read), not false`);
  } else if (end && typeof total === 'number') {
    if (end.ids.length !== 1) find('/totalResults', `skip ${total - 1}, limit 1 answered ${end.ids.length} item(s), though totalResults is ${total}`);
    if (end.hasMore !== false)
      find('/hasMore', `hasMore is ${JSON.stringify(end.hasMore)} on the last item (skip ${total - 1} of totalResults ${total}), not false`);
  } else if (!walk.endNotRun)
    find('/totalResults', `the large page has more after it but totalResults is ${JSON.stringify(total)}, not more than its ${span} items`);
  return {
    findings,
    summary: `${op}: ${span} items matching the run's tag${large.hasMore === true ? ' (a capped page)' : ''}, walked in ${pages.length} pages of ${limit}: each once, in order, the large page's set, hasMore false on the last`,
  };
}

export const pagingConformance: Check = async (ctx) => {
  if (!ctx.target.stateful)
    return verdict('paging_conformance', {
      ran: false,
      skipReason: `${ctx.target.name} keeps no state: its pages are samples, not data that can be walked`,
    });
  if (!ctx.target.fixtures.runTag)
    return verdict('paging_conformance', { ran: false, skipReason: 'the run has no tag to filter its own records by' });
  const findings: Finding[] = [];
  const passed: string[] = [];
  const notRun: string[] = [];
  for (const record of await ctx.recorded(pagingWalks)) {
    if ('notRun' in record) {
      notRun.push(`${record.op}: paging not walked: ${record.notRun}`);
      continue;
    }
    const judged = judgeWalk(record.walk);
    findings.push(...judged.findings);
    if (record.walk.endNotRun) notRun.push(`${record.op}: paging not walked: ${record.walk.endNotRun}`);
    else if (judged.findings.length === 0) passed.push(judged.summary);
  }
  return verdict('paging_conformance', {
    findings,
    passed,
    notRun,
    ran: passed.length > 0 || findings.length > 0,
    skipReason: notRun.join('; ') || 'not selected: it needs getTasks or getCases (--operation, --tag)',
  });
};
