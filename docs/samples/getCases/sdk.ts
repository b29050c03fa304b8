// Not on the npm registry yet: `npm pack` in a clone of the repository,
// then `npm install ./kore-case-management-<version>.tgz` in your project.
import { BadRequestError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID!, // required by getCases
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
});

try {
  // One page: { results, page, limit, hasMore, totalPages, totalResults }.
  const page = await kore.getCases({ searchText: 'case one' });
  console.log(`${page.totalResults} case(s) match`);
  // Every page, fetched as you iterate, until hasMore is false.
  for await (const found of kore.getCases.all({ status: ['Open'], sortBy: { createdAt: 'desc' } })) {
    console.log(`${found.refId} ${found.name}: ${found.status.name}`);
  }
} catch (error) {
  if (!(error instanceof BadRequestError)) throw error;
  console.error(`rejected: ${error.platformMessage}`);
  process.exitCode = 1;
}
