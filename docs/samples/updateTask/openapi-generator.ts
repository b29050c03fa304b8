// The classic client openapi-generator (typescript-fetch) builds from
// the contract (`npm run generate`). Prefer the SDK: this client renames
// `_id` to `id` in its types (the JSON still says `_id`).
import { Configuration, TasksApi } from './generated/openapi-generator-client';

const tasks = new TasksApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    apiKey: process.env.KORE_JWT!, // the `auth` header, no Bearer prefix
    fetchApi: fetch, // outside browsers: it defaults to window.fetch
  }),
);

try {
  const task = await tasks.updateTask({
    streamId: process.env.KORE_STREAM_ID!,
    taskId: 'ti-c7c61c9-1392-45d3-b163-3622d7377df9', // createTask's `_id`
    accountId: process.env.KORE_ACCOUNT_ID!, // required
    // A partial update: only the fields given change.
    updateTaskRequest: { name: 'Task Testing', status: { name: 'In-Progress' } },
  });
  console.log(`updated task ${task.id}: ${task.name}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
