/**
 * Every finding's severity comes from severity.ts: a table of cases on a hand-made contract (markers placed as the
 * convention places them) and on the generated bundle. Presence and type come from the parent, whatever the
 * provenance of the field's value rules; observed is judged like documented.
 */
import { describe, expect, it } from 'vitest';
import { provenanceReader } from './provenance.js';
import { severity, type Subject } from './severity.js';
import { specOf } from './spec.js';
import type { Severity } from './types.js';

const doc = {
  paths: {
    '/cases': {
      post: {
        responses: {
          '200': { 'x-provenance': 'inferred', content: { 'application/json': { schema: { $ref: '#/components/schemas/Case' } } } },
          '401': { content: { 'application/json': { schema: { type: 'object', required: ['errors'] } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Case: {
        type: 'object',
        'x-provenance': 'documented',
        required: ['_id', 'status', 'assignee', 'learned'],
        properties: {
          _id: { $ref: '#/components/schemas/CaseId' },
          status: { type: 'string', enum: ['Open'] },
          stage: { type: 'string', enum: ['new'], 'x-provenance': 'documented' },
          assignee: { type: 'object', 'x-provenance': 'inferred', required: ['name'], properties: { name: { type: 'string' } } },
          learned: {
            type: 'object',
            'x-provenance': 'observed',
            required: ['code'],
            properties: { code: { type: 'string', pattern: '^[A-Z]+$', 'x-provenance': 'observed' } },
          },
        },
      },
      CaseId: { type: 'string', pattern: '^ci-[A-Za-z0-9-]+$', 'x-provenance': 'inferred' },
    },
  },
};
const reader = provenanceReader(doc, '/cases');
const body = (status: number, keyword: string, path: string): Subject => ({ about: 'body', status, keyword, path });

const cases: [string, Subject, Severity][] = [
  ['a documented field missing, its id pattern inferred', body(200, 'required', '/_id'), 'breaking'],
  ['a documented field of the wrong type, its id pattern inferred', body(200, 'type', '/_id'), 'breaking'],
  ['a pattern mismatch of an inferred pattern', body(200, 'pattern', '/_id'), 'warning'],
  ['an enum value the pages do not document', body(200, 'enum', '/status'), 'warning'],
  ['an enum marked documented on its own node', body(200, 'enum', '/stage'), 'breaking'],
  ['an inferred object present as the sample shows it, of the wrong type', body(200, 'type', '/assignee'), 'breaking'],
  ['a field inside an inferred object missing', body(200, 'required', '/assignee/name'), 'warning'],
  ['a field inside an observed object missing', body(200, 'required', '/learned/code'), 'breaking'],
  ['an observed pattern broken', body(200, 'pattern', '/learned/code'), 'breaking'],
  ['an error body without the envelope (inferred)', body(401, 'required', '/errors'), 'warning'],
  ['a 2xx body that is not JSON', { about: 'unreadable-success' }, 'breaking'],
  ['another 2xx', { about: 'unlisted-status', status: 201 }, 'warning'],
  ['a 3xx', { about: 'unlisted-status', status: 302 }, 'breaking'],
  ['an invalid request accepted, the rule documented', { about: 'invalid-accepted', rule: 'documented' }, 'breaking'],
  ['an invalid request accepted, the rule inferred', { about: 'invalid-accepted', rule: 'inferred' }, 'warning'],
  [
    'an invalid write accepted (createTask), the rule documented: it stored what the page forbids',
    { about: 'invalid-accepted', rule: 'documented', operation: 'createTask' },
    'breaking',
  ],
  [
    'an invalid read accepted (getTasks, a lenient filter): nothing stored, no client breaks',
    { about: 'invalid-accepted', rule: 'documented', operation: 'getTasks' },
    'warning',
  ],
  ['a client sending a body of the wrong type', { about: 'request-body', keyword: 'type' }, 'breaking'],
  ['a client sending a body that breaks a pattern', { about: 'request-body', keyword: 'pattern' }, 'warning'],
  ['an observed rule of behaviour', { about: 'rule', rule: 'observed' }, 'breaking'],
  ['getTasks paging (skip documented by its sample)', { about: 'paging', operation: 'getTasks' }, 'breaking'],
  ['getCases paging (no paging input documented)', { about: 'paging', operation: 'getCases' }, 'warning'],
  ['an id shaped unlike the samples', { about: 'id-shape' }, 'warning'],
  ['a value the pages are silent on, refused', { about: 'silent-value-refused' }, 'warning'],
];

describe('severity, one place for every finding', () => {
  it.each(cases)('%s', (_name, subject, expected) => expect(severity(subject, reader)).toBe(expected));
});

describe('the generated bundle', () => {
  const of = (op: Parameters<typeof specOf>[0], keyword: string, path: string) => severity(body(200, keyword, path), specOf(op).provenance);
  it.each(['createCase', 'updateCase', 'createTask', 'updateTask'] as const)(
    '%s: an answer without _id is breaking, an _id of another shape a warning',
    (op) => {
      expect(of(op, 'required', '/_id')).toBe('breaking');
      expect(of(op, 'type', '/_id')).toBe('breaking');
      expect(of(op, 'pattern', '/_id')).toBe('warning');
    },
  );
  it.each(['getCases', 'getTasks'] as const)('%s: an item without _id is breaking', (op) => {
    expect(of(op, 'required', '/results/0/_id')).toBe('breaking');
    expect(of(op, 'pattern', '/results/0/_id')).toBe('warning');
  });
});
