import { describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json';
import { RequestValidationError, type CreateTaskRequest } from '../../src/index.js';
import { makeClient, ok, rejection, sampleBody } from './helpers.js';

const examples = Object.entries(spec.components.examples).filter(([name]) => name.startsWith('CreateTask'));

describe('request validation (on by default)', () => {
  for (const [name, example] of examples) {
    it(`accepts the contract's example ${name}`, async () => {
      const { client, requests } = makeClient([ok()]);
      await client.createTask(example.value as CreateTaskRequest);
      expect(requests).toHaveLength(1);
    });
  }

  it('a userInfo with no _id, emailId or phoneNumber throws at once; nothing is sent', async () => {
    const { client, requests } = makeClient([ok()]);
    const body = { ...sampleBody, userInfo: { name: 'dummy' } } as unknown as CreateTaskRequest;
    const e = await rejection(client.createTask(body));
    expect(e).toBeInstanceOf(RequestValidationError);
    expect(e.problems).toEqual([{ path: 'userInfo', message: 'must have _id, emailId or phoneNumber' }]);
    expect(e.message).toBe('invalid createTask body (nothing was sent): userInfo: must have _id, emailId or phoneNumber');
    expect(requests).toHaveLength(0);
  });

  it('lists every problem, by path', async () => {
    const { client, requests } = makeClient([ok()]);
    const body = {
      caseId: 31,
      caseRefId: 'case-131',
      taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx',
      name: '',
      userInfo: { _id: 'user-1', name: 'dummy', emailId: 'not an email' },
    } as unknown as CreateTaskRequest;
    const e = await rejection(client.createTask(body));
    expect(e.problems).toEqual([
      { path: 'source', message: 'is required' },
      { path: 'caseId', message: 'must be a string' },
      { path: 'caseRefId', message: 'must match ^CS[0-9]+$' },
      { path: 'name', message: 'must not be empty' },
      { path: 'userInfo._id', message: expect.stringMatching(/^must match \^u-/) },
      { path: 'userInfo.emailId', message: 'must be an email' },
      { path: 'userInfo', message: 'must have _id, emailId or phoneNumber' },
    ]);
    expect(requests).toHaveLength(0);
  });

  it('a body that is not an object says so', async () => {
    const e = await rejection(makeClient([ok()]).client.createTask(null as never));
    expect(e.problems).toEqual([{ path: '(body)', message: 'must be an object' }]);
  });

  it('undefined fields count as absent (JSON leaves them out)', async () => {
    const e = await rejection(makeClient([ok()]).client.createTask({ ...sampleBody, source: undefined } as never));
    expect(e.problems).toEqual([{ path: 'source', message: 'is required' }]);
  });

  it('unknown fields are allowed, as the contract allows them', async () => {
    const { client, requests } = makeClient([ok()]);
    await client.createTask({ ...sampleBody, extra: 1 } as CreateTaskRequest);
    expect(requests).toHaveLength(1);
  });

  it('validateRequests: false sends the body unchecked', async () => {
    const { client, bodies } = makeClient([ok()], { validateRequests: false });
    await client.createTask({ caseId: 1 } as never);
    expect(bodies).toEqual(['{"caseId":1}']);
  });
});
