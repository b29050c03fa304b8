// Not on the npm registry yet (it will be published as
// kore-case-management). Today: in a clone of the repository,
// `npm pack`, then in your project
//   npm install ./kore-case-management-<version>.tgz
import { AuthenticationError, BadRequestError, RateLimitError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  // or host: 'de-platform.kore.ai'
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  // st-…, from the bot's General Settings page
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID, // optional
  // The SDK signs short-lived HS256 JWTs with the app's credentials
  // and sends them as the `auth` header (or pass a ready `jwt`).
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
  // Retries only when no task can have been created
  // (refused connection, 429, 503).
  maxRetries: 2,
});

try {
  const task = await kore.createTask({
    caseId: 'ci-31d9184-d64d-42d9-8c75-5edba5319e02',
    caseRefId: 'CS000131',
    taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939c4a1',
    name: 'This is demo task',
    userInfo: {
      _id: 'u-fd371c0a-3168-5a02-83dd-f4ba55970d3e',
      name: 'dummy',
      emailId: 'dummy@mailinator.com',
    },
    source: 'rtm',
  });
  console.log(`created ${task._id} (${task.refId}), status ${task.status.name}`);
} catch (error) {
  // API errors carry status, headers, requestId and the platform's
  // envelope { errors: [{ msg, code }] }; platformMessage is its msg.
  if (error instanceof BadRequestError) {
    console.error(`rejected: ${error.platformMessage}`);
  } else if (error instanceof AuthenticationError) {
    console.error(`check the app's credentials and scope: ${error.platformMessage}`);
  } else if (error instanceof RateLimitError) {
    console.error(`rate limited; retry after ${error.headers?.get('retry-after')} s`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
