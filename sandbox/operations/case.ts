/**
 * The case the platform returns: the fields of the createCase sample response and of a getCases result together
 * (the two samples differ only by a few keys, so one shape answers both), built from a createCase request and its
 * case template. `taskIds` is filled in when the case is answered (links.ts), from the tasks that name it.
 */
import { sharedRuns, type Assignee, type Participant, type PersonRef, type QueueEntry, type RecordHistory, type RecordOwner } from './records.js';
import type { CaseTemplate, Stream, TemplateField, TemplatePriority } from '../tenant/tenant.js';

export type CaseField = TemplateField & { selectedValue: string };

export interface CaseRecord extends RecordHistory, RecordOwner {
  _id: string;
  caseTmp: string;
  name: string;
  lname: string;
  desc: string;
  tags: string[];
  userInfo: { _id: string; name: string; emailId?: string };
  language: string;
  conversationType: 'CASE';
  fields: CaseField[];
  participants: Participant[];
  priority: TemplatePriority;
  refId: string;
  assigneeType: string;
  currAssignee: Assignee | Record<string, never>;
  queues: QueueEntry[];
  tasks: unknown[];
  isActive: boolean;
  taskIds: string[];
  dueDate: number; // epoch ms (ETA holds the same instant as ISO)
  isBreached: boolean;
  supportCustomTasks: boolean;
  channel: string[];
  createdAt: string;
  updatedAt: string;
  ETA: string;
}

export interface CaseParts {
  id: string;
  refId: string;
  now: number;
  stream: Stream;
  template: CaseTemplate;
  name: string;
  desc: string;
  source: string;
  dueDate: number; // epoch ms
  userInfo: CaseRecord['userInfo'];
  createdBy: PersonRef;
}

/** The template's system fields with the case's values (title, description, due date) as `selectedValue`. */
export function caseFields(fields: TemplateField[], values: { name: string; desc: string; dueDate: number }): CaseField[] {
  const byName: Record<string, string> = { title: values.name, description: values.desc, dueDate: new Date(values.dueDate).toISOString() };
  return fields.map((f) => ({ ...f, selectedValue: byName[f.metaData.name] ?? '' }));
}

export function buildCase(p: CaseParts): CaseRecord {
  const { owner, routing, history, times } = sharedRuns(p);
  return {
    _id: p.id,
    caseTmp: p.template._id,
    name: p.name,
    lname: p.name.toLowerCase(),
    desc: p.desc,
    ...owner,
    language: 'en',
    conversationType: 'CASE',
    fields: caseFields(p.template.fields, p),
    ...routing,
    currAssignee: {},
    queues: [],
    tasks: [],
    isActive: true,
    taskIds: [],
    ...history,
    dueDate: p.dueDate,
    isBreached: false,
    supportCustomTasks: true,
    ...times,
    ETA: new Date(p.dueDate).toISOString(),
  };
}
