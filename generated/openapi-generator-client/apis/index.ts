export * from './CasesApi';
export * from './TasksApi';
