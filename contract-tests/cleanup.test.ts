/**
 * The cleanup against the sandbox: with no KORE_CLOSED_STATUS it takes the status getTasks shows under the name
 * "Closed" (an id it read, never one it guessed) and closes what the run created; with none to find, it closes
 * nothing and says how to set one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOperationWithSdk } from './channels.js';
import { cleanup } from './cleanup.js';
import { createContext } from './context.js';
import { startSandboxTarget } from './targets/sandbox.js';
import type { Target } from './targets/target.js';

let target: Target;
beforeAll(async () => {
  const t = await startSandboxTarget();
  target = { ...t, fixtures: { ...t.fixtures, closedStatus: undefined } };
});
afterAll(() => target?.close());

const createTask = (ctx: ReturnType<typeof createContext>, name: string) =>
  sendOperationWithSdk(ctx, 'createTask', { probe: 'create', intent: 'accept' }, {
    caseId: target.fixtures.caseId, caseRefId: target.fixtures.caseRefId, taskTmp: target.fixtures.taskTemplateId, name, source: 'rtm', userInfo: { name: 'n', emailId: 'a@example.com' },
  });

describe('cleanup', () => {
  it('without a status named Closed or Resolved anywhere, closes nothing and names KORE_CLOSED_STATUS', async () => {
    const ctx = createContext(target);
    const x = await createTask(ctx, `${target.fixtures.runTag} first`);
    expect(x.response?.status, x.response?.text ?? x.error).toBe(200);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created).toHaveLength(1);
    expect(report.created[0]!.closed).toBe(false);
    expect(report.summary).toContain('set KORE_CLOSED_STATUS');
  });

  it('finds the Closed status by name in what getTasks returns and closes every item with its id', async () => {
    const ctx = createContext(target);
    const first = await createTask(ctx, `${target.fixtures.runTag} second`);
    // Some task of the tenant is Closed (here: closed by name, as a user would in the platform's UI).
    await sendOperationWithSdk(ctx, 'updateTask', { probe: 'close one', intent: 'accept' }, { status: { name: 'Closed' } }, { taskId: (first.response!.json as { _id: string })._id });
    await createTask(ctx, `${target.fixtures.runTag} third`);
    const report = await cleanup(ctx);
    ctx.budget.dispose();
    expect(report.created.map((c) => c.closed)).toEqual([true, true]);
    expect(report.summary).toMatch(/2 closed with status \{"_id":"sts-[^"]+"\}/);
  });
});
