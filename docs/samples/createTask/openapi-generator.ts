// The classic client openapi-generator (typescript-fetch) builds from
// the contract; `npm run generate` writes it to
// generated/openapi-generator-client/. Prefer the SDK: this client
// - renames `_id` to `id` in its types (the JSON still says `_id`);
// - turns userInfo's "`_id`, or else `emailId` or `phoneNumber`" into
//   one type that demands all three: give the ones you have and cast
//   (the missing ones are left out of the JSON).
import { Configuration, TasksApi, type CreateTaskUserInfo } from './generated/openapi-generator-client';

const tasks = new TasksApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    // sent as the `auth` header, with no Bearer prefix
    apiKey: process.env.KORE_JWT!,
    // needed outside browsers: this client defaults to window.fetch
    fetchApi: fetch,
  }),
);

try {
  const task = await tasks.createTask({
    streamId: process.env.KORE_STREAM_ID!,
    ...(process.env.KORE_ACCOUNT_ID ? { accountId: process.env.KORE_ACCOUNT_ID } : {}), // optional
    createTaskRequest: {
      caseId: 'ci-31d9184-d64d-42d9-8c75-5edba5319e02',
      caseRefId: 'CS000131',
      taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939c4a1',
      name: 'This is demo task',
      userInfo: {
        id: 'u-fd371c0a-3168-5a02-83dd-f4ba55970d3e',
        name: 'dummy',
        emailId: 'dummy@mailinator.com',
      } as CreateTaskUserInfo,
      source: 'rtm',
    },
  });
  console.log(`created ${task.id} (${task.refId}), status ${task.status.name}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
