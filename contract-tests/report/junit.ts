/**
 * JUnit XML for one target: a testcase per check. fail -> <failure>, skip -> <skipped>. A warning is a pass: JUnit
 * has no warning status, and CI tools render <skipped> as "did not run" (a check that ran and found a difference
 * from an inferred rule did run) and <failure> as red. So a warned check is a passing testcase whose
 * <system-out> starts with "WARNING" and lists each one (Jenkins, GitLab and the GitHub test reporters show it),
 * with a `warnings` property per testcase and per suite for tools that read properties.
 */
import { redact } from '../redact.js';
import { warningCount, type TargetReport } from '../runner.js';

const xml = (s: string) =>
  redact(s)
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitXml(report: TargetReport): string {
  const suite = `contract.${report.target.replace(/[^\w.-]+/g, '_')}`;
  const failures = report.verdicts.filter((v) => v.status === 'fail').length;
  const skipped = report.verdicts.filter((v) => v.status === 'skip').length;
  const cases = report.verdicts.map((v) => {
    const notRun = v.notRun.length ? `\nnot run:\n${v.notRun.join('\n')}` : '';
    const warnings = v.warnings.length
      ? `WARNING: ${v.warnings.length} difference(s) from inferred rules (not failures):\n${v.warnings.map((w) => `warning: ${w}`).join('\n')}\n`
      : '';
    const properties = v.warnings.length ? `<properties><property name="warnings" value="${v.warnings.length}"/></properties>` : '';
    const out =
      warnings || notRun || v.status === 'pass'
        ? `<system-out>${xml(`${warnings}${v.status === 'pass' || v.status === 'warn' ? v.evidence.join('\n') : ''}${notRun}`)}</system-out>`
        : '';
    const inner =
      v.status === 'fail'
        ? `<failure message="${xml(v.evidence[0] ?? v.check)}" type="contract-violation">${xml(v.evidence.join('\n'))}</failure>`
        : v.status === 'skip'
          ? `<skipped message="${xml(v.evidence[0] ?? 'skipped')}"/>`
          : '';
    return `    <testcase classname="${xml(suite)}" name="${xml(v.check)}">${properties}${inner}${out}</testcase>`;
  });
  // An operation not selected is a skipped testcase of its own: never counted as passed.
  for (const op of report.selection?.notSelected ?? [])
    cases.push(`    <testcase classname="${xml(suite)}" name="${xml(`operation ${op}`)}"><skipped message="not selected"/></testcase>`);
  const tests = cases.length;
  const skippedAll = skipped + (report.selection?.notSelected.length ?? 0);
  const time = (report.durationMs / 1000).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="contract" tests="${tests}" failures="${failures}" skipped="${skippedAll}" time="${time}">`,
    `  <testsuite name="${xml(suite)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skippedAll}" time="${time}">`,
    `    <properties><property name="warnings" value="${warningCount(report)}"/><property name="strict" value="${report.strict}"/>${report.selection?.readOnly ? '<property name="read-only" value="true"/>' : ''}${report.stopped ? `<property name="stopped" value="${xml(report.stopped)}"/>` : ''}</properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
