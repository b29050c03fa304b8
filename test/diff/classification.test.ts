/**
 * One fixture pair per change kind (test/diff/fixtures/<case>/): the gate must report exactly the expected kinds,
 * with the expected breaking verdict, and nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../contract-diff/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const read = (dir: string, file: string) => JSON.parse(readFileSync(join(FIXTURES, dir, file), 'utf8'));
const cases = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory());

describe('change classification, one fixture pair per kind', () => {
  it('has a pair for every kind the issue names', () => {
    for (const name of [
      'request-new-required-field',
      'response-field-removed',
      'response-field-made-optional',
      'request-type-narrowed',
      'response-type-widened',
      'request-enum-value-removed',
      'status-removed',
      'security-scheme-changed',
      'request-new-optional-field',
      'response-new-field',
      'example-added',
      'description-changed',
    ]) {
      expect(cases).toContain(name);
    }
  });

  it.each(cases)('%s', (name) => {
    const expected: { kinds: string[]; breaking: boolean } = read(name, 'expected.json');
    const changes = diffDocuments(read(name, 'base.json'), read(name, 'head.json'));
    expect([...new Set(changes.map((c) => c.kind))].sort()).toEqual([...expected.kinds].sort());
    expect(changes.some((c) => c.breaking)).toBe(expected.breaking);
  });

  it('reverses: each pair read backwards still reports a change (nothing is one-way blind)', () => {
    for (const name of cases) {
      const expected: { kinds: string[] } = read(name, 'expected.json');
      const backwards = diffDocuments(read(name, 'head.json'), read(name, 'base.json'));
      expect(backwards.length > 0, name).toBe(expected.kinds.length > 0);
    }
  });
});

describe('change details', () => {
  it('names the field and the operation where it changed', () => {
    const [change] = diffDocuments(read('response-field-removed', 'base.json'), read('response-field-removed', 'head.json'));
    expect(change).toMatchObject({ kind: 'property-removed', breaking: true });
    expect(change!.where).toBe('POST /things/{streamId}/create › response 200 › owner');
  });

  it('follows fields into allOf/anyOf branches', () => {
    const [change] = diffDocuments(
      read('request-variant-field-made-required', 'base.json'),
      read('request-variant-field-made-required', 'head.json'),
    );
    expect(change!.where).toContain('user<anyOf 2>.phone');
  });

  it('reads the real contract as unchanged against itself', () => {
    const contract = JSON.parse(readFileSync(fileURLToPath(new URL('../../generated/openapi.json', import.meta.url)), 'utf8'));
    expect(diffDocuments(contract, structuredClone(contract))).toEqual([]);
  });

  it('sees a breaking edit of the real contract (Task.refId made optional, desc made required)', () => {
    const contract = JSON.parse(readFileSync(fileURLToPath(new URL('../../generated/openapi.json', import.meta.url)), 'utf8'));
    const head = structuredClone(contract);
    head.components.schemas.Task.required = head.components.schemas.Task.required.filter((n: string) => n != 'refId');
    head.components.schemas.CreateTaskRequest.required.push('desc');
    const kinds = diffDocuments(contract, head).map((c) => `${c.kind} ${c.where.split(' › ').at(-1)}`);
    expect(kinds.sort()).toEqual(['property-made-optional refId', 'property-made-required desc']);
  });
});
