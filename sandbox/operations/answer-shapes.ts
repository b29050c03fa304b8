/**
 * `--answers`: updateCase, updateTask and getTasks answer as the current pages' abridged samples (`current`) or as
 * the older pages' whole records (`full`); clients must work with both. The other operations have one shape.
 */
import type { OperationName } from './operation-name.js';

export const answerShapes = ['current', 'full'] as const;
export type AnswerShape = (typeof answerShapes)[number];
export const defaultAnswerShape: AnswerShape = 'current';

/** Keys to keep, in the sample's order; a nested object lists its own keys. */
type Keys = readonly (string | readonly [string, Keys])[];

/** The current pages' sample keys (test/fixtures/family/*.response.json); getTasks' are those of one result. */
const currentKeys: Partial<Record<OperationName, Keys>> = {
  updateCase: [
    '_id',
    'caseTmp',
    'name',
    'lname',
    ['userInfo', ['_id', 'name', 'emailId']],
    'accountId',
    ['status', ['_id', 'name', 'statusCategory']],
    ['priority', ['_id', 'name', 'desc']],
    'refId',
    'assigneeType',
    'isActive',
    'createdAt',
    'updatedAt',
    'ETA',
  ],
  updateTask: ['_id', 'caseId', 'caseRefId', 'taskTmp', 'name', 'lname', 'tags', ['userInfo', ['_id', 'name']], 'ETA'],
  getTasks: ['_id', 'caseId', 'caseRefId', 'name', ['priority', ['name', 'color']], ['status', ['name', 'statusCategory']], 'createdAt', 'updatedAt'],
};

function pick(value: Record<string, unknown>, keys: Keys): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const [name, nested] = typeof key === 'string' ? [key, undefined] : key;
    const v = value[name];
    if (v === undefined) continue; // a key the record does not hold (a user with no email) is not made up
    out[name] = nested && typeof v === 'object' && v !== null ? pick(v as Record<string, unknown>, nested) : v;
  }
  return out;
}

/** A case or task as `operation` answers it in `shape`. */
export function shapeAnswer(shape: AnswerShape, operation: OperationName, item: object): object {
  const keys = shape === 'current' ? currentKeys[operation] : undefined;
  return keys ? pick(item as Record<string, unknown>, keys) : item;
}
