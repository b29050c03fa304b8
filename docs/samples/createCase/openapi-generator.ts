// The classic client openapi-generator (typescript-fetch) builds from
// the contract (`npm run generate`). Prefer the SDK: this client renames
// `_id` to `id` and demands userInfo, emailId and phoneNumber together
// (userInfo typed `object`), so it cannot create a case for a customer
// known by only one of them.
import { CasesApi, Configuration } from './generated/openapi-generator-client';

const cases = new CasesApi(
  new Configuration({
    basePath: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
    apiKey: process.env.KORE_JWT!, // the `auth` header, no Bearer prefix
    fetchApi: fetch, // outside browsers: it defaults to window.fetch
  }),
);

try {
  const created = await cases.createCase({
    streamId: process.env.KORE_STREAM_ID!,
    ...(process.env.KORE_ACCOUNT_ID ? { accountId: process.env.KORE_ACCOUNT_ID } : {}), // optional
    createCaseRequest: {
      caseTmp: 'ctm-d4e6152-4255-4c5c-ba6c-91dac5cdfcd9',
      name: 'This is demo case',
      desc: 'Demo case',
      userInfo: { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597787f', name: 'John' },
      emailId: 'john.doe@example.com',
      phoneNumber: '9023989052',
      dueDate: new Date('2026-09-04T14:15:00.000Z'),
      source: 'rtm',
    },
  });
  console.log(`created case ${created.id} (${created.refId}), status ${created.status.name}`);
} catch (error) {
  // On a non-2xx answer this client throws the fetch Response itself.
  if (!(error instanceof Response)) throw error;
  const { errors } = await error.json();
  console.error(`HTTP ${error.status}: ${errors?.[0]?.msg}`);
  process.exitCode = 1;
}
