/** Writes a run's files: reports/contract-<target>.xml (JUnit), contract-<target>.json and reports/contract-summary.md. */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetReport } from '../runner.js';
import { redact } from '../redact.js';
import { junitXml } from './junit.js';
import { markdownSummary, reportName } from './markdown.js';

export function writeReports(dir: string, reports: TargetReport[], notRunTargets: { target: string; reason: string }[] = []): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const r of reports) {
    const base = join(dir, reportName(r.target));
    writeFileSync(`${base}.xml`, junitXml(r));
    // For machines: the verdicts (dashboards, diffs between runs) and the exchanges (`npm run learn`), redacted.
    writeFileSync(`${base}.json`, redact(JSON.stringify(r, null, 2)) + '\n');
    files.push(`${base}.xml`, `${base}.json`);
  }
  const summary = join(dir, 'contract-summary.md');
  const markdown = markdownSummary(reports, notRunTargets);
  writeFileSync(summary, markdown);
  files.push(summary);
  // In GitHub Actions the same summary becomes the job's step summary.
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown + '\n');
  return files;
}
