// The classic client openapi-generator (typescript-fetch) builds from
// the contract (`npm run generate`). Prefer the SDK: this client renames
// `_id` to `id` and has no auto-pagination (page with skip/limit yourself).
import { CasesApi, Configuration } from './generated/openapi-generator-client';

const cases = new CasesApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    apiKey: process.env.KORE_JWT!, // the `auth` header, no Bearer prefix
    fetchApi: fetch, // outside browsers: it defaults to window.fetch
  }),
);

try {
  const page = await cases.getCases({
    streamId: process.env.KORE_STREAM_ID!,
    accountId: process.env.KORE_ACCOUNT_ID!, // required
    getCasesRequest: { searchText: 'case one', status: ['Open'], sortBy: { createdAt: 'desc' } },
  });
  console.log(`${page.totalResults} case(s) match; first ${page.results[0]?.refId}, hasMore ${page.hasMore}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
