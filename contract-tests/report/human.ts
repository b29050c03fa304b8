/** The console summary of one target: check × verdict, and for each non-pass the evidence and what did not run. */
import { redact } from '../redact.js';
import type { TargetReport } from '../runner.js';

const mark = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' } as const;

export function humanSummary(report: TargetReport): string {
  const lines = [`Contract suite against ${report.target} (${report.baseUrl}): ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, property-based seed ${report.pbt.seed}, ${report.pbt.runs} runs`];
  const width = Math.max(...report.verdicts.map((v) => v.check.length));
  for (const v of report.verdicts) {
    lines.push(`  ${mark[v.status]}  ${v.check.padEnd(width)}${v.notRun.length ? `  (${v.notRun.length} case(s) not run)` : ''}`);
    if (v.status === 'fail' || v.status === 'warn' || v.status === 'skip') for (const e of v.evidence) lines.push(`          ${e}`);
    for (const n of v.notRun) lines.push(`          not run: ${n}`);
  }
  const count = (s: string) => report.verdicts.filter((v) => v.status === s).length;
  lines.push(`  ${count('pass')} passed, ${count('fail')} failed, ${count('warn')} warned (additive drift), ${count('skip')} skipped`);
  return redact(lines.join('\n'));
}
