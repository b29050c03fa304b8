/**
 * The operation table and what is derived from it: a row for each operation of the contract, valid bodies the
 * contract accepts, invalid ones it refuses (Ajv decides), generated bodies of both kinds for every request
 * schema, links followed by their runtime expressions, and what a run created found in its log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidBodiesOf as generatedInvalid, validBodiesOf, validByContract, withSampleIds } from './arbitraries.js';
import { invalidBodiesOf } from './bodies.js';
import { createdBy } from './cleanup.js';
import { evaluate, follow, type Step } from './links.js';
import { exampleResources, operationTable, rowOf, withDependencies } from './operations.js';
import { bundle, operationIds, specOf, validateRequestBody } from './spec.js';
import type { Fixtures } from './targets/target.js';
import type { Exchange } from './types.js';

const f: Fixtures = {
  caseId: 'ci-1a634e1-3d97-427e-8b23-9b7b0a407d24',
  caseRefId: 'CS000100',
  taskTemplateId: 'ttm-16623a9-c63c-4bda-b1e4-147549391234',
  userId: 'u-fd371c0a-3168-5a02-83dd-f4ba5597787f',
  caseTemplateId: specOf('createCase').sampleRequest.caseTmp,
  runTag: 'contract-run 202611300900-abcdef',
};
const family = operationIds;

describe('operation table', () => {
  it('has one row for each operation of the contract, and no other', () => {
    const inContract = Object.values(bundle.paths as Record<string, { post: { operationId: string } }>)
      .map((p) => p.post.operationId)
      .sort();
    expect(operationTable.map((r) => r.id).sort()).toEqual(inContract);
  });

  it.each(family)('%s: its valid bodies are valid for the contract, and carry the run tag in any name', (op) => {
    const bodies = rowOf(op)
      .valid(f)
      .map((b) => JSON.parse(JSON.stringify(b)));
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(validateRequestBody(body, op), JSON.stringify(body)).toBe(true);
      if (typeof body.name === 'string' && op !== 'getCases') expect(body.name.startsWith(f.runTag!)).toBe(true);
    }
  });

  it.each(family)('%s: the derived invalid bodies are invalid for the contract and name a field of the operation', (op) => {
    const invalid = invalidBodiesOf(op, rowOf(op).valid(f)[0]!);
    expect(invalid.length).toBeGreaterThan(0);
    for (const b of invalid) {
      expect(validateRequestBody(b.body, op), b.name).toBe(false);
      expect(b.field.startsWith(`${op} `)).toBe(true);
    }
  });

  it.each(family)('%s: generated bodies are valid (or invalid) as the contract says', (op) => {
    for (const body of fc.sample(validBodiesOf(op, f), { numRuns: 10, seed: 1 })) {
      expect(validByContract(op, body, f), JSON.stringify(body)).toBe(true);
      const only = rowOf(op).generated;
      if (only)
        expect(
          Object.keys(body).every((k) => only.includes(k)),
          JSON.stringify(body),
        ).toBe(true);
    }
    for (const { body } of fc.sample(generatedInvalid(op, f), { numRuns: 10, seed: 1 }))
      expect(validateRequestBody(withSampleIds(op, body, f), op)).toBe(false);
  });

  it('path ids come from the operations the contract links to them; a stateless target uses the examples', () => {
    expect(rowOf('updateCase').pathIdFrom).toEqual({ param: 'caseId', operation: 'createCase' });
    expect(specOf('createCase').links.updateCase!.parameters!.caseId).toBe('$response.body#/_id');
    expect(specOf('createTask').links.updateTask!.parameters!.taskId).toBe('$response.body#/_id');
    expect(exampleResources()).toEqual({ caseId: expect.stringMatching(/^ci-/), taskId: expect.stringMatching(/^ti-/) });
    expect(withDependencies(['updateTask'])).toEqual(['createTask', 'updateTask']);
    expect(withDependencies(['getCases'])).toEqual(['getCases']);
    expect(withDependencies(undefined)).toHaveLength(6);
  });
});

describe('links', () => {
  const created: Step = {
    operation: 'createCase',
    path: {},
    headers: { accountId: 'acc' },
    body: {},
    response: { _id: 'ci-new', refId: 'CS000200' },
  };
  it('evaluates the runtime expressions the contract uses', () => {
    expect(evaluate('$response.body#/_id', created)).toBe('ci-new');
    expect(evaluate('$request.header.accountId', created)).toBe('acc');
    expect(() => evaluate('$url', created)).toThrow('unsupported runtime expression');
  });
  it('follows a link: path parameters and the request body template', () => {
    expect(follow(created, 'updateCase')).toEqual({ operation: 'updateCase', params: { caseId: 'ci-new' }, body: {} });
    expect(follow(created, 'createTask')).toEqual({ operation: 'createTask', params: {}, body: { caseId: 'ci-new', caseRefId: 'CS000200' } });
    expect(() => follow(created, 'nowhere')).toThrow("createCase's 200 has no link nowhere");
  });
});

describe('what a run created', () => {
  const x = (operation: Exchange['operation'], status: number, json: unknown): Exchange => ({
    operation,
    probe: 'p',
    intent: 'accept',
    via: 'sdk',
    request: { method: 'POST', path: '/', headers: {} },
    response: { status, headers: {}, text: '', json },
  });
  it('is every 2xx of a create with an _id, once, and nothing else', () => {
    const log = [
      x('createCase', 200, { _id: 'ci-1', refId: 'CS1', name: 'contract-run x a' }),
      x('createTask', 200, { _id: 'ti-1', name: 'contract-run x b' }),
      x('createTask', 400, { errors: [] }),
      x('updateTask', 200, { _id: 'ti-2' }),
      x('getTasks', 200, { results: [{ _id: 'ti-3' }] }),
    ];
    expect(createdBy(log).map((c) => [c.operation, c.id])).toEqual([
      ['createCase', 'ci-1'],
      ['createTask', 'ti-1'],
    ]);
  });
});
