/** Property: whatever body the other five operations get, they answer 200 or a 4xx in the envelope, never a 5xx. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { callOp, SEED, sandboxForFile, validCaseBody } from './helpers.js';

const ctx = sandboxForFile();
let taskId = '';
beforeAll(async () => {
  const { sb } = ctx;
  const task = await callOp(sb, 'createTask', { caseId: SEED.caseId, caseRefId: SEED.caseRefId, taskTmp: SEED.taskTemplateId, source: 'rtm', userInfo: { name: 'a', _id: SEED.contactUserId } });
  taskId = task.json._id;
});

// Every field an operation reads, with a valid starting body: each run replaces a few by any JSON value.
const fields: Record<string, () => Record<string, unknown>> = {
  createCase: () => validCaseBody(ctx.sb),
  getCases: () => ({ searchText: '', status: ['Open'], sortBy: { createdAt: 'desc' }, skip: 0, limit: 10, dueDate: '2026-01-01', startDate: 0, mycase: false, queues: [] }),
  getTasks: () => ({ searchText: '', priority: ['Critical'], sortBy: 'name', skip: 0, limit: 10, endDate: '2030-01-01T00:00:00Z', unassigned: true, agents: [], channel: ['rtm'] }),
  [`updateCase/${SEED.caseId}`]: () => ({ name: 'n', desc: '', status: { name: 'Open' }, priority: 'High', dueDate: 1, ETA: '', queues: [], currAssignee: {}, assigneeType: 'agent', tags: [], isActive: true }),
  updateTask: () => ({ name: 'n', status: 'Open', priority: { _id: 'pr-x' }, dueDate: '2026-01-01T00:00:00Z', queues: ['Default Queue'], currAssignee: { aId: SEED.agentId }, channel: [] }),
};

describe('no body makes an operation fail', () => {
  it.each(Object.keys(fields))('%s: the valid body with any fields replaced by any value or removed', async (op) => {
    const base = fields[op]!();
    const change = fc.record({ key: fc.constantFrom(...Object.keys(base), 'sortBy', '__proto__', 'constructor'), value: fc.option(fc.jsonValue(), { nil: undefined }) });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        const body: Record<string, unknown> = structuredClone(base);
        for (const { key, value } of changes) {
          if (value === undefined) delete body[key];
          else Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
        }
        const sent = await callOp(ctx.sb, op === 'updateTask' ? `updateTask/${taskId}` : op, body);
        expect(sent.status, sent.text).toBeLessThan(500);
        if (sent.status !== 200) expect(sent.json.errors.every((e: { msg: unknown; code: unknown }) => typeof e.msg === 'string' && Number.isInteger(e.code))).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it.each(['createCase', 'getCases', 'getTasks', `updateTask/ti-x`])('%s: any JSON value as the body', async (op) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const sent = await callOp(ctx.sb, op, value);
        expect(sent.status, sent.text).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});
