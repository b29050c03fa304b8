/** The six operations of the Case Management family, by their operationId. */
export type OperationName = 'createCase' | 'getCases' | 'updateCase' | 'createTask' | 'getTasks' | 'updateTask';
