/** `--print-env`: the KORE_* variables the contract suite (and an app's tests) read, as `export` lines for `eval`. */
import { DEV_CLIENT_SECRET, type SeedInfo } from './tenant/seed.js';

/**
 * The lines, KORE_CASE_TEMPLATE_ID last. `secret: 'dev-only'` leaves out a secret that is not the dev app's fixed value
 * (one given with --client-secret or a --data file may be real): for the banner, which is a log.
 */
export function exportLines(
  url: string,
  seed: SeedInfo,
  extra: { userEmail?: string | undefined; closedStatus?: string | undefined } = {},
  secret: 'always' | 'dev-only' = 'always',
): string {
  const vars: Record<string, string> = {
    KORE_BASE_URL: url,
    KORE_STREAM_ID: seed.streamId,
    KORE_ACCOUNT_ID: seed.accountId,
    KORE_CLIENT_ID: seed.clientId,
    // The dev app's secret of a local sandbox: it protects nothing else.
    ...(secret === 'always' || seed.clientSecret === DEV_CLIENT_SECRET ? { KORE_CLIENT_SECRET: seed.clientSecret } : {}),
    KORE_JWT_SUB: seed.userId,
    KORE_USER_ID: seed.userId,
    ...(extra.userEmail ? { KORE_USER_EMAIL: extra.userEmail } : {}),
    ...(extra.closedStatus ? { KORE_CLOSED_STATUS: extra.closedStatus } : {}),
    KORE_CASE_ID: seed.caseId,
    KORE_CASE_REF_ID: seed.caseRefId,
    KORE_TASK_TEMPLATE_ID: seed.taskTemplateId,
    KORE_CASE_TEMPLATE_ID: seed.caseTemplateId,
  };
  return Object.entries(vars)
    .map(([name, value]) => `export ${name}='${value.replaceAll("'", `'\\''`)}'`)
    .join('\n');
}
