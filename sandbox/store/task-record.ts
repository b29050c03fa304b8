/**
 * How the memory store keeps a task: only what is its own (ids, case, name, user, creator, time), about a
 * seventh of its JSON. The template's and the stream's parts are looked up again when a task is listed.
 * Under load, fresh memory is the main cost of storing a task (every new page faults in), so fewer bytes
 * per task means more creates per second.
 */
import { buildTask, type Task } from '../operations/task.js';
import type { TenantIndex } from '../tenant/tenant.js';

type TaskRecord = [
  id: string,
  refId: string,
  now: number,
  streamId: string,
  templateId: string,
  caseId: string,
  caseRefId: string,
  name: string,
  source: string,
  userInfo: Task['userInfo'],
  createdBy: Task['createdBy'],
];

export function taskRecord(t: Task): string {
  const record: TaskRecord = [t._id, t.refId, t.timestampValue, t.iId, t.taskTmp, t.caseId, t.caseRefId, t.name, t.source, t.userInfo, t.createdBy];
  return JSON.stringify(record);
}

/** The task as `buildTask` made it, from its record and the tenant it was created in. */
export function taskFromRecord(text: string, tenant: TenantIndex): Task {
  const [id, refId, now, streamId, templateId, caseId, caseRefId, name, source, userInfo, createdBy] = JSON.parse(text) as TaskRecord;
  const stream = tenant.streams.get(streamId);
  const template = tenant.templates.get(templateId);
  if (!stream || !template) throw new Error(`task ${id}: stream ${streamId} or template ${templateId} is not in the tenant`);
  return buildTask({ id, refId, now, stream, template, caseId, caseRefId, name, source, userInfo, createdBy });
}
