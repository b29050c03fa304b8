/**
 * The Markdown summary for a CI step summary: which checks ran where (check × target), then per target the
 * breaking failures, the warnings (differences from inferred rules) apart from them, and what did not run.
 */
import { generatorClientLimits } from '../checks/positive-data.js';
import { redact } from '../redact.js';
import { failing } from '../reproduce.js';
import { isBreaking, warningCount, type TargetReport } from '../runner.js';
import { checkNames } from '../types.js';

const icon = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownSummary(reports: TargetReport[], notRunTargets: { target: string; reason: string }[] = []): string {
  const out = ['# Contract suite', ''];
  out.push(`| check | ${reports.map((r) => r.target).join(' | ')} |`, `| --- |${reports.map(() => ' --- |').join('')}`);
  for (const name of checkNames) {
    const cells = reports.map((r) => {
      const v = r.verdicts.find((x) => x.check === name);
      const notes = v && [v.warnings.length ? `${v.warnings.length} warning(s)` : '', v.notRun.length ? `${v.notRun.length} not run` : ''].filter(Boolean);
      return v ? `${icon[v.status]}${notes!.length ? ` (${notes!.join(', ')})` : ''}` : 'n/a';
    });
    out.push(`| \`${name}\` | ${cells.join(' | ')} |`);
  }
  out.push('');
  for (const r of reports) {
    const warnings = warningCount(r);
    out.push(`**${r.target}**: ${isBreaking(r) ? 'breaking violations' : 'keeps the contract'}${warnings ? `, ${warnings} warning(s)` : ''}${r.strict ? ' (strict: warnings fail)' : ''}${r.stopped ? `; stopped early: ${r.stopped}` : ''}; ${r.budget?.budget ? `requests: ${r.budget.requests} of budget ${r.budget.budget}` : `${r.requests} requests`} in ${(r.durationMs / 1000).toFixed(1)} s; property-based seed ${r.pbt.seed}, ${r.pbt.runs} runs.`);
  }
  for (const r of reports) {
    const s = r.selection;
    if (s && (s.notSelected.length || s.dependencies.length || s.readOnly)) for (const line of s.lines) out.push(`- ${r.target}: ${cell(line)}`);
    if (s?.creates.max !== undefined) out.push(`- ${r.target}: creates: ${s.creates.created} of --max-creates ${s.creates.max}`);
  }
  for (const t of notRunTargets) out.push(`**${t.target}**: not run: ${t.reason}.`);
  for (const r of reports.filter((r) => r.cleanup?.created.length)) {
    out.push('', `## Created on ${r.target}`, '', `${cell(r.cleanup!.summary)}.`, '', '| operation | id | refId | name | closed |', '| --- | --- | --- | --- | --- |');
    for (const c of r.cleanup!.created) out.push(`| ${c.operation} | ${c.id} | ${c.refId ?? ''} | ${cell(c.name ?? '')} | ${c.closed ? 'yes' : cell(c.note ?? 'no')} |`);
  }
  for (const r of reports) {
    const sections = [
      { title: 'Breaking (fail)', items: r.verdicts.filter((v) => v.status === 'fail').map((v) => [v, v.evidence] as const) },
      { title: 'Warnings (differences from inferred rules; `--strict` fails on them)', items: r.verdicts.map((v) => [v, v.warnings] as const) },
      // A skipped check's reason, then each case that did not run: never counted as a pass.
      { title: 'Not run', items: r.verdicts.map((v) => [v, [...(v.status === 'skip' ? v.evidence : []), ...v.notRun]] as const) },
    ];
    const notSelected = r.selection?.notSelected ?? [];
    const present = sections.map((s) => ({ ...s, items: s.items.filter(([, lines]) => lines.length > 0) })).filter((s) => s.items.length > 0);
    if (present.length === 0 && notSelected.length === 0) continue;
    out.push('', `## ${r.target}`);
    if (notSelected.length) out.push('', '### Not selected', '', ...notSelected.map((op) => `- \`${op}\`: not selected`));
    for (const s of present) {
      out.push('', `### ${s.title}`, '');
      for (const [v, lines] of s.items) {
        out.push(`- **${v.check}**: ${icon[v.status]}`);
        for (const line of lines) out.push(`  - ${cell(line)}`);
      }
    }
    out.push(...reproduceSection(r));
  }
  out.push('', '## What each client can send', '', ...generatorClientLimits.map((l) => `- ${l}`), '- SDK (`createKoreClient`): every shape the contract allows; it refuses invalid bodies before sending (`RequestValidationError`).', '');
  return redact(out.join('\n'));
}

/** The failing requests as curls (the token read from $KORE_JWT), and the command that re-sends them all. */
function reproduceSection(r: TargetReport): string[] {
  const items = r.verdicts.flatMap((v) => failing(v.reproduce)).filter((x) => x.curl);
  if (items.length === 0) return [];
  const out = ['', '### Reproduce', '', `Each failing request as sent (\`export KORE_JWT=…\` first), or all at once: \`kore-case-management-contract replay ${reportName(r.target)}.json --base-url URL\`.`];
  for (const x of items) out.push('', `${x.check}: ${cell(x.probe)} (${x.operation}, answered ${x.answered})`, '', '```sh', x.curl!, '```');
  return out;
}

/** A target's report files are named contract-<target>.{json,xml}. */
export const reportName = (target: string) => `contract-${target.replace(/[^\w.-]+/g, '_')}`;
