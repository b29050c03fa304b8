/** `--db FILE`: tasks persist in SQLite (better-sqlite3, synchronous) and survive a restart. */
import Database from 'better-sqlite3';
import type { TaskStore } from './store.js';
import type { Task } from './task.js';
import { taskJson } from './task-json.js';

export function sqliteStore(file: string): TaskStore {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`--db ${file}: ${(err as Error).message}`);
  }
  // WAL without a sync per commit: durable across a clean restart, fast enough for the load test.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY,
    stream_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (stream_id, seq)
  )`);
  const insert = db.prepare('INSERT INTO tasks (id, stream_id, seq, body) VALUES (?, ?, ?, ?)');
  const maxSeq = db.prepare('SELECT MAX(seq) AS seq FROM tasks WHERE stream_id = ?');
  const all = db.prepare('SELECT body FROM tasks ORDER BY rowid').pluck();
  const byStream = db.prepare('SELECT body FROM tasks WHERE stream_id = ? ORDER BY rowid').pluck();
  const countAll = db.prepare('SELECT COUNT(*) FROM tasks').pluck();
  const sequences = new Map<string, number>(); // cache of MAX(seq), read once per stream

  const lastSequence = (streamId: string): number => {
    let seq = sequences.get(streamId);
    if (seq === undefined) {
      seq = ((maxSeq.get(streamId) as { seq: number | null }).seq ?? 0);
      sequences.set(streamId, seq);
    }
    return seq;
  };

  return {
    create(streamId, build) {
      const sequence = lastSequence(streamId) + 1;
      const task = build(sequence);
      const json = taskJson(task);
      insert.run(task._id, streamId, sequence, json);
      sequences.set(streamId, sequence);
      return { task, json };
    },
    list: (streamId) => ((streamId === undefined ? all.all() : byStream.all(streamId)) as string[]).map((body) => JSON.parse(body) as Task),
    count: () => countAll.get() as number,
    close: () => db.close(),
  };
}
