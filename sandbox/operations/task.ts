/**
 * The task the platform returns, shaped exactly like the seed page's sample response
 * (same fields, same types, same order), built from the request, its template and the caller.
 */
import { sharedRuns, type Assignee, type Participant, type PersonRef, type QueueEntry, type RecordHistory, type RecordOwner } from './records.js';
import type { Stream, TaskTemplate, TemplateField, TemplatePriority } from '../tenant/tenant.js';

export interface Task extends RecordHistory, RecordOwner {
  caseId: string;
  caseRefId: string;
  taskTmp: string;
  name: string;
  lname: string;
  tags: string[];
  userInfo: { _id: string; name: string };
  conversationType: 'TASK';
  fields: TemplateField[];
  participants: Participant[];
  priority: TemplatePriority;
  refId: string;
  assigneeType: string;
  isCustTsk: boolean;
  isActive: boolean;
  isBreached: boolean;
  queues: QueueEntry[];
  channel: string[];
  createdAt: string;
  updatedAt: string;
  _id: string;
  currAssignee: Assignee | Record<string, never>;
  ETA: string; // a task's due date (ISO), '' when none: the task object has no dueDate key
  desc?: string; // only once an update gives one (the create's answer has none)
}

export interface TaskParts {
  id: string; // ti-…
  refId: string; // TS000001
  now: number; // epoch ms
  stream: Stream;
  template: TaskTemplate;
  caseId: string;
  caseRefId: string;
  name?: string; // the template's name when absent
  source: string;
  userInfo: { _id: string; name: string };
  createdBy: PersonRef;
}

export function buildTask(p: TaskParts): Task {
  const name = p.name ?? p.template.name;
  const { owner, routing, history, times } = sharedRuns(p);
  // Template parts are shared, never mutated: every task of a template points at the same field list.
  return {
    caseId: p.caseId,
    caseRefId: p.caseRefId,
    taskTmp: p.template._id,
    name,
    lname: name.toLowerCase(),
    ...owner,
    conversationType: 'TASK',
    fields: p.template.fields,
    ...routing,
    isCustTsk: false,
    isActive: true,
    ...history,
    isBreached: false,
    queues: [],
    ...times,
    _id: p.id,
    currAssignee: {},
    ETA: '',
  };
}
