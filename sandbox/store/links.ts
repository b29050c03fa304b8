/**
 * Which tasks belong to which case (a case's `taskIds`): an index that catches up with the task store when a case
 * is answered, so createTask does no extra work and a restart with --db rebuilds it. A task's case never changes.
 */
import type { TaskStore } from './store.js';

export interface CaseLinks {
  taskIdsOf(caseId: string): string[];
}

export function caseLinks(tasks: TaskStore): CaseLinks {
  const byCase = new Map<string, string[]>();
  let indexed = 0;
  return {
    taskIdsOf(caseId) {
      if (indexed < tasks.count()) {
        for (const batch of tasks.list({ skip: indexed }, 500)) {
          for (const task of batch) {
            const ids = byCase.get(task.caseId);
            if (ids) ids.push(task._id);
            else byCase.set(task.caseId, [task._id]);
          }
          indexed += batch.length;
        }
      }
      return byCase.get(caseId) ?? [];
    },
  };
}
