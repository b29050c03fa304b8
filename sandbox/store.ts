/**
 * Where tasks live. `create` allocates the stream's next sequence number and stores the task in one
 * synchronous step: Node runs it without interleaving, and the counter only moves once the task is stored,
 * so refIds stay unique and gapless under any number of concurrent requests.
 */
import type { Task } from './task.js';
import { byteLog } from './byte-log.js';
import { taskJson } from './task-json.js';

/** A stored task and its JSON bytes (what the response sends when no drift changes it). */
export interface StoredTask {
  task: Task;
  json: Buffer;
}

export interface TaskStore {
  create(streamId: string, build: (sequence: number) => Task): StoredTask;
  list(streamId?: string): Task[];
  count(): number;
  close(): void;
}

/** Tasks kept as their JSON bytes in a byte log; the response sends the very same bytes. */
export function memoryStore(): TaskStore {
  const streams: string[] = []; // the tenant's own stream id strings: shared, not copied
  const log = byteLog();
  const sequences = new Map<string, number>();
  return {
    create(streamId, build) {
      const sequence = (sequences.get(streamId) ?? 0) + 1;
      const task = build(sequence);
      const json = log.append(taskJson(task));
      streams.push(streamId);
      sequences.set(streamId, sequence);
      return { task, json };
    },
    list(streamId) {
      const tasks: Task[] = [];
      for (let i = 0; i < log.length; i++) {
        if (streamId === undefined || streams[i] === streamId) tasks.push(JSON.parse(log.get(i).toString('utf8')) as Task);
      }
      return tasks;
    },
    count: () => log.length,
    close() {},
  };
}
