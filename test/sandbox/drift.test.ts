import { afterAll, describe, expect, it } from 'vitest';
import { driftModes, formatDriftList } from '../../sandbox/drift.js';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, validBody, withSandbox, type Sent } from './helpers.js';

const started: RunningSandbox[] = [];
afterAll(() => Promise.all(started.map((sb) => sb.close())));

async function sandboxWith(drift: string) {
  const sb = await withSandbox({ drift });
  started.push(sb);
  return sb;
}

const valid = (sb: RunningSandbox) => createTask(sb, validBody(sb));
const ok = (sent: Sent) => {
  expect(sent.status).toBe(200);
  return sent.json;
};

/** What each drift must visibly break (or, for the harmless ones, add); one entry per mode. */
const expectations: Record<string, (sb: RunningSandbox) => Promise<void>> = {
  'missing-required-field': async (sb) => {
    const task = ok(await valid(sb));
    expect(task).not.toHaveProperty('refId');
    expect(task).toHaveProperty('caseId');
  },
  'wrong-type': async (sb) => expect(typeof ok(await valid(sb)).timestampValue).toBe('string'),
  'nested-wrong-type': async (sb) => expect(ok(await valid(sb)).priority.score).toBe('10'),
  'missing-nested-field': async (sb) => {
    const task = ok(await valid(sb));
    expect(task.createdBy).not.toHaveProperty('_id');
    expect(task.updatedBy).toHaveProperty('_id');
  },
  'array-item-wrong-type': async (sb) => {
    const task = ok(await valid(sb));
    expect(task.fields[0].required).toBe('true');
    expect(task.fields[1].required).toBe(true);
  },
  'null-field': async (sb) => expect(ok(await valid(sb)).caseRefId).toBeNull(),
  'bad-date-time': async (sb) => expect(ok(await valid(sb)).createdAt).not.toMatch(/^\d{4}-\d{2}-\d{2}T/),
  'enum-changed': async (sb) => expect(ok(await valid(sb)).conversationType).toBe('CASE'),
  'status-201': async (sb) => {
    const sent = await valid(sb);
    expect(sent.status).toBe(201);
    expect(sent.json.refId).toMatch(/^TS/);
  },
  'wrong-content-type': async (sb) => {
    const sent = await valid(sb);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('content-type')).toMatch(/^text\/plain/);
  },
  'accepts-invalid-input': async (sb) => {
    const sent = await createTask(sb, { caseId: 42, userInfo: 'nobody' });
    expect(sent.status).toBe(200);
    expect(sent.json.caseId).toBe('42');
  },
  'validation-422': async (sb) => {
    const sent = await createTask(sb, { caseId: 42 });
    expect(sent.status).toBe(422);
    expect(sent.json.errors[0].msg).toMatch(/^caseId/);
    expect((await valid(sb)).status).toBe(200);
  },
  'auth-not-enforced': async (sb) => {
    expect((await createTask(sb, validBody(sb), { auth: null })).status).toBe(200);
    expect((await createTask(sb, validBody(sb), { auth: 'garbage' })).status).toBe(200);
  },
  'error-envelope-changed': async (sb) => {
    const sent = await createTask(sb, validBody(sb), { auth: null });
    expect(sent.status).toBe(401);
    expect(sent.json).not.toHaveProperty('errors');
    expect(sent.json.error).toEqual({ message: expect.stringMatching(/auth/), status: 401 });
    // every route answers in the drifted envelope, not only createTask's own checks
    const unknownRoute = await (await fetch(`${sb.url}/no/such/route`)).json();
    expect(unknownRoute).toEqual({ error: { message: expect.stringMatching(/no route/), status: 404 } });
    const wrongMethod = await fetch(createTaskUrl(sb), { method: 'GET' });
    expect(await wrongMethod.json()).toEqual({ error: { message: expect.stringMatching(/not allowed/), status: 405 } });
  },
  '5xx-for-variant': async (sb) => {
    expect((await valid(sb)).status).toBe(200);
    const emailOnly = await createTask(sb, { ...validBody(sb), userInfo: { name: 'dummy', emailId: 'dummy@mailinator.com' } });
    expect(emailOnly.status).toBe(500);
    expect(emailOnly.json.errors[0].code).toBe(5000);
  },
  'extra-field': async (sb) => {
    const task = ok(await valid(sb));
    expect(task.sandboxRevision).toBe(2);
    expect(task.refId).toMatch(/^TS/);
  },
  'extra-nested-field': async (sb) => expect(ok(await valid(sb)).userInfo.locale).toBe('en'),
};

describe('drift modes (--drift NAME): each produces its drift, alone', () => {
  it('has at least 12 modes, one harmless, each with an expectation here', () => {
    expect(driftModes.length).toBeGreaterThanOrEqual(12);
    expect(driftModes.filter((d) => !d.breaking).length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(expectations).sort()).toEqual(driftModes.map((d) => d.name).sort());
  });

  it.each(driftModes.map((d) => [d.name]))('%s', async (name) => {
    await expectations[name]!(await sandboxWith(name));
  });

  it('a drift never changes what it is not about: status-201 still validates input', async () => {
    const sb = await sandboxWith('status-201');
    expect((await createTask(sb, {})).status).toBe(400);
  });

  it('refuses an unknown drift name, naming the known ones', async () => {
    await expect(withSandbox({ drift: 'no-such-drift' })).rejects.toThrow(/unknown drift "no-such-drift"; known: missing-required-field/);
  });

  it('lists the modes one a line', () => {
    const lines = formatDriftList().split('\n');
    expect(lines).toHaveLength(driftModes.length);
    expect(lines[0]).toMatch(/^missing-required-field\s+breaking\s+/);
    expect(lines.find((l) => l.startsWith('extra-field'))).toMatch(/harmless/);
  });
});
