/**
 * The cleanup against the sandbox, with no KORE_CLOSED_STATUS (as a user who never set it): it closes what the run
 * created with a closing status the tenant has, found in what the run read or by a name the tenant takes, and by
 * the id the answers show; with none to find, it closes nothing and says how to set one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTenant } from '../sandbox/tenant/seed.js';
import { sendOperationWithSdk } from './channels.js';
import { cleanup } from './cleanup.js';
import { createContext } from './context.js';
import { startSandboxTarget } from './targets/sandbox.js';
import type { Target } from './targets/target.js';

let target: Target | undefined;
afterEach(() => target?.close());

const createTask = (ctx: ReturnType<typeof createContext>, t: Target, name: string) =>
  sendOperationWithSdk(
    ctx,
    'createTask',
    { probe: 'create', intent: 'accept' },
    {
      caseId: t.fixtures.caseId,
      caseRefId: t.fixtures.caseRefId,
      taskTmp: t.fixtures.taskTemplateId,
      name,
      source: 'rtm',
      userInfo: { name: 'n', emailId: 'a@example.com' },
    },
  );

const updates = (ctx: ReturnType<typeof createContext>) => ctx.log.filter((x) => x.operation === 'updateTask').length;

describe('cleanup', () => {
  it('says how many creates answered 2xx without an _id: they may exist and cannot be closed', async () => {
    const t = (target = await startSandboxTarget({ answers: 'full' }));
    const ctx = createContext(t);
    expect((await createTask(ctx, t, `${t.fixtures.runTag} 1`)).response?.status).toBe(200);
    // what a server that drops the created record's id answers: a 2xx with no _id to close it by
    const [made] = ctx.log;
    ctx.log.push({ ...made!, response: { ...made!.response!, json: { name: `${t.fixtures.runTag} 2` } } });
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created).toHaveLength(1);
    expect(report.summary).toMatch(
      /1 created \(0 cases, 1 tasks\), 1 closed.*; 1 create\(s\) answered 2xx without an _id: they may exist, not closed/,
    );
  });

  it('with nothing closed in the tenant yet, closes every item: by the name Closed first, then by the id that answer shows', async () => {
    // the older pages' whole answers show the status's id (the current abridged updateTask answer has no status)
    const t = (target = await startSandboxTarget({ answers: 'full' }));
    expect(t.fixtures.closedStatus).toBeUndefined();
    const ctx = createContext(t);
    for (const n of [1, 2, 3]) expect((await createTask(ctx, t, `${t.fixtures.runTag} ${n}`)).response?.status).toBe(200);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created.map((c) => c.closed)).toEqual([true, true, true]);
    expect(report.summary).toMatch(/3 closed: tasks with status \{"_id":"sts-[^"]+"\}/);
    const sent = ctx.log.filter((x) => x.operation === 'updateTask').map((x) => JSON.parse(x.request.body!).status);
    expect(sent).toEqual([{ name: 'Closed' }, { _id: expect.stringMatching(/^sts-/) }, { _id: expect.stringMatching(/^sts-/) }]);
  });

  it("against the current pages' abridged answers (no status id anywhere), closes every item by the name Closed", async () => {
    const t = (target = await startSandboxTarget({ answers: 'current' }));
    const ctx = createContext(t);
    for (const n of [1, 2]) expect((await createTask(ctx, t, `${t.fixtures.runTag} ${n}`)).response?.status).toBe(200);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created.map((c) => c.closed)).toEqual([true, true]);
    expect(report.summary).toMatch(/2 closed: tasks with status \{"name":"Closed"\}/);
  });

  it('uses a closing status it has already read (here in a getTasks answer) by its id, without trying names', async () => {
    const t = (target = await startSandboxTarget({ answers: 'full' }));
    const ctx = createContext(t);
    const first = await createTask(ctx, t, `${t.fixtures.runTag} first`);
    // Some task of the tenant is Closed (closed by name, as a user would in the platform's UI), and the run read it.
    await sendOperationWithSdk(
      ctx,
      'updateTask',
      { probe: 'close one', intent: 'accept' },
      { status: { name: 'Closed' } },
      { taskId: (first.response!.json as { _id: string })._id },
    );
    await sendOperationWithSdk(ctx, 'getTasks', { probe: 'list', intent: 'accept' }, { status: ['Closed'] });
    await createTask(ctx, t, `${t.fixtures.runTag} second`);
    const before = updates(ctx);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created.map((c) => c.closed)).toEqual([true, true]);
    expect(updates(ctx) - before).toBe(2);
    expect(ctx.log.slice(-2).map((x) => JSON.parse(x.request.body!).status)).toEqual([
      { _id: expect.stringMatching(/^sts-/) },
      { _id: expect.stringMatching(/^sts-/) },
    ]);
  });

  it('on a tenant with no Closed or Resolved status, closes nothing, tries the names once, and names KORE_CLOSED_STATUS', async () => {
    const tenant = defaultTenant();
    const open = tenant.statuses!.filter((s) => !['closed', 'resolved'].includes(s.statusCategory));
    const t = (target = await startSandboxTarget({ data: { ...tenant, statuses: open } }));
    const ctx = createContext(t);
    for (const n of [1, 2]) expect((await createTask(ctx, t, `${t.fixtures.runTag} ${n}`)).response?.status).toBe(200);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created.map((c) => c.closed)).toEqual([false, false]);
    expect(report.summary).toContain('set KORE_CLOSED_STATUS');
    expect(report.created[1]!.note).toContain('set KORE_CLOSED_STATUS');
    expect(updates(ctx)).toBe(2); // Closed, then Resolved, for the first item only
  });
});
