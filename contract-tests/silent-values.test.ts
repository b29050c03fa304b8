/**
 * Valid means valid by what the pages document: generated "valid" bodies (every seed) hold ordinary values only,
 * and the values the pages are silent on are a fixed list per operation, valid by the contract, probed apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validBodiesOf } from './arbitraries.js';
import { operationTable } from './operations.js';
import { shown, silentProbes } from './silent-values.js';
import type { Fixtures } from './targets/target.js';

const f: Fixtures = {
  caseId: 'ci-31d9184-d64d-42d9-8c75-5edba5319e02',
  caseRefId: 'CS000131',
  taskTemplateId: 'ttm-9f4c3ee-1be4-4fe5-b9d4-7a4b6f4e0a12',
  caseTemplateId: 'ctm-2c1a2b3-0d4e-4f5a-9b6c-7d8e9f0a1b2c',
  runTag: 'contract-run 202612070300-abcd',
};

/** Every leaf of a body, with its dotted path. */
const leaves = (value: unknown, path = ''): [string, unknown][] =>
  value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k)) : [[path, value]];

describe('generated valid bodies keep to documented values, whatever the seed', () => {
  const arbitraries = operationTable.map((r) => [r.id, validBodiesOf(r.id, f)] as const);
  it.each(arbitraries.map(([op, arb]) => [op, arb]))('%s', (_op, arb) => {
    for (const seed of [1, 2, 3, 20261129]) {
      for (const body of fc.sample(arb as fc.Arbitrary<unknown>, { seed, numRuns: 40 })) {
        for (const [path, value] of leaves(body)) {
          if (typeof value === 'string') {
            expect(value, path).not.toBe('');
            expect(value.length, path).toBeLessThanOrEqual(120);
            expect(value, path).toMatch(/^[A-Za-z0-9 .@:+-]+$/);
          }
          if (typeof value === 'number') expect(value, path).toBeGreaterThanOrEqual(0);
          if (typeof value === 'number') expect(value, path).toBeLessThanOrEqual(200);
        }
      }
    }
  });
});

describe('values the pages are silent on', () => {
  it('are a fixed list per operation (no seed), each valid by the contract', () => {
    expect(silentProbes('createTask', f)).toEqual(silentProbes('createTask', f));
    const kinds = (op: Parameters<typeof silentProbes>[0]) => silentProbes(op, f).map((p) => `${p.kind} ${p.field}`);
    expect(kinds('createCase')).toContain('empty desc');
    expect(kinds('createCase')).toContain('long name');
    expect(kinds('createCase')).toContain('unusual characters name');
    expect(kinds('getTasks')).toEqual(expect.arrayContaining(['extreme number skip', 'extreme number limit']));
    expect(kinds('updateTask')).toContain('empty name');
  });
  it('keep the run tag in a name, so what a live run creates can be found', () => {
    const long = silentProbes('createCase', f).find((p) => p.kind === 'long' && p.field === 'name')!;
    expect(long.body.name).toMatch(/^contract-run 202612070300-abcd long x+$/);
    expect(long.body.name).toHaveLength(5000);
  });
  it('are shown in reports, cut when long', () => {
    expect(shown('')).toBe('""');
    expect(shown('x'.repeat(5000))).toBe(`"${'x'.repeat(39)}…" (5000 characters)`);
    expect(shown(9007199254740991)).toBe('9007199254740991');
  });
});
