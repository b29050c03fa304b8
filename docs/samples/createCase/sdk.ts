// Not on the npm registry yet: `npm pack` in a clone of the repository,
// then `npm install ./kore-case-management-<version>.tgz` in your project.
import { BadRequestError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID, // optional for createCase
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
});

try {
  // Not idempotent: retried only when no case can have been created.
  const created = await kore.createCase({
    caseTmp: 'ctm-d4e6152-4255-4c5c-ba6c-91dac5cdfcd9',
    name: 'This is demo case',
    desc: 'Demo case',
    // userInfo._id, emailId or phoneNumber identifies the customer;
    // emailId and phoneNumber sit beside userInfo, not inside it.
    userInfo: { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597787f', name: 'John' },
    emailId: 'john.doe@example.com',
    phoneNumber: '9023989052',
    dueDate: '2026-09-04T14:15:00.000Z',
    source: 'rtm',
  });
  // Its _id and refId are createTask's caseId and caseRefId.
  console.log(`created case ${created._id} (${created.refId}), status ${created.status.name}`);
} catch (error) {
  if (!(error instanceof BadRequestError)) throw error;
  console.error(`rejected: ${error.platformMessage}`);
  process.exitCode = 1;
}
