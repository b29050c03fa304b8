/** JUnit XML for one target: a testcase per check; fail -> <failure>, skip -> <skipped>, warn -> passed with system-out. */
import { redact } from '../redact.js';
import type { TargetReport } from '../runner.js';

const xml = (s: string) =>
  redact(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitXml(report: TargetReport): string {
  const suite = `contract.${report.target.replace(/[^\w.-]+/g, '_')}`;
  const failures = report.verdicts.filter((v) => v.status === 'fail').length;
  const skipped = report.verdicts.filter((v) => v.status === 'skip').length;
  const cases = report.verdicts.map((v) => {
    const body = v.evidence.join('\n');
    const notRun = v.notRun.length ? `\nnot run:\n${v.notRun.join('\n')}` : '';
    const inner =
      v.status === 'fail'
        ? `<failure message="${xml(v.evidence[0] ?? v.check)}" type="contract-violation">${xml(body + notRun)}</failure>`
        : v.status === 'skip'
          ? `<skipped message="${xml(v.evidence[0] ?? 'skipped')}"/>`
          : `<system-out>${xml(`${v.status === 'warn' ? 'WARNING (additive drift)\n' : ''}${body}${notRun}`)}</system-out>`;
    return `    <testcase classname="${xml(suite)}" name="${xml(v.check)}">${inner}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="contract" tests="${report.verdicts.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${xml(suite)}" tests="${report.verdicts.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
