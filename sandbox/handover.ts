/**
 * What `npm run sandbox` hands to a user in one paste, besides the `export KORE_…=` lines (print-env.ts): a command
 * for a token and a curl for each of the six operations, reading those variables.
 */
import { DEV_CLIENT_ID, DEV_CLIENT_SECRET, seedInfoOf } from './tenant/seed.js';
import type { TenantData } from './tenant/tenant.js';

/**
 * How a user gets a token for the sandbox's dev app (stdout only, for `$(…)`): the installed package's command when
 * this runs from its bundle (dist/), the script in a checkout.
 */
export const MINT_COMMAND = /\/dist\/[^/]+\.js$/.test(import.meta.url) ? 'npx kore-case-management-sandbox mint' : 'npx tsx sandbox/mint.ts';

/** A value as one shell word: single-quoted unless it is plainly safe (ids, URLs). */
const shellWord = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`);

/** What the export lines add from the tenant: the owner's email (the examples' customer) and a closing status. */
export function tenantExtras(data: TenantData): { userEmail: string | undefined; closedStatus: string | undefined } {
  const { userId } = seedInfoOf(data);
  const closed = (data.statuses ?? data.templates.map((t) => t.status)).find((s) => s.name === 'Closed');
  return { userEmail: data.users.find((u) => u._id === userId)?.emailId, closedStatus: closed?.name };
}

/** The note under the banner's export lines: the dev secret is none; another one is not printed there. */
export function secretNote(data: TenantData): string {
  const { clientId, clientSecret } = seedInfoOf(data);
  return clientSecret === DEV_CLIENT_SECRET
    ? "# KORE_CLIENT_SECRET is the dev app's fixed value from sandbox/tenant/seed.ts: not a secret, it opens only this sandbox"
    : `# KORE_CLIENT_SECRET: the secret you gave for ${clientId} is not printed here; export it yourself`;
}

/** How to get a token for this sandbox's app: the dev app's needs no flag. */
export function mintLine(data: TenantData): string {
  const { clientId, clientSecret } = seedInfoOf(data);
  const flags = [
    clientId === DEV_CLIENT_ID ? '' : ` --client-id ${shellWord(clientId)}`,
    clientSecret === DEV_CLIENT_SECRET ? '' : ' --client-secret "$KORE_CLIENT_SECRET"',
  ];
  return `export KORE_JWT=$(${MINT_COMMAND}${flags.join('')})`;
}

/**
 * One curl per operation, in the order of a chain (a case, found, renamed; a task in it, found, renamed), reading the
 * variables the export lines set and `$KORE_JWT`. createTask's answer gives KORE_TASK_ID for updateTask.
 */
export function curlLines(now = new Date()): string[] {
  const url = (path: string) => `"$KORE_BASE_URL/caseManagement/api/public/analytics/$KORE_STREAM_ID/${path}"`;
  const headers = (account: boolean) =>
    `-H "auth: $KORE_JWT"${account ? ' -H "accountId: $KORE_ACCOUNT_ID"' : ''} -H 'content-type: application/json'`;
  // a body with the variables spliced in: single quotes around the JSON, double quotes around each variable
  const body = (json: string) => `-d '${json.replace(/\$(KORE_\w+)/g, `'"$$$1"'`)}'`;
  const user = '"userInfo":{"name":"Sandbox user","emailId":"$KORE_USER_EMAIL"}';
  const dueDate = new Date(now.getTime() + 7 * 24 * 3600 * 1000).toISOString(); // createCase requires one
  return [
    `curl -sS ${url('createCase')} ${headers(false)} ${body(`{"caseTmp":"$KORE_CASE_TEMPLATE_ID","name":"Curl case","desc":"from the sandbox banner",${user},"source":"rtm","dueDate":"${dueDate}"}`)}`,
    `curl -sS ${url('getCases')} ${headers(true)} ${body('{"searchText":"Curl case"}')}`,
    `curl -sS ${url('updateCase/$KORE_CASE_ID')} ${headers(true)} ${body('{"name":"Renamed by curl"}')}`,
    `export KORE_TASK_ID=$(curl -sS ${url('createTask')} ${headers(false)} ${body(`{"caseId":"$KORE_CASE_ID","caseRefId":"$KORE_CASE_REF_ID","taskTmp":"$KORE_TASK_TEMPLATE_ID","name":"Curl task",${user},"source":"rtm"}`)} | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8"))._id')`,
    `curl -sS ${url('getTasks')} ${headers(true)} ${body('{"searchText":"Curl task","skip":0,"limit":10}')}`,
    `curl -sS ${url('updateTask/$KORE_TASK_ID')} ${headers(true)} ${body('{"name":"Renamed by curl"}')}`,
  ];
}
