/**
 * Where tasks live. `create` allocates the stream's next sequence number and stores the task in one
 * synchronous step: Node runs it without interleaving, and the counter only moves once the task is stored,
 * so refIds stay unique and gapless under any number of concurrent requests.
 */
import { byteLog } from './byte-log.js';
import type { Task } from '../operations/task.js';
import { taskJson } from './task-json.js';
import { taskFromRecord, taskRecord } from './task-record.js';
import type { TenantIndex } from '../tenant/tenant.js';

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
  /** A task by its id (updated tasks as updated), undefined when there is none. */
  get(id: string): Task | undefined;
  /** Stores an updated task in place of the one with its id (the id, stream and sequence never change). */
  replace(task: Task): void;
  close(): void;
}

/** Tasks kept as compact records (task-record.ts) in a byte log: no heap object per task for the GC to trace. */
export function memoryStore(tenant: TenantIndex): TaskStore {
  const streams: string[] = []; // the tenant's own stream id strings: shared, not copied
  const log = byteLog();
  const sequences = new Map<string, number>();
  // Updates are rare next to creates: an updated task is kept whole beside the log, which stays append-only.
  const replaced = new Map<string, Task>();
  // The id index is caught up when a task is looked up, never on create: creating a task costs what it did.
  const positions = new Map<string, number>();
  // Each record decoded once, when first read (a listing, a lookup), never on create: a getTasks over 10,000
  // tasks decoded them all on every request. Safe to share: a record never changes (the log is append-only),
  // tasks share their template's frozen parts, and an update copies the task (replaced wins over the cache).
  const decoded: Task[] = [];
  const read = (i: number): Task => {
    const task = (decoded[i] ??= taskFromRecord(log.get(i).toString('utf8'), tenant));
    return replaced.size === 0 ? task : (replaced.get(task._id) ?? task);
  };
  const positionOf = (id: string): number | undefined => {
    for (let i = positions.size; i < log.length; i++) positions.set((JSON.parse(log.get(i).toString('utf8')) as [string])[0], i);
    return positions.get(id);
  };
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
        batch.push(read(i));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    count: (streamId) => (streamId === undefined ? log.length : streams.reduce((n, s) => (s === streamId ? n + 1 : n), 0)),
    get(id) {
      const i = positionOf(id);
      return i === undefined ? undefined : read(i);
    },
    replace(task) {
      replaced.set(task._id, task);
    },
    close() {},
  };
}
