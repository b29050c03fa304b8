/**
 * The Markdown summary for a CI step summary: per target its verdict in one line, then the breaking failures,
 * the warnings (differences from inferred rules) apart from them, what the run created (grouped by what became of
 * it), and last the check × target table and what did not run.
 */
import { generatorClientLimits } from '../checks/positive-data.js';
import { redact } from '../redact.js';
import { failing } from '../reproduce.js';
import { isBreaking, warningCount, type TargetReport } from '../runner.js';
import { checkNames, type Verdict } from '../types.js';
import { groupCreated, listedName } from './created.js';

const icon = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One section per target of the verdicts that have lines to show, each check with its lines. */
function sections(out: string[], reports: TargetReport[], title: string, lines: (v: Verdict) => string[]) {
  for (const r of reports) {
    const shown = r.verdicts.filter((v) => lines(v).length > 0);
    if (shown.length === 0) continue;
    out.push('', `## ${title} on ${r.target}`, '');
    for (const v of shown) {
      out.push(`- **${v.check}**: ${icon[v.status]}`);
      for (const line of lines(v)) out.push(`  - ${cell(line)}`);
    }
  }
}

export function markdownSummary(reports: TargetReport[], notRunTargets: { target: string; reason: string }[] = []): string {
  const out = ['# Contract suite', ''];
  for (const r of reports) {
    const warnings = warningCount(r);
    out.push(
      `**${r.target}**: ${isBreaking(r) ? 'breaking violations' : 'keeps the contract'}${warnings ? `, ${warnings} warning(s)` : ''}${r.strict ? ' (strict: warnings fail)' : ''}${r.stopped ? `; stopped early: ${r.stopped}` : ''}; ${r.budget?.budget ? `requests: ${r.budget.requests} of budget ${r.budget.budget}` : `${r.requests} requests`} in ${(r.durationMs / 1000).toFixed(1)} s; property-based seed ${r.pbt.seed}, ${r.pbt.runs} runs.`,
      '',
    );
  }
  for (const r of reports) {
    const s = r.selection;
    if (s && (s.notSelected.length || s.dependencies.length || s.readOnly)) for (const line of s.lines) out.push(`- ${r.target}: ${cell(line)}`);
    if (s?.creates.max !== undefined) out.push(`- ${r.target}: creates: ${s.creates.created} of --max-creates ${s.creates.max}`);
  }
  for (const t of notRunTargets) out.push(`**${t.target}**: not run: ${t.reason}.`, '');
  sections(out, reports, 'Breaking (fail)', (v) => (v.status === 'fail' ? v.evidence : []));
  for (const r of reports) out.push(...reproduceSection(r));
  sections(out, reports, 'Warnings (differences from inferred rules; `--strict` fails on them)', (v) => v.warnings);
  for (const r of reports.filter((r) => r.cleanup?.created.length)) {
    out.push('', `## Created on ${r.target}`, '', `${cell(r.cleanup!.summary)}.`);
    for (const g of groupCreated(r.cleanup!.created)) {
      out.push('', `${cell(g.outcome)} (${g.items.length}):`, '', '| operation | id | refId | name |', '| --- | --- | --- | --- |');
      for (const c of g.items) out.push(`| ${c.operation} | ${c.id} | ${c.refId ?? ''} | ${cell(listedName(c.name))} |`);
    }
  }
  out.push('', '## Checks', '', `| check | ${reports.map((r) => r.target).join(' | ')} |`, `| --- |${reports.map(() => ' --- |').join('')}`);
  for (const name of checkNames) {
    const cells = reports.map((r) => {
      const v = r.verdicts.find((x) => x.check === name);
      const notes =
        v && [v.warnings.length ? `${v.warnings.length} warning(s)` : '', v.notRun.length ? `${v.notRun.length} not run` : ''].filter(Boolean);
      return v ? `${icon[v.status]}${notes!.length ? ` (${notes!.join(', ')})` : ''}` : 'n/a';
    });
    out.push(`| \`${name}\` | ${cells.join(' | ')} |`);
  }
  // A skipped check's reason, then each case that did not run: never counted as a pass.
  sections(out, reports, 'Not run', (v) => [...(v.status === 'skip' ? v.evidence : []), ...v.notRun]);
  for (const r of reports.filter((r) => r.selection?.notSelected.length))
    out.push('', `## Not selected on ${r.target}`, '', ...r.selection!.notSelected.map((op) => `- \`${op}\`: not selected`));
  out.push(
    '',
    '## What each client can send',
    '',
    ...generatorClientLimits.map((l) => `- ${l}`),
    '- SDK (`createKoreClient`): every shape the contract allows; it refuses invalid bodies before sending (`RequestValidationError`).',
    '',
  );
  return redact(out.join('\n'));
}

/** The failing requests as curls (the token read from $KORE_JWT), and the command that re-sends them all. */
function reproduceSection(r: TargetReport): string[] {
  const items = r.verdicts.flatMap((v) => failing(v.reproduce)).filter((x) => x.curl);
  if (items.length === 0) return [];
  const out = [
    '',
    `### Reproduce (${r.target})`,
    '',
    `Each failing request as sent (\`export KORE_JWT=…\` first), or all at once: \`kore-case-management-contract replay ${reportName(r.target)}.json --base-url URL\`.`,
  ];
  for (const x of items) out.push('', `${x.check}: ${cell(x.probe)} (${x.operation}, answered ${x.answered})`, '', '```sh', x.curl!, '```');
  return out;
}

/** A target's report files are named contract-<target>.{json,xml}. */
export const reportName = (target: string) => `contract-${target.replace(/[^\w.-]+/g, '_')}`;
