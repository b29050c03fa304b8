/**
 * The collection run by newman, as a user runs it: green against the Prism mock and the reference sandbox with the
 * environments `npm run postman` writes, and red, naming the failed checks, against a wrong token and against
 * servers that answer what the contract does not allow. Nothing it prints carries a token or the client secret.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../sandbox/seed.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { DriftName } from '../../sandbox/drift.js';
import { mintToken } from '../../sandbox/token.js';
import { useMock } from '../docs/mock.js';
import { runNewman } from './newman.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'postman-newman-'));
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
let collection: object;
let mockEnv: object;
let sandboxEnv: { values: { key: string; value: string }[] };

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/postman.ts', '--out-dir', dir], { cwd: ROOT });
  collection = read('collection.json');
  mockEnv = read('mock.postman_environment.json');
  sandboxEnv = read('sandbox.postman_environment.json');
}, 60_000);

// 5 requests from the contract's request examples × (status, JSON, Task schema) + 401 and 400 × (status, JSON,
// envelope schema, code or named field).
const ASSERTIONS = 5 * 3 + 2 * 4;
const POSITIVE = [
  'Create a task',
  'Create a task: A user identified only by email',
  'Create a task: A user identified only by phone',
  'Create a task: A user identified only by _id',
  'Create a task: A task with a description',
];
const NO_TOKEN = 'Create a task: refused without a token (401)';
const NO_CASE_REF = 'Create a task: refused without caseRefId (400)';
const SECRET = 'sandbox-dev-secret'; // the start of the sandbox's dev secret, as written into its environment

/** No token (three base64url parts) and not the client secret. */
function expectNoSecrets(text: string): void {
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  expect(text).not.toContain(SECRET);
}

describe('newman against the Prism mock, with mock.postman_environment.json', () => {
  const mockUrl = useMock();

  it('passes every check of every request', async () => {
    const run = await runNewman(collection, mockEnv, { baseUrl: mockUrl() });
    expect(run.failed).toEqual([]);
    expect(run.requests).toEqual({ total: 7, failed: 0 });
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 0 });
  }, 60_000);
});

describe('newman against the reference sandbox, with sandbox.postman_environment.json', () => {
  const sandboxes: RunningSandbox[] = [];
  async function sandbox(drift?: DriftName): Promise<string> {
    const sb = await startSandbox({ port: 0, ...(drift ? { drift } : {}) });
    sandboxes.push(sb);
    return sb.url;
  }
  afterAll(() => Promise.all(sandboxes.map((sb) => sb.close())));
  const env = (key: string) => sandboxEnv.values.find((v) => v.key == key)!.value;

  it("holds the seeded tenant's ids and dev app, and no token", () => {
    expect(Object.fromEntries(sandboxEnv.values.map((v) => [v.key, v.value]))).toMatchObject({
      streamId: SEED.streamId,
      caseId: SEED.caseId,
      caseRefId: SEED.caseRefId,
      taskTemplateId: SEED.taskTemplateId,
      accountId: SEED.accountId,
      userId: SEED.contactUserId,
      jwt: '',
    });
    expect(env('clientSecret').startsWith(SECRET)).toBe(true);
  });

  it('passes every check with tokens the collection mints from clientId and clientSecret', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox() });
    expect(run.failed).toEqual([]);
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 0 });
    expectNoSecrets(run.text);
  }, 60_000);

  it('mints a fresh jti and an exp at most an hour ahead: an app that enforces JTI accepts all 7 requests', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), clientId: SEED.jtiClientId, clientSecret: SEED.jtiSecret });
    expect(run.failed).toEqual([]);
    expect(run.assertions.total).toBe(ASSERTIONS);
  }, 60_000);

  it('fails, naming the checks, with a wrong token in jwt (the given jwt wins over minting)', async () => {
    const wrong = await mintToken({ clientId: env('clientId'), clientSecret: 'not-the-app-secret' });
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), jwt: wrong });
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 12 });
    expect(run.failed).toEqual([
      ...POSITIVE.flatMap((name) => [`${name} › status is 200`, `${name} › body matches the contract's Task schema`]),
      `${NO_CASE_REF} › status is 400`, // the token is refused before the body is read
      `${NO_CASE_REF} › an error message names caseRefId`,
    ]);
    expectNoSecrets(run.text);
  }, 60_000);

  it('fails when a 200 task lacks a required field (drift missing-required-field), naming it', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox('missing-required-field') });
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 5 });
    expect(run.failed).toEqual(POSITIVE.map((name) => `${name} › body matches the contract's Task schema`));
    expect(run.text).toContain("body should have required property 'refId'");
  }, 60_000);

  it('fails the refused requests when errors leave the envelope (drift error-envelope-changed)', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox('error-envelope-changed') });
    expect(run.failed).toEqual([
      `${NO_TOKEN} › body matches the contract's ErrorEnvelope schema`,
      `${NO_TOKEN} › an error carries platform code 4002`,
      `${NO_CASE_REF} › body matches the contract's ErrorEnvelope schema`,
      `${NO_CASE_REF} › an error message names caseRefId`,
    ]);
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 4 });
  }, 60_000);

  it('fails every request, sending none, when neither jwt nor clientId/clientSecret is set', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), clientSecret: '' });
    expect(run.requests.total).toBe(0);
    expect(run.assertions).toEqual({ total: 7, failed: 7 });
    expect(run.failed).toEqual([...POSITIVE, NO_TOKEN, NO_CASE_REF].map((name) => `${name} › has credentials`));
    expect(run.text).toContain('set the jwt variable, or clientId and clientSecret to mint one');
  }, 60_000);

  it('the newman CLI exits non-zero on a failure and prints neither the token nor the secret', async () => {
    const url = await sandbox('missing-required-field');
    const cli = join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js');
    const args = [cli, 'run', join(dir, 'collection.json'), '-e', join(dir, 'sandbox.postman_environment.json'), '--env-var', `baseUrl=${url}`, '--color', 'off'];
    const failure = await promisify(execFile)(process.execPath, args).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/assertions\s*│\s*23\s*│\s*5\s*│/);
    expectNoSecrets(`${failure?.stdout}${failure?.stderr}`);
  }, 60_000);
});
