/** The contract's types, taken only from generated/schema.d.ts (openapi-typescript); nothing here exists at run time. */
import type { components, paths } from '../generated/schema.js';

export type { paths };
export type Task = components['schemas']['Task'];
export type CreateTaskRequest = components['schemas']['CreateTaskRequest'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

export const createTaskPath = '/caseManagement/api/public/analytics/{streamId}/createTask' satisfies keyof paths;
