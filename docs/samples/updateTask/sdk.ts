// Not on the npm registry yet: `npm pack` in a clone of the repository,
// then `npm install ./kore-case-management-<version>.tgz` in your project.
import { BadRequestError, NotFoundError, createKoreClient } from 'kore-case-management';

const kore = createKoreClient({
  baseUrl: process.env.KORE_BASE_URL ?? 'https://platform.kore.ai',
  streamId: process.env.KORE_STREAM_ID!,
  accountId: process.env.KORE_ACCOUNT_ID!, // required by updateTask
  clientId: process.env.KORE_CLIENT_ID!,
  clientSecret: process.env.KORE_CLIENT_SECRET!,
});

try {
  // A partial update of createTask's task (its _id): only the fields given change.
  const task = await kore.updateTask('ti-c7c61c9-1392-45d3-b163-3622d7377df9', {
    name: 'Task Testing',
    status: { name: 'In-Progress' },
  });
  console.log(`updated task ${task._id}: ${task.name}`);
} catch (error) {
  if (error instanceof NotFoundError) {
    console.error(`no such task: ${error.platformMessage}`);
  } else if (error instanceof BadRequestError) {
    console.error(`rejected: ${error.platformMessage}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
