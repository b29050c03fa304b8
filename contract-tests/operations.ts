/**
 * The operation table: one row per operation says how to obtain its path ids (the contract's links), which fixture
 * it needs, its valid bodies and their alternatives, and what generated bodies may set. Checks run over every row.
 */
import { createTaskAlternatives, tagged, validBase, type Alternative, type Body } from './bodies.js';
import { specOf, type Json, type OperationId } from './spec.js';
import type { Fixtures } from './targets/target.js';

export { tagged, type Body } from './bodies.js';

/** The ids an operation's path needs, filled as the run creates them (stateful) or from the contract's examples. */
export interface Resources {
  caseId?: string;
  taskId?: string;
}

export interface OperationRow {
  id: OperationId;
  /** The operation whose answer gives this one's path id (`$response.body#/_id`, as the contract's links say). */
  pathIdFrom?: { param: keyof Resources; operation: OperationId };
  /** A fixture the operation cannot be called without (its reason is reported when the target lacks it). */
  needs?: { fixture: keyof Fixtures; variable: string };
  /** The live target's variables its valid bodies are built from (asked for only when the operation runs). */
  variables?: string[];
  /**
   * Valid bodies for a target: the first goes through the SDK (the invalid bodies and silent values are derived
   * from it), the second (when given) through the openapi-generator client.
   */
  valid(f: Fixtures): Body[];
  /** Request fields that name tenant data: generated bodies take the target's fixture there, never a made-up id. */
  fixtureFields?: Record<string, keyof Fixtures>;
  /** Objects of the body whose own fields the invalid bodies break too (createTask's userInfo: the page documents its identifiers). */
  probedObjects?: string[];
  /** The share of CONTRACT_PBT_RUNS its generated bodies get (default a third: a live run's requests are counted). */
  generatedShare?: number;
  /** The path id the first valid body's answer gives (a created case's `_id` is `caseId`). */
  provides?: keyof Resources;
  /** Documented alternatives of one input (the ways to name a user), each sent as a valid request of its own. */
  alternatives?(f: Fixtures): Alternative[];
  /** Also carries the probes about the request rather than its body (content type, tokens, rate limit): one operation suffices. */
  requestProbes?: true;
  /**
   * The request properties generated bodies set (undefined: every property whose form the contract documents).
   * An update changes free-text fields only: the others name tenant data (statuses, agents, queues) that a
   * generated value would not match, and a refusal of an unknown status is not a contract violation. Not
   * `language` either: the sandbox ignores it (not writable) whatever its type (reported to the sandbox's owner).
   */
  generated?: string[];
}

const sample = (id: OperationId): Json => structuredClone(specOf(id).sampleRequest);

/** The list filters generated bodies set: not `sortBy` nor `queues`, which name the tenant's fields and queues (an unknown one may be refused). */
const listFilters = ['searchText', 'unresolved', 'unassigned', 'mycase', 'priority', 'status', 'channel', 'startDate', 'endDate', 'dueDate'];

export const operationTable: OperationRow[] = [
  {
    id: 'createCase',
    provides: 'caseId',
    fixtureFields: { caseTmp: 'caseTemplateId', 'userInfo._id': 'userId' },
    needs: { fixture: 'caseTemplateId', variable: 'KORE_CASE_TEMPLATE_ID' },
    variables: ['KORE_CASE_TEMPLATE_ID'],
    valid: (f) => {
      const { userInfo, ...rest } = sample('createCase');
      const body = {
        ...rest,
        caseTmp: f.caseTemplateId,
        name: tagged(f, 'Contract Suite Case'),
        userInfo: { name: userInfo.name, ...(f.userId ? { _id: f.userId } : {}) },
      };
      // The openapi-generator client types a date-time as a Date (it serialises it back to ISO 8601).
      return [body, { ...body, name: tagged(f, 'Contract Suite Case (openapi-generator)'), dueDate: new Date(body.dueDate) }];
    },
  },
  { id: 'getCases', valid: (f) => [f.runTag ? { searchText: f.runTag } : {}, sample('getCases')], generated: listFilters },
  {
    id: 'updateCase',
    pathIdFrom: { param: 'caseId', operation: 'createCase' },
    valid: (f) => [{ desc: 'updated by the contract suite' }, { name: tagged(f, 'Contract Suite Case (renamed)') }],
    generated: ['name', 'desc', 'tags'],
  },
  {
    id: 'createTask',
    provides: 'taskId',
    fixtureFields: { caseId: 'caseId', caseRefId: 'caseRefId', taskTmp: 'taskTemplateId', 'userInfo._id': 'userId' },
    probedObjects: ['userInfo'],
    // The family's first operation, with the richest body: it gets every generated case.
    generatedShare: 1,
    variables: ['KORE_CASE_ID', 'KORE_CASE_REF_ID', 'KORE_TASK_TEMPLATE_ID'],
    valid: (f) => [validBase(f)],
    alternatives: createTaskAlternatives,
    requestProbes: true,
  },
  { id: 'getTasks', valid: () => [sample('getTasks'), {}], generated: [...listFilters, 'skip', 'limit', 'mytask'] },
  {
    id: 'updateTask',
    pathIdFrom: { param: 'taskId', operation: 'createTask' },
    valid: (f) => [
      { ...sample('updateTask'), name: tagged(f, sample('updateTask').name) },
      { desc: 'updated by the contract suite (openapi-generator)' },
    ],
    generated: ['name', 'desc', 'tags'],
  },
];

export const rowOf = (id: OperationId): OperationRow => operationTable.find((r) => r.id === id)!;

/** The path ids of a stateless target: the contract's parameter examples (the mock answers any). */
export function exampleResources(): Resources {
  const out: Resources = {};
  for (const row of operationTable) {
    if (!row.pathIdFrom) continue;
    const parameter = specOf(row.id).parameters.find((p) => p.name === row.pathIdFrom!.param);
    out[row.pathIdFrom.param] = parameter.example;
  }
  return out;
}

/** An id of the right prefix that names nothing (an update of an unknown case or task must be refused). */
export const unknownId = (example: string) => `${/^[a-z]+-/.exec(example)?.[0] ?? ''}0000000-0000-4000-8000-000000000000`;

/** The operations to run: all six, or those asked for and the ones they take their path ids from. */
export function withDependencies(only: OperationId[] | undefined): OperationId[] {
  if (!only) return operationTable.map((r) => r.id);
  const set = new Set(only);
  for (const id of only) {
    const from = rowOf(id).pathIdFrom?.operation;
    if (from) set.add(from);
  }
  return operationTable.map((r) => r.id).filter((id) => set.has(id));
}
