// Not on the npm registry yet: `npm pack` in a clone of the repository,
// then `npm install ./kore-case-management-<version>.tgz` in your project.
import { BadRequestError, NotFoundError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID!, // required by updateCase
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
});

try {
  // A partial update: only the fields given change.
  const updated = await kore.updateCase('ci-1a634e1-3d97-427e-8b23-9b7b0a407d24', {
    name: 'case one',
    desc: 'this is case one',
    priority: { name: 'High' },
  });
  console.log(`updated case ${updated._id} (${updated.refId}): ${updated.name}`);
} catch (error) {
  if (error instanceof NotFoundError) {
    console.error(`no such case: ${error.platformMessage}`);
  } else if (error instanceof BadRequestError) {
    console.error(`rejected: ${error.platformMessage}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
