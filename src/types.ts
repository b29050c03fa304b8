/**
 * The contract's types, taken only from generated/schema.d.ts (openapi-typescript), and the two facts of the wire
 * the SDK needs at run time: the operation's path and where the platform's request id travels.
 */
import type { components, paths } from '../generated/schema.js';

export type { paths };
export type Task = components['schemas']['Task'];
export type CreateTaskRequest = components['schemas']['CreateTaskRequest'];
export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

export const createTaskPath = '/caseManagement/api/public/analytics/{streamId}/createTask' satisfies keyof paths;

/** The platform's request id, when the answer carries one. */
export const requestIdOf = (response: Response): string | undefined => response.headers.get('x-request-id') ?? undefined;
