import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { driftModes as allDriftModes, formatDriftList } from '../../sandbox/drift/drift.js';

// this file covers createTask's modes; family-state.test.ts the other operations'
const driftModes = allDriftModes.filter((m) => m.operation === 'createTask');
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTask, createTaskUrl, validBody, withSandbox, type Sent } from './helpers.js';

const started: RunningSandbox[] = [];
afterAll(() => Promise.all(started.map((sb) => sb.close())));

async function sandboxWith(drift: string) {
  const sb = await withSandbox({ drift, faults: true }); // faults: the 429 that no-retry-after changes
  started.push(sb);
  return sb;
}

const taskCount = async (sb: RunningSandbox): Promise<number> => (await (await fetch(`${sb.url}/__sandbox/health`)).json()).tasks;
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
  'body-not-json': async (sb) => {
    const before = await taskCount(sb);
    const sent = await valid(sb);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('content-type')).toMatch(/^application\/json/);
    expect(sent.json).toBeUndefined(); // the helper's JSON.parse failed
    expect(await taskCount(sb)).toBe(before + 1);
    expect((await createTask(sb, {})).status).toBe(400); // refusals stay JSON
  },
  'ids-other-shape': async (sb) => {
    const task = ok(await valid(sb));
    expect(task._id).toMatch(/^ti-[g-v]{32}$/);
    expect(task.refId).toMatch(/^TS\d{6}$/);
  },
  'error-codes-other': async (sb) => {
    const unauthorized = await createTask(sb, validBody(sb), { auth: null });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json.errors).toEqual([{ msg: expect.stringMatching(/^auth: /), code: 401 }]);
    const invalid = await createTask(sb, { ...validBody(sb), source: 5 });
    expect([invalid.status, invalid.json.errors[0].code]).toEqual([400, 400]);
    expect((await valid(sb)).status).toBe(200);
  },
  'no-retry-after': async (sb) => {
    const limited = await createTask(sb, validBody(sb), { headers: { 'x-sandbox-fault': '429=7' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.json.errors[0].code).toBe(4029);
    const unavailable = await createTask(sb, validBody(sb), { headers: { 'x-sandbox-fault': '503=2' } });
    expect(unavailable.headers.get('retry-after')).toBe('2'); // only the 429 loses it
  },
  'extra-field': async (sb) => {
    const task = ok(await valid(sb));
    expect(task.sandboxRevision).toBe(2);
    expect(task.refId).toMatch(/^TS/);
  },
  'extra-nested-field': async (sb) => expect(ok(await valid(sb)).userInfo.locale).toBe('en'),
  'tenant-dialect': async (sb) => {
    // four harmless differences at once: 201, another envelope, ids in other characters, an extra field
    const sent = await valid(sb);
    expect(sent.status).toBe(201);
    expect(sent.json._id).toMatch(/^ti-[g-v]{32}$/);
    expect(sent.json.sandboxRevision).toBe(2);
    const refused = await createTask(sb, validBody(sb), { auth: null });
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ error: { message: expect.stringMatching(/auth/), status: 401 } });
  },
};

describe('drift modes (--drift NAME): each produces its drift, alone', () => {
  it('has an expectation here for every mode, and splits them as the provenance convention lists', () => {
    expect(Object.keys(expectations).sort()).toEqual(driftModes.map((d) => d.name).sort());
    // documented rules broken: the suite must fail; inferred ones: it must warn and pass
    const breaking = [
      'missing-required-field',
      'wrong-type',
      'nested-wrong-type',
      'missing-nested-field',
      'array-item-wrong-type',
      'null-field',
      'accepts-invalid-input',
      'auth-not-enforced',
      '5xx-for-variant',
      'body-not-json',
    ];
    const harmless = [
      'extra-field',
      'extra-nested-field',
      'status-201',
      'validation-422',
      'error-envelope-changed',
      'wrong-content-type',
      'bad-date-time',
      'enum-changed',
      'ids-other-shape',
      'error-codes-other',
      'no-retry-after',
      'tenant-dialect',
    ];
    expect(
      driftModes
        .filter((d) => d.breaking)
        .map((d) => d.name)
        .sort(),
    ).toEqual(breaking.sort());
    expect(
      driftModes
        .filter((d) => !d.breaking)
        .map((d) => d.name)
        .sort(),
    ).toEqual(harmless.sort());
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

  it("sandbox/README.md's table lists every mode with its kind, in the same order", () => {
    const readme = readFileSync(new URL('../../sandbox/README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (breaking|harmless) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(driftModes.map((d) => [d.name, d.breaking ? 'breaking' : 'harmless']));
  });

  it("lists the modes one a line, createTask's first, each with its operation", () => {
    const lines = formatDriftList().split('\n');
    expect(lines).toHaveLength(allDriftModes.length);
    expect(lines[0]).toMatch(/^missing-required-field\s+breaking\s+createTask: /);
    expect(lines.at(-1)).toMatch(/^updateTask-wrong-content-type\s+harmless\s+updateTask: /);
    expect(lines.find((l) => l.startsWith('extra-field'))).toMatch(/harmless/);
    expect(lines.find((l) => l.startsWith('status-201'))).toMatch(/harmless/);
    expect(lines.find((l) => l.startsWith('body-not-json'))).toMatch(/breaking/);
  });
});
