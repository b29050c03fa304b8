/**
 * The case-management family end to end: create a case, find it by name, add a task to it, find the task, rename
 * both, find them again, then list every open task page by page.
 *
 *   npm run -s sandbox -- --print-env --quiet > sandbox.env &   # or export the variables for your tenant
 *   sleep 2 && . ./sandbox.env                                  # every KORE_* variable below, for the sandbox
 *   npx tsx examples/case-and-task.ts
 *
 * Reads KORE_BASE_URL, KORE_STREAM_ID, KORE_ACCOUNT_ID, KORE_CLIENT_ID + KORE_CLIENT_SECRET, KORE_CASE_TEMPLATE_ID,
 * KORE_TASK_TEMPLATE_ID and KORE_USER_EMAIL (the README lists them all).
 *
 * KORE_JWT may replace KORE_CLIENT_ID + KORE_CLIENT_SECRET; KORE_JWT_SUB is optional. getCases, getTasks,
 * updateCase and updateTask need the account id. In an application, import from 'kore-case-management'.
 */
import { APIError, KoreError, createKoreClient, type Case, type TaskRecord } from '../src/index.js';

const env = process.env;
const required = ['KORE_STREAM_ID', 'KORE_ACCOUNT_ID', 'KORE_CASE_TEMPLATE_ID', 'KORE_TASK_TEMPLATE_ID', 'KORE_USER_EMAIL'];
const missing = required.filter((name) => !env[name]);
if (!env.KORE_JWT && !(env.KORE_CLIENT_ID && env.KORE_CLIENT_SECRET)) missing.push('KORE_JWT or KORE_CLIENT_ID + KORE_CLIENT_SECRET');
if (missing.length) {
  console.error(`case-and-task: missing ${missing.join(', ')} (see the comment at the top of examples/case-and-task.ts)`);
  process.exit(2);
}

const kore = createKoreClient({
  baseUrl: env.KORE_BASE_URL, // default https://platform.kore.ai
  streamId: env.KORE_STREAM_ID!,
  accountId: env.KORE_ACCOUNT_ID,
  ...(env.KORE_JWT ? { jwt: env.KORE_JWT } : { clientId: env.KORE_CLIENT_ID, clientSecret: env.KORE_CLIENT_SECRET, jwtSubject: env.KORE_JWT_SUB }),
});

const stamp = new Date().toISOString();
const byId = <T extends { _id: string }>(items: T[], id: string) => items.some((item) => item._id == id);

try {
  const created: Case = await kore.createCase({
    caseTmp: env.KORE_CASE_TEMPLATE_ID!,
    name: `Example case ${stamp}`,
    desc: 'Created by examples/case-and-task.ts',
    userInfo: { name: 'Example user' },
    emailId: env.KORE_USER_EMAIL!,
    source: 'rtm',
    dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  console.log(`created case ${created.refId} (${created._id})`);
  const found = await kore.getCases({ searchText: created.name });
  console.log(`getCases by name finds it: ${byId(found.results, created._id)}`);

  const task = await kore.createTask({
    caseId: created._id,
    caseRefId: created.refId,
    taskTmp: env.KORE_TASK_TEMPLATE_ID!,
    name: `Example task ${stamp}`,
    userInfo: { name: 'Example user', emailId: env.KORE_USER_EMAIL! },
    source: 'rtm',
  });
  console.log(`created task ${task.refId} (${task._id}) in ${task.caseRefId}`);
  const tasks = await kore.getTasks({ searchText: task.name });
  console.log(`getTasks by name finds it: ${byId(tasks.results, task._id)}`);

  const renamedCase = await kore.updateCase(created._id, { name: `Renamed case ${stamp}` });
  const renamedTask: TaskRecord = await kore.updateTask(task._id, { name: `Renamed task ${stamp}` });
  console.log(`renamed: "${renamedCase.name}", "${renamedTask.name}"`);
  console.log(
    `found again: case ${byId((await kore.getCases({ searchText: renamedCase.name })).results, created._id)}, ` +
      `task ${byId((await kore.getTasks({ searchText: renamedTask.name })).results, task._id)}`,
  );

  // every unresolved task, however many pages: .all() asks for the next page (skip) until hasMore is false
  let count = 0;
  for await (const t of kore.getTasks.all({ unresolved: true, limit: 50 })) if (t.caseId == created._id) count++;
  console.log(`unresolved tasks of the new case: ${count}`);
} catch (e) {
  process.exitCode = 1;
  if (e instanceof APIError) console.error(`HTTP ${e.status ?? '-'}: ${e.message} (request id ${e.requestId ?? 'none'})`);
  else if (e instanceof KoreError)
    console.error(e.message); // e.g. a body refused before sending
  else throw e;
}
