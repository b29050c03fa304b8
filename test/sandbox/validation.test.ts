import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/server.js';
import { createTaskBody } from '../../sandbox/operations/create-task.js';
import { checkBody, lenientValues } from '../../sandbox/operations/fields.js';
import { SEED, createTask, envelopeMessages, validBody, withSandbox } from './helpers.js';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await withSandbox();
});
afterAll(() => sb.close());

/** A body derived from the valid one: `set` overrides (undefined deletes), on the top level or in userInfo. */
function variant(set: Record<string, unknown>, userInfo?: Record<string, unknown>) {
  const body: Record<string, unknown> = { ...validBody(sb), ...set };
  if (userInfo) body.userInfo = { ...(body.userInfo as object), ...userInfo };
  for (const obj of [body, body.userInfo]) {
    if (typeof obj !== 'object' || obj === null) continue;
    for (const key of Object.keys(obj)) if ((obj as Record<string, unknown>)[key] === undefined) delete (obj as Record<string, unknown>)[key];
  }
  return body;
}

describe('createTask validation: 400, every problem in the envelope, each naming its field', () => {
  const cases: [string, () => Record<string, unknown>, RegExp][] = [
    ['missing caseId', () => variant({ caseId: undefined }), /^caseId is required/],
    ['caseId of the wrong type', () => variant({ caseId: 42 }), /^caseId must be a string/],
    ['caseId not shaped like ci-…', () => variant({ caseId: 'case-1' }), /^caseId must be a case id/],
    ['missing caseRefId', () => variant({ caseRefId: undefined }), /^caseRefId is required/],
    ['caseRefId not CS…', () => variant({ caseRefId: 'X131' }), /^caseRefId must be/],
    ['missing taskTmp', () => variant({ taskTmp: undefined }), /^taskTmp is required/],
    ['taskTmp null', () => variant({ taskTmp: null }), /^taskTmp must be a string \(got null\)/],
    ['missing source', () => variant({ source: undefined }), /^source is required/],
    ['empty source', () => variant({ source: '' }), /^source must not be empty/],
    ['name longer than 1024 characters', () => variant({ name: 'n'.repeat(1025) }), /^name must be at most 1024 characters/],
    ['desc longer than 10 000 characters', () => variant({ desc: 'd'.repeat(10_001) }), /^desc must be at most 10000 characters/],
    ['name of the wrong type', () => variant({ name: ['a'] }), /^name must be a string \(got array\)/],
    ['desc of the wrong type', () => variant({ desc: 5 }), /^desc must be a string/],
    ['missing userInfo', () => variant({ userInfo: undefined }), /^userInfo is required/],
    ['userInfo not an object', () => variant({ userInfo: 'dummy' }), /^userInfo must be an object/],
    ['missing userInfo.name', () => variant({}, { name: undefined }), /^userInfo\.name is required/],
    [
      'userInfo with no _id, emailId or phoneNumber',
      () => variant({}, { _id: undefined, emailId: undefined }),
      /^userInfo must have _id, emailId or phoneNumber$/,
    ],
    ['userInfo._id not shaped like u-…', () => variant({}, { _id: 'user-1' }), /^userInfo\._id must be a user id/],
    ['userInfo.emailId not an email', () => variant({}, { emailId: 'nobody' }), /^userInfo\.emailId must be an email/],
    ['userInfo.emailId without a dotted domain', () => variant({}, { emailId: 'someone@localhost' }), /^userInfo\.emailId must be an email/],
    [
      'empty userInfo.phoneNumber',
      () => variant({}, { _id: undefined, emailId: undefined, phoneNumber: '' }),
      /^userInfo\.phoneNumber must not be empty/,
    ],
    ['a JSON array instead of an object', () => [] as unknown as Record<string, unknown>, /^body must be a JSON object/],
  ];

  it.each(cases)('%s', async (_label, body, message) => {
    const sent = await createTask(sb, body());
    expect(sent.status).toBe(400);
    expect(sent.json.errors[0].code).toBe(4000);
    expect(envelopeMessages(sent)).toContainEqual(expect.stringMatching(message));
  });

  it('reports every problem at once', async () => {
    const sent = await createTask(sb, { caseId: 1, userInfo: {} });
    expect(sent.status).toBe(400);
    const fields = envelopeMessages(sent).map((m) => m.split(' ', 1)[0]);
    expect(fields).toEqual(['caseId', 'caseRefId', 'taskTmp', 'source', 'userInfo.name', 'userInfo']);
  });

  it('accepts the documented sample (desc and the task name are optional), with email or phone instead of _id', async () => {
    expect((await createTask(sb, variant({ name: undefined }))).status).toBe(200);
    expect((await createTask(sb, variant({}, { _id: undefined }))).status).toBe(200);
    expect((await createTask(sb, variant({ desc: 'why' }, { _id: undefined, emailId: undefined, phoneNumber: '+1 555 0100' }))).status).toBe(200);
  });

  it('accepts the limits themselves: a 1024-character name (counted in characters), an empty desc', async () => {
    expect((await createTask(sb, variant({ name: '😀'.repeat(1024) }))).status).toBe(200);
    expect((await createTask(sb, variant({ desc: '' }))).status).toBe(200);
  });

  it("accepts the samples' masked user id (userInfo._id is not looked up)", async () => {
    const sent = await createTask(sb, variant({}, { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx' }));
    expect(sent.status).toBe(200);
    expect(sent.json.userInfo._id).toBe('u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx');
  });

  it('ignores unknown properties, like the undocumented ones of the curl sample', async () => {
    expect((await createTask(sb, variant({ priority: 'High', extra: { a: 1 } }))).status).toBe(200);
  });
});

describe('createTask tenant references (400, naming the field)', () => {
  it("rejects the samples' masked case and template ids as unknown (well-formed, but no such case)", async () => {
    const sent = await createTask(
      sb,
      variant({ caseId: 'ci-31d9184-d64d-42d9-8c75-5edba531xxxx', taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx' }),
    );
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseId: no case/), expect.stringMatching(/^taskTmp: no task template/)]);
  });

  it('reads ids as opaque: another shape (8 hex digits, no uuid) is well-formed, then looked up', async () => {
    const sent = await createTask(sb, variant({ caseId: 'ci-31d91840-d64d-42d9-8c75-5edba5313a6f', taskTmp: 'ttm-X' }));
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseId: no case/), expect.stringMatching(/^taskTmp: no task template/)]);
  });

  it('rejects an unknown case and an unknown template together', async () => {
    const sent = await createTask(
      sb,
      variant({ caseId: 'ci-0000000-0000-4000-8000-000000000000', taskTmp: 'ttm-0000000-0000-4000-8000-000000000000' }),
    );
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseId: no case/), expect.stringMatching(/^taskTmp: no task template/)]);
  });

  it('rejects a caseRefId that belongs to another case', async () => {
    const sent = await createTask(sb, variant({ caseRefId: SEED.secondCaseRefId }));
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent)).toEqual([expect.stringMatching(/^caseRefId: CS000132 is not the reference id of case/)]);
  });

  it("rejects another stream's case and template", async () => {
    const sent = await createTask(
      sb,
      variant({ caseId: SEED.otherStreamCaseId, caseRefId: SEED.otherStreamCaseRefId, taskTmp: SEED.otherStreamTemplateId }),
    );
    expect(sent.status).toBe(400);
    expect(envelopeMessages(sent).map((m) => m.split(':', 1)[0])).toEqual(['caseId', 'taskTmp']);
  });
});

describe("createTask's field table (unit)", () => {
  it('returns the checked values when valid and every problem when not', () => {
    const ok = checkBody(
      { caseId: SEED.caseId, caseRefId: 'CS1', taskTmp: SEED.taskTemplateId, source: 'rtm', userInfo: { name: 'a', phoneNumber: '+15550100' } },
      createTaskBody,
    );
    expect(ok).toEqual({
      ok: true,
      values: {
        caseId: SEED.caseId,
        caseRefId: 'CS1',
        taskTmp: SEED.taskTemplateId,
        source: 'rtm',
        userInfo: { name: 'a', phoneNumber: '+15550100' },
      },
    });
    expect(checkBody(null, createTaskBody)).toEqual({ ok: false, problems: ['body must be a JSON object'] });
    expect(checkBody({ userInfo: { name: 'a' } }, createTaskBody)).toEqual({
      ok: false,
      problems: [
        'caseId is required',
        'caseRefId is required',
        'taskTmp is required',
        'source is required',
        'userInfo must have _id, emailId or phoneNumber',
      ],
    });
  });

  it('makes any body good enough to build from, for the drift that skips validation, with strings bounded', () => {
    expect(lenientValues({ caseId: 42, name: 'n'.repeat(2000), userInfo: 'nobody' }, createTaskBody.fields)).toEqual({
      caseId: '42',
      caseRefId: '',
      taskTmp: '',
      name: 'n'.repeat(1024),
      source: '',
      userInfo: { name: '' },
    });
  });
});
