/**
 * Which tasks belong to which case (a case's `taskIds`). Kept as an index that catches up with the task store
 * when a case is answered, never when a task is created: createTask costs what it did, and after a restart
 * with --db the index rebuilds itself from the stored tasks. A task's case never changes, so nothing goes stale.
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
