import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  deref,
  get,
  home,
  jsonPath,
  operationById,
  pointerKeys,
  pointerOf,
  pointerOfJsonPath,
  refChain,
} from '../../scripts/lib/openapi-document.js';

const doc = {
  paths: { '/a/{id}': { post: { operationId: 'makeA', requestBody: { $ref: '#/components/requestBodies/A' } } } },
  components: {
    requestBodies: { A: { $ref: '#/components/requestBodies/B' }, B: { description: 'b' } },
    schemas: { 'x/y~z': { enum: ['p', 'q'] }, 'with space': { type: 'string' }, Loop: { $ref: '#/components/schemas/Loop' } },
  },
};

describe('openapi-document', () => {
  it('reads pointers with ~0 and ~1 escapes, and says undefined where the document has nothing', () => {
    expect(get(doc, '/components/schemas/x~1y~0z/enum/1')).toBe('q');
    expect(get(doc, '#/components/schemas/x~1y~0z')).toEqual({ enum: ['p', 'q'] });
    expect(get(doc, '')).toBe(doc);
    expect(get(doc, '/components/nothing/here')).toBeUndefined();
    expect(get(doc, '/components/schemas/x~1y~0z/enum/length')).toBeUndefined();
    expect(pointerKeys('/paths/~1a~1{id}/post')).toEqual(['paths', '/a/{id}', 'post']);
    expect(pointerOf(['paths', '/a/{id}', 'x~y'])).toBe('/paths/~1a~1{id}/x~0y');
    expect(() => get(doc, 'components')).toThrow(/not a JSON pointer/);
  });

  it('follows $ref chains to their end, percent-decoding the fragment, and refuses cycles and dangling refs', () => {
    expect(deref(doc, { $ref: '#/components/requestBodies/A' })).toEqual({ description: 'b' });
    expect([...refChain(doc, doc.components.requestBodies.A)]).toHaveLength(2);
    expect(deref(doc, { $ref: '#/components/schemas/with%20space' })).toEqual({ type: 'string' });
    expect(home(doc, '/paths/~1a~1{id}/post/requestBody')).toBe('/components/requestBodies/B');
    expect(() => deref(doc, { $ref: '#/components/schemas/Loop' })).toThrow(/circular/);
    expect(() => deref(doc, { $ref: '#/components/schemas/None' })).toThrow(/unresolvable reference #\/components\/schemas\/None/);
    expect(() => deref(doc, { $ref: 'other.yaml#/x' })).toThrow(/only local references/);
  });

  it('turns pointers into JSONPaths and back, array items by index', () => {
    const path = jsonPath(doc, '/components/schemas/x~1y~0z/enum/1');
    expect(path).toBe("$['components']['schemas']['x/y~z']['enum'][1]");
    expect(pointerOfJsonPath(path)).toBe('/components/schemas/x~1y~0z/enum/1');
    expect(pointerOfJsonPath(jsonPath({ "it's": 1 }, "/it's"))).toBe("/it's");
    expect(() => pointerOfJsonPath('$..enum')).toThrow(/plain path/);
  });

  it('finds operations by operationId, in the contract too', () => {
    expect(operationById(doc, 'makeA')).toMatchObject({ path: '/a/{id}', method: 'post', pointer: '/paths/~1a~1{id}/post' });
    expect(() => operationById(doc, 'nope')).toThrow(/no operation "nope"/);
    const contract = JSON.parse(readFileSync('generated/openapi.json', 'utf8'));
    const getTasks = operationById(contract, 'getTasks');
    expect(get(contract, getTasks.pointer)).toBe(getTasks.operation);
  });
});
