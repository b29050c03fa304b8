/** Which tasks name which case (a case's answered `taskIds`), in creation order; a task's case never changes. */
export interface CaseLinks {
  taskIdsOf(caseId: string): string[];
}

export function caseLinks(): CaseLinks & { add(caseId: string, taskId: string): void } {
  const byCase = new Map<string, string[]>();
  return {
    add(caseId, taskId) {
      const ids = byCase.get(caseId);
      if (ids) ids.push(taskId);
      else byCase.set(caseId, [taskId]);
    },
    taskIdsOf: (caseId) => byCase.get(caseId) ?? [],
  };
}
