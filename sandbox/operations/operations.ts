/**
 * The Case Management family as a table: one row per operation, all under
 * `POST /caseManagement/api/public/analytics/{streamId}/<name>[/{id}]`. The router (http/router.ts) matches one pattern
 * and looks the name up here; adding an operation is a handler module and a row.
 */
import { createCaseOperation } from './create-case.js';
import { createTaskOperation } from './create-task.js';
import { getCasesOperation, getTasksOperation } from './list-operation.js';
import type { FamilyDeps, Operation } from './operation.js';
import { updateCaseOperation, updateTaskOperation } from './update-operation.js';

const table: ((deps: FamilyDeps) => Operation)[] = [
  createCaseOperation,
  getCasesOperation,
  updateCaseOperation,
  createTaskOperation,
  getTasksOperation,
  updateTaskOperation,
];

export const operationPath = /^\/caseManagement\/api\/public\/analytics\/([^/]+)\/([^/]+)(?:\/([^/]*))?$/;

export function operationsOf(deps: FamilyDeps): Map<string, Operation> {
  return new Map(table.map((row) => row(deps)).map((op) => [op.name, op]));
}
