/**
 * What an operation of the Case Management family is to the router: a row of the operations table
 * (operations.ts). The gate (gate.ts) has already run when `handle` is called; `handle` is synchronous, so
 * reading, deciding and storing happen in one step that no other request can interleave with.
 */
import type { AnswerShape } from './answer-shapes.js';
import type { Caller } from '../tenant/auth.js';
import type { DriftBehaviour } from '../drift/drift.js';
import type { Problem } from '../http/errors.js';
import type { BodyFault } from '../http/http.js';
import type { CaseLinks } from '../store/links.js';
import type { OperationName } from './operation-name.js';
import type { CaseStore, TaskStore } from '../store/store.js';
import type { Stream, TenantIndex } from '../tenant/tenant.js';

interface OperationContext {
  caller?: Caller; // absent only under the auth-not-enforced drift
  stream: Stream;
  body: unknown;
  id: string; // the path's caseId / taskId ('' for operations without one)
}

export interface Answer {
  status?: number; // 200 unless a drift says otherwise
  json: string;
  contentType?: string;
  bodyFault?: BodyFault;
}

export interface Operation {
  name: OperationName;
  idParam?: 'caseId' | 'taskId'; // the path segment after the operation's name
  accountIdRequired: boolean; // the pages: optional on the two creates, required on the other four
  handle(ctx: OperationContext): Answer | Problem;
}

/** What the handlers share: the tenant, the stores and the drift in force. */
export interface FamilyDeps {
  tenant: TenantIndex;
  tasks: TaskStore;
  cases: CaseStore;
  links: CaseLinks;
  drift: DriftBehaviour; // the drift in force (answers: driftFor)
  answers: AnswerShape; // the current pages' abridged records, or the older pages' full ones
}
