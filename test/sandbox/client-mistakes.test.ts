/**
 * Client mistakes that once answered 500: each is a 400 in the envelope naming the field, and the process keeps
 * answering. Keys every object inherits, instants past what a Date holds, nested values of the wrong type, and a
 * value nested 100,000 deep.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callOp, envelopeMessages, SEED, sandboxForFile, validCaseBody, type Sent } from './helpers.js';

const ctx = sandboxForFile();
let taskId = '';
beforeAll(async () => {
  const task = await callOp(ctx.sb, 'createTask', {
    caseId: SEED.caseId,
    caseRefId: SEED.caseRefId,
    taskTmp: SEED.taskTemplateId,
    source: 'rtm',
    userInfo: { name: 'a', _id: SEED.contactUserId },
  });
  taskId = task.json._id;
});

const updateCase = () => `updateCase/${SEED.caseId}`;
const updateTask = () => `updateTask/${taskId}`;

/** A 400 in the envelope whose messages name `field` (at the start of one of them). */
function expectRefusal(sent: Sent, field: string) {
  expect(sent.status, sent.text.slice(0, 300)).toBe(400);
  const messages = envelopeMessages(sent);
  expect(
    messages.some((m) => m.startsWith(field)),
    messages.join(' | '),
  ).toBe(true);
}

const inherited = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe('sortBy naming a key every object inherits', () => {
  it.each(['getTasks', 'getCases'])('%s: as a string or as an object key, a 400 naming sortBy', async (op) => {
    for (const key of inherited) {
      expectRefusal(await callOp(ctx.sb, op, { sortBy: key }), 'sortBy');
      // written as text: a JSON "__proto__" key is the body's own key, not the prototype
      expectRefusal(await callOp(ctx.sb, op, undefined, { raw: `{"sortBy":{${JSON.stringify(key)}:"asc"}}` }), 'sortBy');
    }
    expect((await callOp(ctx.sb, op, { sortBy: { createdAt: 'asc' } })).status).toBe(200);
  });
});

describe('an instant past what a Date holds (8.64e15 ms), still a safe integer', () => {
  const late = 8_640_000_000_000_001;
  it.each([
    ['createCase', () => 'createCase', 'dueDate', () => validCaseBody(ctx.sb, { dueDate: late })],
    ['updateCase dueDate', updateCase, 'dueDate', () => ({ dueDate: late })],
    ['updateCase ETA', updateCase, 'ETA', () => ({ ETA: late })],
    ['updateTask dueDate', updateTask, 'dueDate', () => ({ dueDate: late })],
    ['updateTask ETA', updateTask, 'ETA', () => ({ ETA: late })],
    ['getTasks dueDate', () => 'getTasks', 'dueDate', () => ({ dueDate: late })],
  ])('%s: a 400 naming the field', async (_label, op, field, body) => {
    expectRefusal(await callOp(ctx.sb, op(), body()), field);
  });

  it('the last instant a Date holds is still accepted', async () => {
    const sent = await callOp(ctx.sb, updateTask(), { dueDate: 8.64e15 });
    expect(sent.status).toBe(200);
    expect(sent.json.ETA).toBe('+275760-09-13T00:00:00.000Z');
  });
});

describe('nested values of the wrong type', () => {
  it.each([
    ['queues [{name: 5}]', { queues: [{ name: 5 }] }, 'queues'],
    ['queues [{_id: {}}]', { queues: [{ _id: {} }] }, 'queues'],
    ['queues [[]]', { queues: [[]] }, 'queues'],
    ['queues [null]', { queues: [null] }, 'queues'],
    ['status {_id: 5}', { status: { _id: 5 } }, 'status'],
    ['priority {name: []}', { priority: { name: [] } }, 'priority'],
    ['currAssignee {agentId: 5}', { currAssignee: { agentId: 5 } }, 'currAssignee'],
    ['currAssignee {aId: {}}', { currAssignee: { aId: {} } }, 'currAssignee'],
  ])('%s: a 400 naming the field, on updateCase and updateTask', async (_label, body, field) => {
    expectRefusal(await callOp(ctx.sb, updateCase(), body), field);
    expectRefusal(await callOp(ctx.sb, updateTask(), body), field);
  });
});

describe('a value nested 100,000 deep', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  it.each(['limit', 'skip'])('%s as a 100,000-deep array: a 400 naming it, the process alive', async (field) => {
    for (const op of ['getTasks', 'getCases']) {
      const sent = await callOp(ctx.sb, op, undefined, { raw: `{"${field}":${deep(100_000)}}` });
      expectRefusal(sent, field);
      expect(sent.text.length).toBeLessThan(1000);
    }
    expect((await fetch(`${ctx.sb.url}/__sandbox/health`)).status).toBe(200);
  });

  it.each([
    ['queues', updateTask, (d: string) => `{"queues":[${d}]}`],
    ['currAssignee', updateTask, (d: string) => `{"currAssignee":{"agentId":${d}}}`],
    ['status', updateCase, (d: string) => `{"status":{"name":${d}}}`],
    ['tags', updateCase, (d: string) => `{"tags":[${d}]}`],
    ['dueDate', () => 'createCase', (d: string) => `{"dueDate":${d}}`],
  ])('%s holding one: a 400 naming it', async (field, op, body) => {
    expectRefusal(await callOp(ctx.sb, op(), undefined, { raw: body(deep(100_000)) }), field);
  });
});
