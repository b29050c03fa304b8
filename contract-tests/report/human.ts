/**
 * The console summary of one target: failures first, then warnings, then what the run created (grouped by what
 * became of it), then the check × verdict table with what did not run, and the counts.
 */
import { redact } from '../redact.js';
import { warningCount, type TargetReport } from '../runner.js';
import { groupCreated, listedName } from './created.js';

const mark = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' } as const;

const shownClosed = 5;

export function humanSummary(report: TargetReport): string {
  const lines = [
    `Contract suite against ${report.target} (${report.baseUrl}): ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, property-based seed ${report.pbt.seed}, ${report.pbt.runs} runs${report.strict ? ', strict (warnings fail)' : ''}`,
  ];
  if (report.stopped) lines.push(`  stopped sending early: ${report.stopped}`);
  for (const line of report.selection?.lines ?? []) lines.push(`  ${line}`);
  const creates = report.selection?.creates;
  if (creates?.max !== undefined) lines.push(`  creates: ${creates.created} of --max-creates ${creates.max}`);
  const b = report.budget;
  lines.push(
    `  requests: ${b?.budget ? `${b.requests} of budget ${b.budget}` : `${report.requests} (no budget)`}${b?.ratePerMinute ? `, paced at ${b.ratePerMinute} a minute` : ''}`,
  );
  const failed = report.verdicts.filter((v) => v.status === 'fail');
  if (failed.length) lines.push('  failures (breaking):');
  for (const v of failed) lines.push(`    FAIL  ${v.check}`, ...v.evidence.map((e) => `          ${e}`));
  const warned = report.verdicts.filter((v) => v.warnings.length);
  if (warned.length) lines.push('  warnings (differences from inferred rules; --strict fails on them):');
  for (const v of warned) lines.push(`    ${v.check}`, ...v.warnings.map((w) => `          warning: ${w}`));
  if (report.cleanup) {
    lines.push(`  created by this run: ${report.cleanup.summary}`);
    // On a throwaway target, what was closed needs no listing; on live every record is listed, once per outcome.
    for (const g of groupCreated(report.cleanup.created).filter((g) => g.outcome !== 'closed' || report.target === 'live')) {
      lines.push(`    ${g.outcome} (${g.items.length}):`);
      // records left open are all listed (someone must close them); of those closed, the console shows a few
      const shown = g.outcome === 'closed' ? g.items.slice(0, shownClosed) : g.items;
      for (const c of shown) lines.push(`      ${c.operation} ${c.id}${c.refId ? ` ${c.refId}` : ''} ${JSON.stringify(listedName(c.name))}`);
      if (g.items.length > shown.length)
        lines.push(`      … and ${g.items.length - shown.length} more (all listed in contract-${report.target}.json and contract-summary.md)`);
    }
  }
  const width = Math.max(...report.verdicts.map((v) => v.check.length));
  for (const v of report.verdicts) {
    const notes = [v.warnings.length ? `${v.warnings.length} warning(s)` : '', v.notRun.length ? `${v.notRun.length} case(s) not run` : ''].filter(
      Boolean,
    );
    lines.push(`  ${mark[v.status]}  ${v.check.padEnd(width)}${notes.length ? `  (${notes.join(', ')})` : ''}`);
    if (v.status === 'skip') for (const e of v.evidence) lines.push(`          ${e}`);
    for (const n of v.notRun) lines.push(`          not run: ${n}`);
  }
  const count = (s: string) => report.verdicts.filter((v) => v.status === s).length;
  lines.push(
    `  ${count('pass')} passed, ${count('fail')} failed (breaking), ${count('warn')} passed with warnings (${warningCount(report)} warning(s)), ${count('skip')} skipped`,
  );
  return redact(lines.join('\n'));
}
