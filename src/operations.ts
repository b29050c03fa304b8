/**
 * The family's operations, one row each: what the generic caller (client.ts) needs to call one. All are POSTs under
 * one prefix; a `{param}` in the path is a path parameter; `account`: the accountId header is required; `list`: the
 * answer is a page and the method has `.all()`; `retry`: see retry.ts.
 */
export type RetryKind = 'create' | 'idempotent';

export interface Operation {
  path: string;
  account?: true;
  list?: true;
  retry: RetryKind;
}

export const prefix = '/caseManagement/api/public/analytics/{streamId}/';

const rows = {
  createCase: { path: 'createCase', retry: 'create' },
  getCases: { path: 'getCases', account: true, list: true, retry: 'idempotent' },
  updateCase: { path: 'updateCase/{caseId}', account: true, retry: 'idempotent' },
  createTask: { path: 'createTask', retry: 'create' },
  getTasks: { path: 'getTasks', account: true, list: true, retry: 'idempotent' },
  updateTask: { path: 'updateTask/{taskId}', account: true, retry: 'idempotent' },
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof rows;
export const operations = rows;
/** Each operation's path parameter besides streamId (`taskId` in `updateTask/{taskId}`), when it has one. */
export const pathParameters = new Map(Object.entries(rows).map(([op, row]) => [op, /\{(\w+)\}/.exec(row.path)?.[1]]));
/** The list operations: their methods have `.all()`. */
export type ListOperationId = { [Op in OperationId]: (typeof rows)[Op] extends { list: true } ? Op : never }[OperationId];
