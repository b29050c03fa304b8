// The classic client openapi-generator (typescript-fetch) builds from
// the contract (`npm run generate`). Prefer the SDK: this client renames
// `_id` to `id` (and `ETAlist` to `eTAlist`) and has no auto-pagination.
import { Configuration, TasksApi } from './generated/openapi-generator-client';

const tasks = new TasksApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    apiKey: process.env.KORE_JWT!, // the `auth` header, no Bearer prefix
    fetchApi: fetch, // outside browsers: it defaults to window.fetch
  }),
);

try {
  const page = await tasks.getTasks({
    streamId: process.env.KORE_STREAM_ID!,
    accountId: process.env.KORE_ACCOUNT_ID!, // required
    getTasksRequest: {
      skip: 0,
      limit: 50,
      status: ['Open', 'In-Progress'],
      channel: ['rtm'],
      sortBy: { dueDate: 'desc' },
    },
  });
  for (const task of page.results) console.log(`${task.id} in ${task.caseRefId}: ${task.name}`);
  console.log(`page ${page.page} of ${page.totalPages}, hasMore ${page.hasMore}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
