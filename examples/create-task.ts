/**
 * Creates one task and shows how to handle each kind of failure.
 *
 *   npm run -s sandbox -- --print-env --quiet > sandbox.env &   # or export the variables for your tenant
 *   sleep 2 && . ./sandbox.env                                  # every KORE_* variable below, for the sandbox
 *   npx tsx examples/create-task.ts
 *
 * Reads KORE_BASE_URL, KORE_STREAM_ID, KORE_CLIENT_ID + KORE_CLIENT_SECRET, KORE_CASE_ID, KORE_CASE_REF_ID,
 * KORE_TASK_TEMPLATE_ID and KORE_USER_EMAIL (the README lists them all).
 *
 * KORE_JWT may replace KORE_CLIENT_ID + KORE_CLIENT_SECRET; KORE_ACCOUNT_ID and KORE_JWT_SUB are optional.
 * In an application, import from 'kore-case-management' instead of '../src/index.js'.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  createKoreClient,
} from '../src/index.js';

const env = process.env;
const required = ['KORE_STREAM_ID', 'KORE_CASE_ID', 'KORE_CASE_REF_ID', 'KORE_TASK_TEMPLATE_ID', 'KORE_USER_EMAIL'];
const missing = required.filter((name) => !env[name]);
if (!env.KORE_JWT && !(env.KORE_CLIENT_ID && env.KORE_CLIENT_SECRET)) missing.push('KORE_JWT or KORE_CLIENT_ID + KORE_CLIENT_SECRET');
if (missing.length) {
  console.error(`create-task: missing ${missing.join(', ')} (see the comment at the top of examples/create-task.ts)`);
  process.exit(2);
}

const client = createKoreClient({
  baseUrl: env.KORE_BASE_URL, // default https://platform.kore.ai
  streamId: env.KORE_STREAM_ID!,
  accountId: env.KORE_ACCOUNT_ID,
  ...(env.KORE_JWT ? { jwt: env.KORE_JWT } : { clientId: env.KORE_CLIENT_ID, clientSecret: env.KORE_CLIENT_SECRET, jwtSubject: env.KORE_JWT_SUB }),
  timeoutMs: 10_000,
  maxRetries: 2, // only 429, 503 and refused connections are retried: none of them can have created the task
  logger: console, // secrets are redacted from every line
});

try {
  const { data: task, requestId } = await client.createTaskWithResponse({
    caseId: env.KORE_CASE_ID!,
    caseRefId: env.KORE_CASE_REF_ID!,
    taskTmp: env.KORE_TASK_TEMPLATE_ID!,
    name: 'Call the customer back',
    desc: 'Created by examples/create-task.ts',
    userInfo: { name: 'Example user', emailId: env.KORE_USER_EMAIL! },
    source: 'rtm',
  });
  console.log(`created ${task.refId} (${task._id}), status ${task.status.name}, request id ${requestId ?? 'none'}`);
} catch (e) {
  process.exitCode = 1;
  if (e instanceof RequestValidationError) {
    // nothing was sent; every problem is listed by path
    for (const p of e.problems) console.error(`invalid body: ${p.path}: ${p.message}`);
  } else if (e instanceof BadRequestError) {
    console.error(`the platform refused the body: ${e.platformMessage}`);
  } else if (e instanceof AuthenticationError) {
    console.error('the token was refused (expired, wrong secret, or an app without the Case Management scope)');
  } else if (e instanceof PermissionDeniedError) {
    console.error('this app may not act on this bot');
  } else if (e instanceof NotFoundError) {
    console.error(`not found: ${e.platformMessage} (bot, case or task template)`);
  } else if (e instanceof RateLimitError) {
    console.error(`still rate limited after retries; retry after ${e.headers?.get('retry-after') ?? '?'} s`);
  } else if (e instanceof InternalServerError) {
    console.error(`platform error ${e.status}: the task may or may not exist, check before creating it again`);
  } else if (e instanceof APIConnectionTimeoutError) {
    console.error('timed out: the task may have been created, check before creating it again');
  } else if (e instanceof APIConnectionError) {
    console.error(e.sent ? 'connection lost: the task may have been created' : 'could not connect: nothing was sent');
  } else if (e instanceof ResponseValidationError) {
    console.error(`the task was created but its answer breaks the contract: ${e.message}`);
  } else if (e instanceof APIError) {
    console.error(`HTTP ${e.status}: ${e.message} (request id ${e.requestId ?? 'none'})`);
  } else {
    throw e;
  }
}
