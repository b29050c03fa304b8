// Ids are opaque (docs/contract-decisions.md, "Ids"): each id schema checks its kind's prefix and a plausible
// character set, never digit counts or the page's `xxxx` mask. Ids of other shapes than the page's samples validate;
// a wrong prefix, a bare prefix or an empty string does not.
import { describe, expect, it } from 'vitest';
import { bundle, validatorFor } from '../helpers/contract.js';

const PREFIXED: Record<string, string> = {
  StreamId: 'st-',
  UserId: 'u-',
  OrgId: 'o-',
  CaseId: 'ci-',
  TaskId: 'ti-',
  TaskTemplateId: 'ttm-',
  StatusId: 'sts-',
  PriorityId: 'pr-',
  FieldId: 'fd-',
  AgentId: 'a-',
  CaseTemplateId: 'ctm-',
  QueueId: 'qu-',
};
const schemas = bundle.components.schemas;

describe('id schemas', () => {
  it('are exactly the string schemas titled …Id, each marked inferred, none with a digit count or a mask', () => {
    const ids = Object.keys(schemas).filter((name) => schemas[name].type == 'string' && /Id$/.test(schemas[name].title ?? ''));
    expect(ids.sort()).toEqual([...Object.keys(PREFIXED), 'AccountId', 'CaseRefId', 'TaskRefId'].sort());
    for (const name of ids) {
      expect(schemas[name]['x-provenance'], name).toBe('inferred');
      expect(schemas[name].pattern, name).not.toMatch(/\{\d|xxxx/);
    }
  });

  describe.each(Object.entries(PREFIXED))('%s (%s…)', (name, prefix) => {
    const valid = validatorFor(name);
    it.each([
      ['6 hex digits in the first group', `${prefix}31d918-d64d-42d9-8c75-5edba5319e02`],
      ['7 (the page’s shape)', `${prefix}31d9184-d64d-42d9-8c75-5edba5319e02`],
      ['8 (a UUID)', `${prefix}31d91842-d64d-42d9-8c75-5edba5319e02`],
      ['no mask', `${prefix}31d9184-d64d-42d9-8c75-5edba5310000`],
      ['the page’s mask', `${prefix}31d9184-d64d-42d9-8c75-5edba531xxxx`],
      ['another length', `${prefix}1`],
      ['no hyphens, upper case', `${prefix}ABC123def`],
    ])('accepts %s', (_label, id) => {
      expect(valid(id), JSON.stringify(valid.errors)).toBe(true);
    });
    it.each([
      ['an empty string', ''],
      ['the bare prefix', prefix],
      ['another kind’s prefix', `${prefix == 'ti-' ? 'ci-' : 'ti-'}31d9184-d64d-42d9-8c75-5edba5319e02`],
      ['no prefix', '31d9184-d64d-42d9-8c75-5edba5319e02'],
      ['the prefix in upper case', `${prefix.toUpperCase()}31d9184`],
      ['a space', `${prefix}31d9184 d64d`],
    ])('refuses %s', (_label, id) => {
      expect(valid(id)).toBe(false);
    });
  });

  it('AccountId: 24 hex digits (the page’s shape), other lengths and the mask validate; empty and punctuation do not', () => {
    const valid = validatorFor('AccountId');
    for (const id of ['6639f7bd58c97ffac03b7e21', '6639f7bd58c97ffac03bxxxx', '6639f7bd58c9', 'ACCOUNT42']) expect(valid(id), id).toBe(true);
    for (const id of ['', 'acc-6639', '6639 f7bd']) expect(valid(id), id).toBe(false);
  });

  it('CaseRefId: CS and any number of digits; not TS…, not empty', () => {
    const valid = validatorFor('CaseRefId');
    for (const id of ['CS000131', 'CS1', 'CS0001310000']) expect(valid(id), id).toBe(true);
    for (const id of ['', 'CS', 'TS000131', 'cs000131']) expect(valid(id), id).toBe(false);
  });

  it('the task refId (TS…) has no digit count either', () => {
    const valid = validatorFor('Task');
    const task = bundle.components.examples.TaskSeedSample.value;
    expect(valid({ ...task, refId: 'TS1' }), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ ...task, refId: 'CS000102' })).toBe(false);
  });
});
