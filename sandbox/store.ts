/**
 * Where tasks live. `create` allocates the stream's next sequence number and stores the task in one
 * synchronous step: Node runs it without interleaving, and the counter only moves once the task is stored,
 * so refIds stay unique and gapless under any number of concurrent requests.
 */
import type { Task } from './task.js';

export interface TaskStore {
  create(streamId: string, build: (sequence: number) => Task): Task;
  list(streamId?: string): Task[];
  count(): number;
  close(): void;
}

export function memoryStore(): TaskStore {
  const tasks: { streamId: string; task: Task }[] = [];
  const sequences = new Map<string, number>();
  return {
    create(streamId, build) {
      const sequence = (sequences.get(streamId) ?? 0) + 1;
      const task = build(sequence);
      tasks.push({ streamId, task });
      sequences.set(streamId, sequence);
      return task;
    },
    list: (streamId) => tasks.filter((t) => streamId === undefined || t.streamId === streamId).map((t) => t.task),
    count: () => tasks.length,
    close() {},
  };
}
