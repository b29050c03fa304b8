/** The Markdown summary for a CI step summary: which checks ran where (check × target), then each finding. */
import { generatorClientLimits } from '../checks/positive-data.js';
import { redact } from '../redact.js';
import { isBreaking, type TargetReport } from '../runner.js';
import { checkNames } from '../types.js';

const icon = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownSummary(reports: TargetReport[], notRunTargets: { target: string; reason: string }[] = []): string {
  const out = ['# Contract suite', ''];
  out.push(`| check | ${reports.map((r) => r.target).join(' | ')} |`, `| --- |${reports.map(() => ' --- |').join('')}`);
  for (const name of checkNames) {
    const cells = reports.map((r) => {
      const v = r.verdicts.find((x) => x.check === name);
      return v ? `${icon[v.status]}${v.notRun.length ? ` (${v.notRun.length} not run)` : ''}` : 'n/a';
    });
    out.push(`| \`${name}\` | ${cells.join(' | ')} |`);
  }
  out.push('');
  for (const r of reports) {
    out.push(`**${r.target}**: ${isBreaking(r) ? 'breaking violations' : 'keeps the contract'}; ${r.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s; property-based seed ${r.pbt.seed}, ${r.pbt.runs} runs.`);
  }
  for (const t of notRunTargets) out.push(`**${t.target}**: not run: ${t.reason}.`);
  for (const r of reports) {
    const notable = r.verdicts.filter((v) => v.status !== 'pass' || v.notRun.length);
    if (notable.length === 0) continue;
    out.push('', `## ${r.target}`, '');
    for (const v of notable) {
      out.push(`- **${v.check}**: ${icon[v.status]}`);
      if (v.status !== 'pass') for (const e of v.evidence) out.push(`  - ${cell(e)}`);
      for (const n of v.notRun) out.push(`  - not run: ${cell(n)}`);
    }
  }
  out.push('', '## What each client can send', '', ...generatorClientLimits.map((l) => `- ${l}`), '- SDK (`createKoreClient`): every shape the contract allows; it refuses invalid bodies before sending (`RequestValidationError`).', '');
  return redact(out.join('\n'));
}
