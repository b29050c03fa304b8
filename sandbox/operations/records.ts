/** The parts a case and a task record share: who acts on them and the queues they wait in. */

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
