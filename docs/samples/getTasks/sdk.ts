// Not on the npm registry yet: `npm pack` in a clone of the repository,
// then `npm install ./kore-case-management-<version>.tgz` in your project.
import { BadRequestError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID!, // required by getTasks
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
});

try {
  // One page: skip and limit choose it; hasMore says whether another follows.
  const page = await kore.getTasks({ skip: 0, limit: 50, channel: ['rtm'] });
  console.log(`${page.totalResults} task(s), hasMore ${page.hasMore}`);
  // Every page, fetched as you iterate, until hasMore is false.
  for await (const task of kore.getTasks.all({ status: ['Open', 'In-Progress'], sortBy: { dueDate: 'desc' } })) {
    console.log(`${task._id} in ${task.caseRefId}: ${task.name}`);
  }
} catch (error) {
  if (!(error instanceof BadRequestError)) throw error;
  console.error(`rejected: ${error.platformMessage}`);
  process.exitCode = 1;
}
