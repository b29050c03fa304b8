/**
 * End to end, as a client written only from the platform's pages would do it: plain fetch, the `auth` header
 * carrying an HS256 JWT it signs itself ({sub, appId}), `AccountId` as the curls send it, and the ids the banner
 * prints. Create a case, find it, add a task, find that, rename both, find them again.
 */
import type { Json } from '../../scripts/lib/openapi-document.js';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from './helpers.js';

// What is stored and changed shows whole in the older pages' full answers.
const ctx = sandboxForFile({ answers: 'full' });
const unique = `e2e-${Date.now().toString(36)}`;

async function jwt(): Promise<string> {
  const { clientId, clientSecret, userId } = ctx.sb.seed;
  return new SignJWT({ sub: userId, appId: clientId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(clientSecret));
}

/** POST {base}/caseManagement/api/public/analytics/{streamId}/{op}; `auth: null` sends none. */
async function call(op: string, body: unknown, o: { auth?: string | null } = {}): Promise<{ status: number; json: Json }> {
  const { url, seed } = ctx.sb;
  const auth = o.auth === undefined ? await jwt() : o.auth;
  const response = await fetch(`${url}/caseManagement/api/public/analytics/${seed.streamId}/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json;charset=UTF-8', AccountId: seed.accountId, ...(auth === null ? {} : { auth }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('the Case Management family, end to end', () => {
  it('creates a case, finds it, adds a task, finds it, renames both and finds them again', async () => {
    const { seed } = ctx.sb;
    // createCase, the page's sample request with the seeded template
    const created = await call('createCase', {
      caseTmp: seed.caseTemplateId,
      name: `${unique} demo case`,
      desc: 'Demo case',
      userInfo: { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba55973c10', name: 'John' },
      emailId: 'john.doe@example.com',
      phoneNumber: '9023980000',
      dueDate: '2026-09-04T14:15:00.000Z',
      source: 'rtm',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const theCase = created.json;
    expect(theCase).toMatchObject({
      name: `${unique} demo case`,
      lname: `${unique} demo case`,
      conversationType: 'CASE',
      ETA: '2026-09-04T14:15:00.000Z',
      taskIds: [],
    });
    expect(theCase._id).toMatch(/^ci-/);
    expect(theCase.refId).toMatch(/^CS\d{6}$/);

    // getCases finds it by name
    const found = await call('getCases', { searchText: unique });
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ page: 1, hasMore: false, totalPages: 1, totalResults: 1 });
    expect(found.json.results.map((c: { _id: string }) => c._id)).toEqual([theCase._id]);

    // createTask on it, with the case's ids as getCases gave them
    const [hit] = found.json.results;
    const task = await call('createTask', {
      caseId: hit._id,
      caseRefId: hit.refId,
      taskTmp: seed.taskTemplateId,
      name: `${unique} demo task`,
      userInfo: { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba55973c10', name: 'John', emailId: 'john.doe@example.com' },
      source: 'rtm',
    });
    expect(task.status, JSON.stringify(task.json)).toBe(200);
    expect(task.json).toMatchObject({ caseId: theCase._id, caseRefId: theCase.refId, conversationType: 'TASK' });

    // getTasks finds it by name; the case now lists it
    const tasks = await call('getTasks', { skip: 0, limit: 50, searchText: `${unique} demo task` });
    expect(tasks.status).toBe(200);
    expect(tasks.json.results.map((t: { _id: string }) => t._id)).toEqual([task.json._id]);
    expect((await call('getCases', { searchText: unique })).json.results[0].taskIds).toEqual([task.json._id]);

    // rename both (the pages' samples: updateTask sends only the name)
    const caseRenamed = await call(`updateCase/${theCase._id}`, { name: `${unique} Renamed Case` });
    expect(caseRenamed.status).toBe(200);
    expect(caseRenamed.json).toMatchObject({
      _id: theCase._id,
      name: `${unique} Renamed Case`,
      lname: `${unique} renamed case`,
      refId: theCase.refId,
      desc: 'Demo case',
    });
    expect(Date.parse(caseRenamed.json.updatedAt)).toBeGreaterThanOrEqual(Date.parse(theCase.updatedAt));
    const taskRenamed = await call(`updateTask/${task.json._id}`, { name: `${unique} Task Testing` });
    expect(taskRenamed.status).toBe(200);
    expect(taskRenamed.json).toMatchObject({
      _id: task.json._id,
      name: `${unique} Task Testing`,
      lname: `${unique} task testing`,
      refId: task.json.refId,
    });

    // found again under the new names, and no longer under the old
    expect((await call('getCases', { searchText: `${unique} renamed` })).json.results.map((c: { _id: string }) => c._id)).toEqual([theCase._id]);
    expect((await call('getTasks', { searchText: `${unique} task testing` })).json.results.map((t: { _id: string }) => t._id)).toEqual([
      task.json._id,
    ]);
    expect((await call('getTasks', { searchText: `${unique} demo task` })).json.totalResults).toBe(0);
  });

  it('an unknown task gets a 4xx in the error envelope', async () => {
    const sent = await call('updateTask/ti-0000000-0000-4000-8000-000000000000', { name: 'x' });
    expect(sent.status).toBeGreaterThanOrEqual(400);
    expect(sent.status).toBeLessThan(500);
    expect(sent.json.errors[0]).toMatchObject({ msg: expect.stringMatching(/^taskId: no task/), code: expect.any(Number) });
  });

  it.each([
    'createCase',
    'getCases',
    'updateCase/ci-31d9184-d64d-42d9-8c75-5edba5313a6f',
    'getTasks',
    'updateTask/ti-0000000-0000-4000-8000-000000000000',
  ])('%s without a token gets 401', async (op) => {
    const sent = await call(op, {}, { auth: null });
    expect(sent.status).toBe(401);
    expect(sent.json.errors[0].code).toBe(4002);
  });
});
