/**
 * How the family's operations answer: a case with its tasks linked, in the answer shape asked for, then changed
 * by the drift of that operation (so a drift can break an abridged answer too).
 */
import { shapeAnswer } from './answer-shapes.js';
import type { CaseRecord } from './case.js';
import type { DriftBehaviour } from '../drift/drift.js';
import type { Answer, FamilyDeps } from './operation.js';
import type { OperationName } from './operation-name.js';

/** The drift in force for this operation's answers, or none. */
export function driftFor(deps: FamilyDeps, operation: OperationName): DriftBehaviour {
  return deps.drift.operation === operation ? deps.drift : {};
}

/** A case as answered: its `taskIds` are the tasks that name it, in creation order. */
export function linkedCase(deps: FamilyDeps, c: CaseRecord): CaseRecord {
  return { ...c, taskIds: [...c.taskIds, ...deps.links.taskIdsOf(c._id)] };
}

/** A priority with the tenant's description of it, as updateCase's sample (and the older pages) show it. */
export function describedPriority<T extends { _id: string }>(deps: FamilyDeps, priority: T): T {
  const desc = deps.tenant.priorities.find((p) => p._id === priority._id)?.desc;
  return desc === undefined ? priority : { ...priority, desc };
}

/** A created or updated case or task, as the operation answers it. */
export function itemAnswer(deps: FamilyDeps, operation: OperationName, item: object): Answer {
  const drift = driftFor(deps, operation);
  const shaped = shapeAnswer(deps.answers, operation, item) as Record<string, unknown>;
  const body = drift.mapItem ? drift.mapItem(shaped) : shaped;
  return { status: drift.successStatus, contentType: drift.successContentType, bodyFault: drift.successBodyFault, json: JSON.stringify(body) };
}
