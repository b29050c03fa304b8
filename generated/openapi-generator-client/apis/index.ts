export * from './TasksApi';
