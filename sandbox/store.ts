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

/** Which tasks to list, in creation order: those of one stream or all, past the first `skip`, at most `limit`. */
export interface ListQuery {
  streamId?: string;
  skip?: number;
  limit?: number;
}

export interface TaskStore {
  create(streamId: string, build: (sequence: number) => Task): StoredTask;
  /**
   * The listed tasks a batch at a time, so a listing never holds them all (nor their JSON) at once. Each batch
   * is read whole: a caller may wait between batches while tasks are created (they are then not listed).
   */
  list(query: ListQuery, batchSize: number): Iterable<Task[]>;
  count(streamId?: string): number;
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
    *list({ streamId, skip = 0, limit = Infinity }, batchSize) {
      const end = log.length; // what exists now; later tasks are not listed
      let batch: Task[] = [];
      for (let i = 0, matched = 0; i < end && matched < skip + limit; i++) {
        if (streamId !== undefined && streams[i] !== streamId) continue;
        if (matched++ < skip) continue;
        batch.push(taskFromRecord(log.get(i).toString('utf8'), tenant));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    count: (streamId) => (streamId === undefined ? log.length : streams.reduce((n, s) => (s === streamId ? n + 1 : n), 0)),
    close() {},
  };
}
