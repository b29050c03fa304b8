/** How the family's operations answer: a case with its tasks linked, and the family drift of that operation. */
import type { CaseRecord } from './case.js';
import type { FamilyDriftBehaviour } from './family-drift.js';
import type { Answer, FamilyDeps, OperationName } from './operation.js';

/** The family drift in force for this operation, or none. */
export function driftFor(deps: FamilyDeps, operation: OperationName): FamilyDriftBehaviour {
  return deps.familyDrift.operation === operation ? deps.familyDrift : {};
}

/** A case as answered: its `taskIds` are the tasks that name it, in creation order. */
export function linkedCase(deps: FamilyDeps, c: CaseRecord): CaseRecord {
  return { ...c, taskIds: [...c.taskIds, ...deps.links.taskIdsOf(c._id)] };
}

/** A created or updated case or task, as the operation answers it. */
export function itemAnswer(deps: FamilyDeps, operation: OperationName, item: object): Answer {
  const drift = driftFor(deps, operation);
  const body = drift.mapItem ? drift.mapItem(item as Record<string, unknown>) : item;
  return { status: drift.successStatus, contentType: drift.successContentType, json: JSON.stringify(body) };
}
