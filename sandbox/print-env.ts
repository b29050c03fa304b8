/** `--print-env`: the KORE_* variables the contract suite (and an app's tests) read, as `export` lines for `eval`. */
import type { SeedInfo } from './seed.js';

export function exportLines(url: string, seed: SeedInfo): string {
  const vars: Record<string, string> = {
    KORE_BASE_URL: url,
    KORE_STREAM_ID: seed.streamId,
    KORE_ACCOUNT_ID: seed.accountId,
    KORE_CLIENT_ID: seed.clientId,
    // The dev app's secret of a local sandbox: it protects nothing else.
    KORE_CLIENT_SECRET: seed.clientSecret,
    KORE_USER_ID: seed.userId,
    KORE_CASE_ID: seed.caseId,
    KORE_CASE_REF_ID: seed.caseRefId,
    KORE_TASK_TEMPLATE_ID: seed.taskTemplateId,
    KORE_CASE_TEMPLATE_ID: seed.caseTemplateId,
  };
  return Object.entries(vars).map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`).join('\n');
}
