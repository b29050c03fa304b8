// Named invalid requests are rejected by the request schema, each for the reason it is named after.
import { describe, expect, it } from 'vitest';
import { seedSampleRequest } from '../helpers/seed.js';
import { validatorFor, type Json } from '../helpers/contract.js';

const validate = validatorFor('CreateTaskRequest');
const sample = seedSampleRequest() as Json;
const user = sample.userInfo;

function accepted(body: Json): boolean {
  return validate(body) as boolean;
}

describe('CreateTaskRequest accepts every documented way of identifying the user', () => {
  it.each([
    ['only _id', { _id: user._id, name: 'dummy' }],
    ['only emailId', { name: 'dummy', emailId: 'dummy@mailinator.com' }],
    ['only phoneNumber', { name: 'dummy', phoneNumber: '+14155550123' }],
  ])('%s', (_label, userInfo) => {
    expect(accepted({ ...sample, userInfo }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('without the task name and desc (both optional, see the schema description)', () => {
    const { name: _name, ...withoutName } = sample;
    expect(accepted(withoutName)).toBe(true);
    expect(accepted({ ...sample, desc: 'A description' })).toBe(true);
  });
});

describe('CreateTaskRequest rejects', () => {
  it('a userInfo with no _id, emailId or phoneNumber', () => {
    expect(accepted({ ...sample, userInfo: { name: 'dummy' } })).toBe(false);
  });

  it.each(['caseId', 'caseRefId', 'taskTmp', 'userInfo', 'source'])('a body missing %s', (field) => {
    const { [field]: _dropped, ...rest } = sample;
    expect(accepted(rest)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'required' && e.params.missingProperty === field)).toBe(true);
  });

  it('a userInfo missing name', () => {
    const { name: _dropped, ...rest } = user;
    expect(accepted({ ...sample, userInfo: rest })).toBe(false);
  });

  it.each([
    ['caseId', 42],
    ['caseRefId', 131],
    ['taskTmp', null],
    ['name', true],
    ['desc', ['a']],
    ['source', {}],
    ['userInfo', 'dummy'],
  ])('%s of the wrong type (%j)', (field, value) => {
    expect(accepted({ ...sample, [field]: value })).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === `/${field}` && e.keyword === 'type')).toBe(true);
  });

  it.each([
    ['_id', 7],
    ['name', 7],
    ['emailId', 7],
    ['phoneNumber', 7],
  ])('userInfo.%s of the wrong type', (field, value) => {
    expect(accepted({ ...sample, userInfo: { ...user, [field]: value } })).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === `/userInfo/${field}` && e.keyword === 'type')).toBe(true);
  });

  it.each([
    ['caseId', 'case-1'],
    ['taskTmp', 'ti-1'],
    ['taskTmp', ''],
    ['caseRefId', 'TS000131'],
  ])('%s that is not an id of its kind (%j): ids are opaque, but their prefix is checked', (field, value) => {
    expect(accepted({ ...sample, [field]: value })).toBe(false);
  });

  it('an emailId that is not an email address', () => {
    expect(accepted({ ...sample, userInfo: { name: 'dummy', emailId: 'not-an-email' } })).toBe(false);
  });

  it('empty strings where a value is required', () => {
    expect(accepted({ ...sample, source: '' })).toBe(false);
    expect(accepted({ ...sample, userInfo: { ...user, name: '' } })).toBe(false);
  });
});
