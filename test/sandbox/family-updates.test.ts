/** createCase's validation, and updateCase / updateTask as partial updates checked against the tenant. */
import { describe, expect, it } from 'vitest';
import { callOp, envelopeMessages, SEED, sandboxForFile, validBody, validCaseBody, type Sent } from './helpers.js';

// What is stored and changed shows whole in the older pages' full answers.
const ctx = sandboxForFile({ answers: 'full' });
const ok = (sent: Sent) => {
  expect(sent.status, sent.text).toBe(200);
  return sent.json;
};
const newCase = async (extra: Record<string, unknown> = {}) => ok(await callOp(ctx.sb, 'createCase', validCaseBody(ctx.sb, extra)));
const newTask = async (caseId = SEED.caseId, caseRefId = SEED.caseRefId) =>
  ok(await callOp(ctx.sb, 'createTask', { ...validBody(ctx.sb), caseId, caseRefId }));
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createCase', () => {
  it("answers the case of the page's sample: its fields, Open, unassigned, the template, gapless CS ids", async () => {
    const a = await newCase();
    const b = await newCase();
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        '_id',
        'caseTmp',
        'name',
        'lname',
        'tags',
        'userInfo',
        'status',
        'fields',
        'priority',
        'refId',
        'assigneeType',
        'currAssignee',
        'tasks',
        'taskIds',
        'createdBy',
        'timestampValue',
        'dueDate',
        'createdAt',
        'updatedAt',
        'ETA',
      ]),
    );
    expect(a).toMatchObject({
      caseTmp: SEED.caseTemplateId,
      userInfo: { _id: SEED.contactUserId, name: 'John', emailId: 'john.doe@example.com' },
      status: { name: 'Open', statusCategory: 'open' },
      priority: { name: 'Medium', score: 10 },
      assigneeType: 'unassigned',
      conversationType: 'CASE',
      dueDate: Date.parse('2026-09-04T14:15:00.000Z'),
      createdBy: { _id: SEED.creatorUserId },
    });
    expect(a.fields.map((f: { metaData: { name: string }; selectedValue: string }) => [f.metaData.name, f.selectedValue])).toEqual([
      ['description', 'Demo case'],
      ['dueDate', '2026-09-04T14:15:00.000Z'],
      ['title', 'This is demo case'],
    ]);
    expect(Number(b.refId.slice(2))).toBe(Number(a.refId.slice(2)) + 1);
    expect(Number(a.refId.slice(2))).toBeGreaterThan(Number(SEED.secondCaseRefId.slice(2))); // after the seeded ones
  });

  it('refuses a body missing what the table requires, naming every field', async () => {
    const sent = await callOp(ctx.sb, 'createCase', { userInfo: { name: 'John' } });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent).map((m) => m.split(' ', 1)[0])).toEqual(['caseTmp', 'name', 'desc', 'source', 'dueDate', 'userInfo._id']);
  });

  it.each([
    ['an unknown case template', { caseTmp: 'ctm-0000000-0000-4000-8000-000000000000' }, /^caseTmp: no case template/],
    ['a task template as caseTmp', { caseTmp: SEED.taskTemplateId }, /^caseTmp must be a case template id/],
    ['a dueDate that is no date', { dueDate: 'next week' }, /^dueDate must be an ISO 8601 date-time/],
    ['a bad email', { emailId: 'john' }, /^emailId must be an email address/],
    ['userInfo not an object', { userInfo: 'John' }, /^userInfo must be an object/],
  ])('%s is a 400 naming the field', async (_label, extra, message) => {
    const sent = await callOp(ctx.sb, 'createCase', validCaseBody(ctx.sb, extra));
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(message)]);
  });

  it('takes the contact inside userInfo too (as createTask has it)', async () => {
    const body = validCaseBody(ctx.sb, {
      userInfo: { name: 'Ann', emailId: 'dummy@mailinator.com' },
      emailId: undefined,
      phoneNumber: undefined,
      dueDate: '2025-05-29T04:03:00.000Z',
    });
    const c = await newCase(body);
    expect(c.userInfo).toEqual({ _id: SEED.contactUserId, name: 'Ann', emailId: 'dummy@mailinator.com' }); // the known user with that email
    expect(c.ETA).toBe('2025-05-29T04:03:00.000Z');
  });
});

describe('updateCase: a partial update', () => {
  it('changes only what is given; lname, the title field and updatedAt follow', async () => {
    const before = await newCase({ name: 'Old Name' });
    await tick();
    const after = ok(await callOp(ctx.sb, `updateCase/${before._id}`, { name: 'New NAME' }));
    expect(after).toMatchObject({
      name: 'New NAME',
      lname: 'new name',
      desc: before.desc,
      status: before.status,
      refId: before.refId,
      createdAt: before.createdAt,
    });
    expect(after.fields.find((f: { metaData: { name: string } }) => f.metaData.name === 'title').selectedValue).toBe('New NAME');
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    const { name: _n, lname: _l, fields: _f, updatedAt: _u, ...rest } = after;
    const { name: _n2, lname: _l2, fields: _f2, updatedAt: _u2, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('ignores the read-only fields a client sends back (the sample sends _id, refId, lname, accountId …)', async () => {
    const c = await newCase();
    const after = ok(
      await callOp(ctx.sb, `updateCase/${c._id}`, {
        _id: 'ci-other',
        refId: 'CS999999',
        lname: 'whatever',
        accountId: 'x',
        iId: 'st-x',
        desc: 'changed',
      }),
    );
    expect(after).toMatchObject({ _id: c._id, refId: c.refId, lname: c.lname, accountId: c.accountId, iId: c.iId, desc: 'changed' });
  });

  it('sets status, priority, due date, agent and queues from the tenant', async () => {
    const c = await newCase();
    const after = ok(
      await callOp(ctx.sb, `updateCase/${c._id}`, {
        status: { _id: 'sts-7d2e3f4-5a6b-4c7d-9e8f-0a1b2c3d4e5f' },
        priority: { name: 'High' },
        dueDate: 1748491380000,
        currAssignee: { agentId: SEED.secondAgentUserId },
        queues: [SEED.queueId],
      }),
    );
    expect(after).toMatchObject({
      status: { name: 'Resolved', statusCategory: 'resolved' },
      priority: { name: 'High' },
      dueDate: 1748491380000,
      ETA: '2025-05-29T04:03:00.000Z',
      assigneeType: 'agent',
      currAssignee: { agentId: SEED.secondAgentUserId, aId: SEED.secondAgentId, name: 'Mike Brown' },
      queues: [{ _id: SEED.queueId, name: 'Default Queue', type: 'ASSIGNED', status: 'ACTIVE' }],
      participants: [{ agentId: SEED.secondAgentUserId, pStatus: 'ACTIVE' }],
    });
    const unassigned = ok(await callOp(ctx.sb, `updateCase/${c._id}`, { assigneeType: 'unassigned' }));
    expect(unassigned).toMatchObject({ assigneeType: 'unassigned', currAssignee: {}, queues: [] });
  });

  it('refuses what the tenant does not know, naming each field, and changes nothing', async () => {
    const c = await newCase();
    const sent = await callOp(ctx.sb, `updateCase/${c._id}`, {
      name: 'Not applied',
      status: { name: 'Frozen' },
      priority: { _id: 'pr-x' },
      currAssignee: { agentId: SEED.contactUserId },
      queues: ['Nowhere'],
    });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent).map((m) => m.split(/[: ]/, 1)[0])).toEqual(['status', 'priority', 'queues', 'currAssignee']);
    const [again] = ok(await callOp(ctx.sb, 'getCases', { searchText: c.name, sortBy: { createdAt: 'desc' }, limit: 1 })).results;
    expect(again).toMatchObject({ _id: c._id, name: c.name, updatedAt: c.updatedAt });
  });

  it.each([
    ['name of another type', { name: 42 }, /^name must be a string/],
    ['an empty name', { name: '' }, /^name must not be empty/],
    ['tags not strings', { tags: [1] }, /^tags must be an array of strings/],
    ['isActive not boolean', { isActive: 'no' }, /^isActive must be true or false/],
    ['a dueDate that is no date', { dueDate: 'soon' }, /^dueDate must be an integer of epoch milliseconds/],
    // the table's types, no looser: Object for status and priority, Number (ms) for dueDate, an ISO string for ETA
    ['status as a bare name', { status: 'Resolved' }, /^status must be an object with its _id or name, e\.g\. \{"name": "Open"\} \(got string\)$/],
    ['priority as a bare name', { priority: 'High' }, /^priority must be an object with its _id or name/],
    ['a dueDate as an ISO string', { dueDate: '2026-03-01T09:00:00Z' }, /^dueDate must be an integer of epoch milliseconds/],
    ['an ETA in epoch ms', { ETA: 1748491380000 }, /^ETA must be an ISO 8601 date-time or ""$/],
  ])('%s is a 400 naming it', async (_label, body, message) => {
    const sent = await callOp(ctx.sb, `updateCase/${SEED.caseId}`, body);
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(message)]);
  });

  it("an unknown case, or another stream's, is a 404 naming caseId; accountId is required", async () => {
    for (const id of ['ci-0000000-0000-4000-8000-000000000000', SEED.otherStreamCaseId, 'not-an-id']) {
      const sent = await callOp(ctx.sb, `updateCase/${id}`, { name: 'x' });
      expect(sent.status).toBe(404);
      expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseId: no case/)]);
    }
    const sent = await callOp(ctx.sb, `updateCase/${SEED.caseId}`, { name: 'x' }, { accountId: null });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^accountId is required/)]);
  });

  it('updateCase without an id is no route (404); GET is 405', async () => {
    expect((await callOp(ctx.sb, 'updateCase', { name: 'x' })).status).toBe(404);
    const sent = await fetch(`${ctx.sb.url}/caseManagement/api/public/analytics/${SEED.streamId}/getCases`);
    expect(sent.status).toBe(405);
  });
});

describe('updateTask: a partial update', () => {
  it("renames (the page's sample), keeps the rest, moves updatedAt and updatedBy", async () => {
    const task = await newTask();
    await tick();
    const after = ok(await callOp(ctx.sb, `updateTask/${task._id}`, { name: 'Task Testing' }));
    expect(after).toMatchObject({
      _id: task._id,
      name: 'Task Testing',
      lname: 'task testing',
      caseId: task.caseId,
      refId: task.refId,
      status: task.status,
      createdAt: task.createdAt,
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(task.updatedAt));
    const { name: _n, lname: _l, updatedAt: _u, ...rest } = after;
    const { name: _n2, lname: _l2, updatedAt: _u2, ...restBefore } = task;
    expect(rest).toEqual(restBefore);
  });

  it('sets status, priority, a due date (its ETA), a description and an agent; getTasks sees the change', async () => {
    const task = await newTask();
    const after = ok(
      await callOp(ctx.sb, `updateTask/${task._id}`, {
        status: { name: 'In-Progress' },
        priority: { name: 'low' },
        dueDate: Date.parse('2026-03-01T09:00:00Z'),
        desc: 'call back',
        currAssignee: { aId: SEED.agentId },
      }),
    );
    expect(after).toMatchObject({
      status: { name: 'In-Progress' },
      priority: { name: 'Low' },
      ETA: '2026-03-01T09:00:00.000Z',
      desc: 'call back',
      assigneeType: 'agent',
      currAssignee: { agentId: SEED.creatorUserId },
    });
    const listed = ok(await callOp(ctx.sb, 'getTasks', { mytask: true, status: ['in-progress'], dueDate: '2026-03-01' })).results;
    expect(listed.map((t: { _id: string }) => t._id)).toContain(task._id);
    expect(listed.find((t: { _id: string }) => t._id === task._id)).toEqual(after);
  });

  it('the case lists its tasks, in creation order', async () => {
    const c = await newCase({ name: 'Case with tasks' });
    const t1 = await newTask(c._id, c.refId);
    const t2 = await newTask(c._id, c.refId);
    const [listed] = ok(await callOp(ctx.sb, 'getCases', { searchText: 'case with tasks', limit: 1 })).results;
    expect(listed.taskIds).toEqual([t1._id, t2._id]);
    expect(ok(await callOp(ctx.sb, `updateCase/${c._id}`, { desc: 'x' })).taskIds).toEqual([t1._id, t2._id]);
  });

  it('a task needs an existing case: a made-up case is a 400 naming caseId', async () => {
    const sent = await callOp(ctx.sb, 'createTask', { ...validBody(ctx.sb), caseId: 'ci-0000000-0000-4000-8000-000000000000' });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseId: no case/)]);
  });

  it('an unknown task is a 404 naming taskId', async () => {
    const sent = await callOp(ctx.sb, 'updateTask/ti-0000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(sent.status).toBe(404);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^taskId: no task ti-0000000/)]);
  });

  it.each([
    ['"status": "In-Progress" (the table: Object)', { status: 'In-Progress' }, /^status must be an object with its _id or name/],
    ['priority as a bare name', { priority: 'Low' }, /^priority must be an object with its _id or name/],
    ['a dueDate as an ISO string (the table: Number, ms)', { dueDate: '2026-03-01T09:00:00Z' }, /^dueDate must be an integer of epoch milliseconds/],
  ])('%s is a 400 naming the field, and changes nothing', async (_label, body, message) => {
    const task = await newTask();
    const sent = await callOp(ctx.sb, `updateTask/${task._id}`, { name: 'Not applied', ...body });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(message)]);
    const [again] = ok(await callOp(ctx.sb, 'getTasks', { searchText: task.name, sortBy: { createdAt: 'desc' }, limit: 1 })).results;
    expect(again).toMatchObject({ _id: task._id, name: task.name, status: task.status, priority: task.priority });
  });
});
