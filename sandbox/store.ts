/**
 * Where tasks live. `create` allocates the stream's next sequence number and stores the task in one
 * synchronous step: Node runs it without interleaving, and the counter only moves once the task is stored,
 * so refIds stay unique and gapless under any number of concurrent requests.
 */
import { byteLog } from './byte-log.js';
import type { Task } from './task.js';
import { taskJson } from './task-json.js';
import { taskFromRecord, taskRecord } from './task-record.js';
import type { TenantIndex } from './tenant.js';

/** A stored task and its JSON (what the response sends when no drift changes it). */
export interface StoredTask {
  task: Task;
  json: string;
}

export interface TaskStore {
  create(streamId: string, build: (sequence: number) => Task): StoredTask;
  list(streamId?: string): Task[];
  count(): number;
  close(): void;
}

/** Tasks kept as compact records (task-record.ts) in a byte log: no heap object per task for the GC to trace. */
export function memoryStore(tenant: TenantIndex): TaskStore {
  const streams: string[] = []; // the tenant's own stream id strings: shared, not copied
  const log = byteLog();
  const sequences = new Map<string, number>();
  return {
    create(streamId, build) {
      const sequence = (sequences.get(streamId) ?? 0) + 1;
      const task = build(sequence);
      log.append(taskRecord(task));
      streams.push(streamId);
      sequences.set(streamId, sequence);
      return { task, json: taskJson(task) };
    },
    list(streamId) {
      const tasks: Task[] = [];
      for (let i = 0; i < log.length; i++) {
        if (streamId === undefined || streams[i] === streamId) tasks.push(taskFromRecord(log.get(i).toString('utf8'), tenant));
      }
      return tasks;
    },
    count: () => log.length,
    close() {},
  };
}
