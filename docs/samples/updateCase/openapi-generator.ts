// The classic client openapi-generator (typescript-fetch) builds from
// the contract (`npm run generate`). Prefer the SDK: this client renames
// `_id` to `id` in its types (the JSON still says `_id`).
import { CasesApi, Configuration } from './generated/openapi-generator-client';

const cases = new CasesApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    apiKey: process.env.KORE_JWT!, // the `auth` header, no Bearer prefix
    fetchApi: fetch, // outside browsers: it defaults to window.fetch
  }),
);

try {
  const updated = await cases.updateCase({
    streamId: process.env.KORE_STREAM_ID!,
    caseId: 'ci-1a634e1-3d97-427e-8b23-9b7b0a407d24',
    accountId: process.env.KORE_ACCOUNT_ID!, // required
    // A partial update: only the fields given change.
    updateCaseRequest: { name: 'case one', desc: 'this is case one', priority: { name: 'High' } },
  });
  console.log(`updated case ${updated.id} (${updated.refId}): ${updated.name}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
