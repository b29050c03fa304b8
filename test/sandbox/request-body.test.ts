/** The one way an operation takes a body and answers, with a drift's hooks applied to the operation it names. */
import { describe, expect, it } from 'vitest';
import type { DriftBehaviour } from '../../sandbox/drift/drift.js';
import { isProblem } from '../../sandbox/http/errors.js';
import { itemAnswer } from '../../sandbox/operations/answers.js';
import { createCaseBody } from '../../sandbox/operations/create-case.js';
import type { FamilyDeps } from '../../sandbox/operations/operation.js';
import { acceptBody } from '../../sandbox/operations/request-body.js';

/** acceptBody and itemAnswer read only the drift and the answer shape of the handlers' dependencies. */
const depsWith = (drift: DriftBehaviour) => ({ drift, answers: 'full' }) as unknown as FamilyDeps;
const validCase = { caseTmp: 'ctm-1', name: 'n', desc: '', userInfo: { emailId: 'a@b.co' }, source: 'rtm', dueDate: '2026-09-04T14:15:00.000Z' };
const resolved = () => ({ resolved: true });

describe('acceptBody: field table, then resolve, under the drift of the operation it is called for', () => {
  it('refuses with every problem, 400, and the drifted status only for the operation the drift names', () => {
    const drift: DriftBehaviour = { operation: 'createCase', validationStatus: 422 };
    const refusal = acceptBody(depsWith(drift), 'createCase', { name: 5 }, createCaseBody, resolved);
    expect(isProblem(refusal) && refusal.status).toBe(422);
    expect(isProblem(refusal) && refusal.errors.map((e) => e.msg.split(' ', 1)[0])).toEqual([
      'caseTmp',
      'name',
      'desc',
      'userInfo',
      'source',
      'dueDate',
    ]);
    const other = acceptBody(depsWith({ ...drift, operation: 'updateCase' }), 'createCase', { name: 5 }, createCaseBody, resolved);
    expect(isProblem(other) && other.status).toBe(400);
  });

  it("refuses resolve's problems the same way, and answers what resolve returns", () => {
    const deps = depsWith({});
    const unknown = acceptBody(deps, 'createCase', validCase, createCaseBody, () => ['caseTmp: no case template ctm-1']);
    expect(unknown).toEqual({ status: 400, errors: [{ msg: 'caseTmp: no case template ctm-1', code: 4000 }], headers: undefined });
    expect(acceptBody(deps, 'createCase', validCase, createCaseBody, resolved)).toEqual({ resolved: true });
  });

  it('skips validation for the drifted operation: resolve gets lenient values and is told so', () => {
    const seen: unknown[] = [];
    const accepted = acceptBody(
      depsWith({ operation: 'createCase', skipValidation: true }),
      'createCase',
      { name: 5 },
      createCaseBody,
      (values, lenient) => {
        seen.push(values, lenient);
        return { ok: 1 };
      },
    );
    expect(accepted).toEqual({ ok: 1 });
    expect(seen[0]).toMatchObject({ caseTmp: '', name: '5', desc: '', userInfo: {}, source: '' });
    expect(seen[1]).toBe(true);
  });

  it('answers 500 for the valid bodies a drift fails, after resolve (a refused reference stays a 400)', () => {
    const deps = depsWith({ operation: 'createCase', failsValidRequest: () => true });
    const failed = acceptBody(deps, 'createCase', validCase, createCaseBody, resolved);
    expect(isProblem(failed) && failed.status).toBe(500);
    const refused = acceptBody(deps, 'createCase', validCase, createCaseBody, () => ['caseTmp: no case template ctm-1']);
    expect(isProblem(refused) && refused.status).toBe(400);
  });
});

describe('itemAnswer: every create and update answers through the same drift hooks', () => {
  it("applies status, content type, body fault and item change to the drifted operation's answers only", () => {
    const drift: DriftBehaviour = {
      operation: 'updateCase',
      successStatus: 201,
      successContentType: 'text/plain',
      successBodyFault: { kind: 'malformed' },
      mapItem: (item) => ({ ...item, extra: 1 }),
    };
    const drifted = itemAnswer(depsWith(drift), 'updateCase', { _id: 'ci-1' });
    expect(drifted).toEqual({ status: 201, contentType: 'text/plain', bodyFault: { kind: 'malformed' }, json: '{"_id":"ci-1","extra":1}' });
    const other = itemAnswer(depsWith(drift), 'createTask', { _id: 'ti-1' });
    expect(other).toEqual({ status: undefined, contentType: undefined, bodyFault: undefined, json: '{"_id":"ti-1"}' });
  });
});
