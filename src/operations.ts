/**
 * The family's operations, one row each: everything the generic caller (client.ts) needs to call one. Their schemas
 * come from the contract by operationId (src/schemas/), their types from types.ts (Shapes). All are POSTs under one prefix.
 *   path     after `{streamId}/`; a `{param}` in it is a path parameter, checked as one segment at call time
 *   account  the `accountId` header is required (from the client or the call), else nothing is sent
 *   list     answers a page (`results`, `hasMore`): the method gets `.all()`, and the filter defaults to {}
 *   retry    'create': duplicate-safe (a retry could create a second item), 'idempotent': a read, or an update
 *            that gives the same state when repeated (retry.ts says what each retries)
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
/** The list operations: their methods have `.all()`. */
export type ListOperationId = { [Op in OperationId]: (typeof rows)[Op] extends { list: true } ? Op : never }[OperationId];

