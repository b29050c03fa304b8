/** getCases and getTasks: the documented filters, sortBy in both of the pages' shapes, and skip/limit paging. */
import { beforeAll, describe, expect, it } from 'vitest';
import { callOp, envelopeMessages, SEED, sandboxForFile, validBody, validCaseBody, type Sent } from './helpers.js';

const ctx = sandboxForFile();
const tag = `lst${Date.now().toString(36)}`;
const ok = (sent: Sent) => {
  expect(sent.status, sent.text).toBe(200);
  return sent.json;
};
const ids = (sent: Sent): string[] => ok(sent).results.map((r: { _id: string }) => r._id);
const cases: Record<string, { _id: string; refId: string }> = {};

// Four cases: alpha (Open, Medium, due 1 Jan), beta (In-Progress, Critical, assigned to the caller, due 2 Jan),
// gamma (Resolved, in SupportQueue1, from email), delta (Open, assigned to another agent).
beforeAll(async () => {
  const { sb } = ctx;
  const plan: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['alpha', { dueDate: '2026-01-01T10:00:00.000Z' }, {}],
    [
      'beta',
      { dueDate: '2026-01-02T10:00:00.000Z' },
      { status: { name: 'In-Progress' }, priority: { name: 'Critical' }, currAssignee: { agentId: SEED.creatorUserId } },
    ],
    ['gamma', { source: 'email' }, { status: { name: 'Resolved' }, queues: ['SupportQueue1'] }],
    ['delta', {}, { currAssignee: { aId: SEED.secondAgentId } }],
  ];
  for (const [name, create, update] of plan) {
    const created = ok(await callOp(sb, 'createCase', validCaseBody(sb, { name: `${tag} ${name} Case`, ...create })));
    cases[name] = created;
    if (Object.keys(update).length > 0) ok(await callOp(sb, `updateCase/${created._id}`, update));
  }
});

const find = (body: Record<string, unknown>) => callOp(ctx.sb, 'getCases', { searchText: tag, ...body });
const named = (...names: string[]) => names.map((n) => cases[n]!._id);

describe('getCases filters (each as the page documents it)', () => {
  it('searchText matches the name anywhere, ignoring case; the sample\'s "name" filters the same way', async () => {
    expect(ids(await find({}))).toHaveLength(4);
    expect(ids(await find({ searchText: `${tag.toUpperCase()} BETA` }))).toEqual(named('beta'));
    expect(ids(await callOp(ctx.sb, 'getCases', { name: `${tag} gamma` }))).toEqual(named('gamma'));
  });

  it.each([
    ['status by name', { status: ['In-Progress'] }, ['beta']],
    ['status by category, any case', { status: ['RESOLVED'] }, ['gamma']],
    ['status, several', { status: ['open', 'resolved'] }, ['alpha', 'gamma', 'delta']],
    ['priority', { priority: ['critical'] }, ['beta']],
    ['unresolved', { unresolved: true }, ['alpha', 'beta', 'delta']],
    ['unassigned', { unassigned: true }, ['alpha']],
    ['mycase (assigned to the caller)', { mycase: true }, ['beta']],
    ["mytask (the sample's name for it)", { mytask: true }, ['beta']],
    ['agents', { agents: [SEED.secondAgentUserId] }, ['delta']],
    ['queues by name', { queues: ['SupportQueue1'] }, ['gamma']],
    ['queues by id', { queues: [SEED.secondQueueId] }, ['gamma']],
    ['channel (the source)', { channel: ['email'] }, ['gamma']],
    ['dueDate as a day', { dueDate: '2026-01-02' }, ['beta']],
    ['dueDate as an instant, epoch ms', { dueDate: Date.parse('2026-01-01T10:00:00.000Z') }, ['alpha']],
    [
      'false and empty filters filter nothing',
      { unresolved: false, unassigned: false, mycase: false, queues: [], agents: [], status: [] },
      ['alpha', 'beta', 'gamma', 'delta'],
    ],
  ])('%s', async (_label, filter, expected) => {
    expect(ids(await find({ ...filter, sortBy: { createdAt: 'asc' } }))).toEqual(named(...expected));
  });

  it('startDate and endDate bound createdAt (ISO or epoch ms, inclusive)', async () => {
    const now = Date.now();
    expect(ids(await find({ startDate: new Date(now - 3600_000).toISOString(), endDate: now + 1000 }))).toHaveLength(4);
    expect(ids(await find({ startDate: new Date(now + 3600_000).toISOString() }))).toEqual([]);
    expect(ids(await find({ endDate: '2025-05-27T18:29:59.999Z' }))).toEqual([]);
  });

  it("getTasks takes the same filters: the page's whole sample request is answered, not refused", async () => {
    const { sb } = ctx;
    const task = ok(await callOp(sb, 'createTask', { ...validBody(sb), name: `${tag} urgent task` }));
    ok(await callOp(sb, `updateTask/${task._id}`, { status: { name: 'In-Progress' }, priority: { name: 'Critical' } }));
    const sample = {
      skip: 0,
      limit: 50,
      searchText: '',
      unresolved: false,
      unassigned: true,
      mytask: false,
      selectedColumns: [],
      priority: ['Critical'],
      agents: [],
      status: ['In-Progress'],
      customFields: [],
      ETAlist: [],
      channel: ['rtm'],
      queues: [],
      startDate: new Date(Date.now() - 60_000).toISOString(),
      endDate: new Date(Date.now() + 60_000).toISOString(),
      sortBy: { dueDate: 'desc' },
    };
    expect(ids(await callOp(sb, 'getTasks', sample))).toEqual([task._id]);
    expect(ids(await callOp(sb, 'getTasks', { ...sample, priority: ['Low'] }))).toEqual([]);
  });

  it('a filter of the wrong type is a 400 naming it, every problem at once', async () => {
    const sent = await find({ status: 'Open', unresolved: 'yes', startDate: 'yesterday' });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent).map((m) => m.split(' ', 1)[0])).toEqual(['unresolved', 'status', 'startDate']);
  });
});

describe('sortBy: a field name (the table) or {field: direction} (the sample)', () => {
  it.each([
    ['a name alone sorts descending', 'name', ['gamma', 'delta', 'beta', 'alpha']],
    ['{name: "asc"}', { name: 'asc' }, ['alpha', 'beta', 'delta', 'gamma']],
    ['{dueDate: "desc"} (the sample); createdDate is createdAt', { dueDate: 'desc', createdDate: 'asc' }, ['gamma', 'delta', 'beta', 'alpha']],
    ['{priority: -1}: by score', { priority: -1, name: 1 }, ['beta', 'alpha', 'delta', 'gamma']],
    ['nothing: newest first', undefined, ['delta', 'gamma', 'beta', 'alpha']],
  ])('%s', async (_label, sortBy, expected) => {
    expect(ids(await find({ sortBy }))).toEqual(named(...expected));
  });

  it.each([
    ['an unknown field', 'colour', /^sortBy: unknown field "colour"/],
    ['an unknown direction', { name: 'up' }, /^sortBy\.name must be "asc" or "desc"/],
    ['another type', 42, /^sortBy must be a field name or an object/],
  ])('%s is a 400 naming sortBy', async (_label, sortBy, message) => {
    const sent = await find({ sortBy });
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(message)]);
  });
});

describe('paging: skip and limit, answered in the page envelope', () => {
  it('cuts pages and says where it is', async () => {
    const sort = { name: 'asc' };
    const first = ok(await find({ skip: 0, limit: 3, sortBy: sort }));
    expect(first).toMatchObject({ page: 1, limit: 3, hasMore: true, totalPages: 2, totalResults: 4 });
    expect(Object.keys(first)).toEqual(['results', 'page', 'limit', 'hasMore', 'totalPages', 'totalResults']);
    const second = ok(await find({ skip: 3, limit: 3, sortBy: sort }));
    expect(second).toMatchObject({ page: 2, hasMore: false, totalPages: 2, totalResults: 4 });
    expect([...first.results, ...second.results].map((c: { _id: string }) => c._id)).toEqual(named('alpha', 'beta', 'delta', 'gamma'));
    expect(ok(await find({ skip: 10, limit: 3 }))).toMatchObject({ results: [], hasMore: false, totalResults: 4 });
  });

  it('limit defaults to 50, as the getCases sample answers without one', async () => {
    expect(ok(await callOp(ctx.sb, 'getCases', {}))).toMatchObject({ page: 1, limit: 50 });
    expect(ok(await callOp(ctx.sb, 'getTasks', {}))).toMatchObject({ page: 1, limit: 50 });
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['limit "10"', { limit: '10' }, 'limit'],
    ['skip -1', { skip: -1 }, 'skip'],
    ['skip 1.5', { skip: 1.5 }, 'skip'],
  ])('%s is a 400 naming the field', async (_label, body, field) => {
    for (const op of ['getCases', 'getTasks']) {
      const sent = await callOp(ctx.sb, op, body);
      expect(sent.status).toBe(400);
      expect(envelopeMessages(sent)).toEqual([expect.stringMatching(new RegExp(`^${field} must be an integer from`))]);
    }
  });

  it('a body that is not an object is a 400; an empty object lists everything', async () => {
    const sent = await callOp(ctx.sb, 'getCases', [1]);
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual(['body must be a JSON object']);
  });
});

describe('the header rules of the pages', () => {
  it('getCases and getTasks require accountId (400 naming it); the creates do not', async () => {
    for (const op of ['getCases', 'getTasks']) {
      const sent = await callOp(ctx.sb, op, {}, { accountId: null });
      expect(sent.status).toBe(400);
      expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^accountId is required/)]);
    }
    expect((await callOp(ctx.sb, 'createCase', validCaseBody(ctx.sb, { name: `${tag} no header` }), { accountId: null })).status).toBe(200);
  });

  it("another account's accountId is a 403; an unknown stream a 404", async () => {
    expect((await callOp(ctx.sb, 'getTasks', {}, { accountId: SEED.otherAccountId })).status).toBe(403);
    expect((await callOp(ctx.sb, 'getCases', {}, { streamId: 'st-0000' })).status).toBe(404);
  });
});
