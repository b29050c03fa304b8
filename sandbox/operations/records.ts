/** What a case and a task record share: who acts on them, the queues they wait in, and the fields a new one starts with. */
import type { Stream, TemplatePriority, TemplateStatus } from '../tenant/tenant.js';

export interface PersonRef {
  name: string;
  _id: string;
  profImage: string;
}

export interface Assignee {
  aId: string;
  name: string;
  agentId: string;
}

export interface Participant extends Assignee {
  pStatus: 'ACTIVE';
  assignedAt: string;
}

export interface QueueEntry {
  _id: string;
  name: string;
  type: 'ASSIGNED';
  status: 'ACTIVE';
  startTime: string;
}

/** What a new case or task is built from, beyond its own fields. */
export interface NewRecord<User> {
  now: number; // epoch ms
  stream: Stream;
  template: { status: TemplateStatus; priority: TemplatePriority };
  refId: string;
  source: string;
  userInfo: User;
  createdBy: PersonRef;
}

/**
 * The fields a new case and a new task share, in runs that sit in the same order in both samples, so each builder
 * spreads them between its own fields and keeps its sample's key order.
 */
export function sharedRuns<User>(p: NewRecord<User>) {
  const at = new Date(p.now).toISOString();
  return {
    owner: {
      tags: [] as string[],
      userInfo: p.userInfo,
      sessIds: [] as string[],
      accountId: p.stream.accountId,
      iId: p.stream._id,
      orgId: p.stream.orgId,
      convIds: [] as string[],
      status: p.template.status,
      source: p.source,
    },
    routing: { participants: [] as Participant[], priority: p.template.priority, refId: p.refId, assigneeType: 'unassigned' },
    history: {
      attachments: [] as unknown[],
      feedback: [] as unknown[],
      createdBy: p.createdBy,
      updatedBy: p.createdBy,
      timestampValue: p.now,
      activityIds: [] as string[],
      commentIds: [] as string[],
      resolutionCmts: [] as unknown[],
    },
    times: { channel: [] as string[], createdAt: at, updatedAt: at },
  };
}

/** What every case and task records of its own history and of who it belongs to (the same fields on both pages). */
export type RecordHistory = ReturnType<typeof sharedRuns<unknown>>['history'];
export type RecordOwner = Omit<ReturnType<typeof sharedRuns<unknown>>['owner'], 'tags' | 'userInfo'>;
