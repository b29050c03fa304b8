/**
 * The collection run by newman, as a user runs it: green against the Prism mock and the reference sandbox with the
 * environments `npm run postman` writes, and red, naming the failed checks, against a wrong token and against
 * servers that answer what the contract does not allow. Nothing it prints carries a token or the client secret.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollection, mockEnvironment, sandboxEnvironment } from '../../scripts/postman.js';
import { SEED } from '../../sandbox/tenant/seed.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.js';
import type { DriftName } from '../../sandbox/drift/drift.js';
import { mintToken } from '../../sandbox/tenant/token.js';
import { useMock } from '../helpers/run-mock.js';
import { runNewman } from './newman.js';
import { scratchDir } from '../helpers/run-scratch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = scratchDir('postman-newman-');
let collection: object;
let mockEnv: object;
let sandboxEnv: { values: { key: string; value: string }[] };

// What `npm run postman` writes, built in this process by the functions it calls (collection.test.ts runs the
// script itself); written to `dir` for the newman CLI test.
beforeAll(async () => {
  // through JSON, as the files are: newman gets exactly what a user's run loads
  const asWritten = <T>(json: T, name: string): T => {
    writeFileSync(join(dir, name), JSON.stringify(json));
    return JSON.parse(readFileSync(join(dir, name), 'utf8'));
  };
  collection = asWritten(await buildCollection(JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'))), 'collection.json');
  mockEnv = asWritten(mockEnvironment(), 'mock.postman_environment.json');
  sandboxEnv = asWritten(sandboxEnvironment(), 'sandbox.postman_environment.json');
}, 60_000);

// The run, in order: createCase, getCases, updateCase; createTask × its 4 request examples + the seed, refused
// without a token (401) and without caseRefId (400); getTasks, refused without accountId (400); updateTask.
// Each request: status, JSON, body schema; a refused one also its code or named field; six requests also check the
// chain (what an earlier request created is found, renamed…).
const CREATE_TASK = [
  'Create a task',
  'Create a task: A user identified only by email',
  'Create a task: A user identified only by phone',
  'Create a task: A user identified only by _id',
  'Create a task: A task with a description',
];
const NO_TOKEN = 'Create a task: refused without a token (401)';
const NO_CASE_REF = 'Create a task: refused without caseRefId (400)';
const NO_ACCOUNT = 'List tasks: refused without accountId (400)';
/** The requests a server must answer 200, and the schema of each answer. */
const POSITIVE: [string, string][] = [
  ['Create a case', 'Case'],
  ['List cases', 'CasePage'],
  ['Update a case', 'Case'],
  ...CREATE_TASK.map((name): [string, string] => [name, 'Task']),
  ['List tasks', 'TaskPage'],
  ['Update a task', 'TaskRecord'],
];
const CHAIN = [
  'Create a case › the case has the name sent',
  'List cases › lists the case createCase made',
  'Update a case › renamed the case createCase made',
  'Create a task › the task is in the case createCase made',
  'List tasks › lists the task createTask made',
  'Update a task › renamed the task createTask made',
];
/** Every request, in the order the run sends them (the Cases folder first). */
const RUN_ORDER = [...POSITIVE.slice(0, 8).map(([name]) => name), NO_TOKEN, NO_CASE_REF, 'List tasks', NO_ACCOUNT, 'Update a task'];
const REQUESTS = RUN_ORDER.length;
const ASSERTIONS = POSITIVE.length * 3 + 3 * 4 + CHAIN.length;
const SECRET = 'sandbox-dev-secret'; // the start of the sandbox's dev secret, as written into its environment

/** No token (three base64url parts) and not the client secret. */
function expectNoSecrets(text: string): void {
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  expect(text).not.toContain(SECRET);
}

describe('newman against the Prism mock, with mock.postman_environment.json', () => {
  const mockUrl = useMock();

  it('passes every check of every request; the chain checks are skipped, not passed (the mock keeps nothing)', async () => {
    const run = await runNewman(collection, mockEnv, { baseUrl: mockUrl() });
    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual(CHAIN);
    expect(run.requests).toEqual({ total: REQUESTS, failed: 0 });
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

  it("holds the seeded tenant's ids (the case template too) and dev app, and no token", () => {
    expect(Object.fromEntries(sandboxEnv.values.map((v) => [v.key, v.value]))).toMatchObject({
      streamId: SEED.streamId,
      caseId: SEED.caseId,
      caseRefId: SEED.caseRefId,
      caseTemplateId: SEED.caseTemplateId,
      taskTemplateId: SEED.taskTemplateId,
      accountId: SEED.accountId,
      userId: SEED.contactUserId,
      jwt: '',
    });
    expect(env('clientSecret').startsWith(SECRET)).toBe(true);
  });

  it('passes every check, the chain included, with tokens the collection mints from clientId and clientSecret', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox() });
    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual([]);
    expect(run.requests).toEqual({ total: REQUESTS, failed: 0 });
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 0 });
    expectNoSecrets(run.text);
  }, 60_000);

  it(`mints a fresh jti and an exp at most an hour ahead: an app that enforces JTI accepts all ${REQUESTS} requests`, async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), clientId: SEED.jtiClientId, clientSecret: SEED.jtiSecret });
    expect(run.failed).toEqual([]);
    expect(run.assertions.total).toBe(ASSERTIONS);
  }, 60_000);

  it('fails, naming the checks, with a wrong token in jwt (the given jwt wins over minting)', async () => {
    const wrong = await mintToken({ clientId: env('clientId'), clientSecret: 'not-the-app-secret' });
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), jwt: wrong });
    expect(run.failed).toEqual(
      expect.arrayContaining([
        ...POSITIVE.flatMap(([name, schema]) => [`${name} › status is 200`, `${name} › body matches the contract's ${schema} schema`]),
        ...CHAIN,
        `${NO_CASE_REF} › status is 400`, // the token is refused before the body is read
        `${NO_CASE_REF} › an error message names caseRefId`,
        `${NO_ACCOUNT} › status is 400`,
        `${NO_ACCOUNT} › an error message names accountId`,
      ]),
    );
    expect(run.failed.filter((f) => f.startsWith(NO_TOKEN))).toEqual([]); // refused as it should be
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: POSITIVE.length * 2 + CHAIN.length + 4 });
    expectNoSecrets(run.text);
  }, 60_000);

  it('fails when the getTasks page has no hasMore (drift getTasks-no-hasMore), naming it', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox('getTasks-no-hasMore') });
    expect(run.failed).toEqual(["List tasks › body matches the contract's TaskPage schema"]);
    expect(run.assertions).toEqual({ total: ASSERTIONS, failed: 1 });
    expect(run.text).toContain("body should have required property 'hasMore'");
  }, 60_000);

  it('a create answered 201 (drift status-201) fails only its status checks: the chain still gets the created id', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox('status-201') });
    expect(run.failed.length).toBeGreaterThan(0);
    expect(
      run.failed.every((f) => f.endsWith('› status is 200')),
      run.failed.join('\n'),
    ).toBe(true);
  }, 60_000);

  it('fails every request, sending none, when neither jwt nor clientId/clientSecret is set', async () => {
    const run = await runNewman(collection, sandboxEnv, { baseUrl: await sandbox(), clientSecret: '' });
    expect(run.requests.total).toBe(0);
    expect(run.assertions).toEqual({ total: REQUESTS, failed: REQUESTS });
    expect(run.failed).toEqual(RUN_ORDER.map((name) => `${name} › has credentials`));
    expect(run.text).toContain('set the jwt variable, or clientId and clientSecret to mint one');
  }, 60_000);

  it('the newman CLI exits non-zero when a patch is not applied (drift updateTask-ignores-patch), and prints neither the token nor the secret', async () => {
    const url = await sandbox('updateTask-ignores-patch');
    const cli = join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js');
    const args = [
      cli,
      'run',
      join(dir, 'collection.json'),
      '-e',
      join(dir, 'sandbox.postman_environment.json'),
      '--env-var',
      `baseUrl=${url}`,
      '--color',
      'off',
    ];
    const failure = await promisify(execFile)(process.execPath, args).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(new RegExp(`assertions\\s*│\\s*${ASSERTIONS}\\s*│\\s*1\\s*│`));
    expect(failure?.stdout).toContain('renamed the task createTask made');
    expectNoSecrets(`${failure?.stdout}${failure?.stderr}`);
  }, 60_000);
});
