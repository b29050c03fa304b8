/**
 * The family through the SDK over real HTTP, against the reference sandbox: issue 13's flow (a case, a task in it,
 * both found by name, renamed, found again), paging over several pages, the errors a caller meets, and each
 * operation kind's retry policy against the sandbox's fault injection. Every answer is checked against the contract
 * (validateResponses); waits between retries are recorded, not slept.
 */
import { describe, expect, it } from 'vitest';
import { SEED } from '../../sandbox/tenant/seed.js';
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  createKoreClient,
  type Case,
  type KoreClientOptions,
  type TaskRecord,
} from '../../src/index.js';
import { useSandbox } from './sandbox-fixture.js';

const sandbox = useSandbox();
const { health, arm } = sandbox;

function client(options: Partial<KoreClientOptions> = {}) {
  let attempts = 0;
  const kore = createKoreClient({
    ...sandbox.appOptions(),
    accountId: sandbox.sb.seed.accountId,
    validateResponses: true,
    fetch: (input, init) => (attempts++, fetch(input, init)),
    sleep: async () => {},
    ...options,
  });
  return { kore, attempts: () => attempts };
}

const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 10)}`;
const newCase = (name: string) => ({
  caseTmp: sandbox.sb.seed.caseTemplateId,
  name,
  desc: 'from the SDK test',
  userInfo: { _id: SEED.contactUserId, name: 'dummy' },
  source: 'rtm',
  dueDate: '2026-12-01T10:00:00.000Z',
});
const newTask = (c: Case, name: string) => ({
  caseId: c._id,
  caseRefId: c.refId,
  taskTmp: sandbox.sb.seed.taskTemplateId,
  name,
  userInfo: { _id: SEED.contactUserId, name: 'dummy', emailId: 'dummy@mailinator.com' },
  source: 'rtm',
});

describe('issue 13 through the SDK, against the sandbox', () => {
  it('create a case, find it by name, add a task, find it, rename both, find them again', async () => {
    const { kore } = client();
    const caseName = unique('case');
    const created = await kore.createCase(newCase(caseName));
    expect(created.name).toBe(caseName);

    const cases = await kore.getCases({ searchText: caseName });
    expect(cases.results.map((c) => c._id)).toEqual([created._id]);
    expect(cases.hasMore).toBe(false);

    const taskName = unique('task');
    const task = await kore.createTask(newTask(created, taskName));
    expect(task.caseId).toBe(created._id);
    const tasks = await kore.getTasks({ searchText: taskName });
    expect(tasks.results.map((t) => t._id)).toEqual([task._id]);

    const [caseRenamed, taskRenamed] = [unique('renamed case'), unique('renamed task')];
    expect((await kore.updateCase(created._id, { name: caseRenamed })).name).toBe(caseRenamed);
    expect((await kore.updateTask(task._id, { name: taskRenamed })).name).toBe(taskRenamed);

    expect((await kore.getCases({ searchText: caseRenamed })).results.map((c) => c._id)).toEqual([created._id]);
    expect((await kore.getTasks({ searchText: taskRenamed })).results.map((t) => t._id)).toEqual([task._id]);
    expect((await kore.getCases({ searchText: caseName })).results).toEqual([]); // the old name is gone
  });

  it('getTasks.all and getCases.all walk every page (more items than the limit)', async () => {
    const { kore, attempts } = client();
    const prefix = unique('paged');
    const parent = await kore.createCase(newCase(`${prefix} case`));
    for (let i = 0; i < 7; i++) await kore.createTask(newTask(parent, `${prefix} ${i}`));
    const before = attempts();
    const seen: TaskRecord[] = [];
    for await (const t of kore.getTasks.all({ searchText: prefix, limit: 3 })) seen.push(t);
    expect(seen.map((t) => t.name).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `${prefix} ${i}`));
    expect(new Set(seen.map((t) => t._id)).size).toBe(7);
    expect(attempts() - before).toBe(3); // 3 + 3 + 1

    const caseIds: string[] = [];
    for await (const c of kore.getCases.all({ limit: 1 })) caseIds.push(c._id);
    expect(caseIds).toContain(parent._id);
    expect(new Set(caseIds).size).toBe(caseIds.length);
    expect(caseIds.length).toBeGreaterThan(2); // the seeded cases too, one page each
  });

  it('an unknown task or case is a NotFoundError', async () => {
    const { kore } = client();
    const e = await kore.updateTask('ti-00000000-0000-0000-0000-000000000000', { name: 'x' }).catch((e: unknown) => e);
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).status).toBe(404);
    expect(await kore.updateCase('ci-00000000-0000-0000-0000-000000000000', { name: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });

  it('no token (or a bad one) is an AuthenticationError, for a read and for an update', async () => {
    const { kore } = client();
    kore.api.use({ onRequest: ({ request }) => (request.headers.delete('auth'), request) });
    expect(await kore.getCases().catch((e: unknown) => e)).toBeInstanceOf(AuthenticationError);
    const bad = client({ clientId: undefined, clientSecret: undefined, jwtSubject: undefined, jwt: 'eyJhbGciOiJIUzI1NiJ9.e30.bad' }).kore;
    expect(await bad.updateTask('ti-1', { name: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(AuthenticationError);
  });
});

describe('retry policy by operation, against the sandbox', () => {
  it('a read is retried on a 500 and after a timeout, then answers', async () => {
    const { kore, attempts } = client();
    await arm('500', 1);
    expect((await kore.getTasks({ limit: 1 })).results).toHaveLength(1);
    expect(attempts()).toBe(2);

    const slow = client({ timeoutMs: 300 });
    await arm('latency=2000', 1);
    expect((await slow.kore.getCases({ limit: 1 })).results).toHaveLength(1);
    expect(slow.attempts()).toBe(2);
  });

  it('an update is retried on a 500: the same patch gives the same state', async () => {
    const { kore, attempts } = client();
    const c = await kore.createCase(newCase(unique('retried update')));
    await arm('500', 1);
    const name = unique('after a 500');
    expect((await kore.updateCase(c._id, { name })).name).toBe(name);
    expect(attempts()).toBe(3);
  });

  it('a create is not retried on a 500 (it may have created): one attempt, nothing created', async () => {
    const { kore, attempts } = client();
    const before = await health();
    expect(before.cases).toBeGreaterThan(0);
    await arm('500', 1);
    expect(await kore.createCase(newCase(unique('not retried'))).catch((e: unknown) => e)).toBeInstanceOf(InternalServerError);
    expect(attempts()).toBe(1);
    expect((await health()).cases).toBe(before.cases);
  });
});
