/** `--db FILE`: tasks persist in SQLite (better-sqlite3, synchronous) and survive a restart. */
import Database from 'better-sqlite3';
import type { CaseRecord } from '../operations/case.js';
import type { CasePersistence } from './case-store.js';
import type { TaskStore } from './store.js';
import type { Task } from '../operations/task.js';
import { taskJson } from './task-json.js';

/** The tasks' store and the cases' persistence, in one database file. */
export function sqliteStore(file: string): TaskStore & { cases: CasePersistence } {
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
  db.exec(`CREATE TABLE IF NOT EXISTS cases (
    id TEXT PRIMARY KEY,
    stream_id TEXT NOT NULL,
    body TEXT NOT NULL
  )`);
  const insertCase = db.prepare('INSERT INTO cases (id, stream_id, body) VALUES (?, ?, ?)');
  const updateCase = db.prepare('UPDATE cases SET body = ? WHERE id = ?');
  const allCases = db.prepare('SELECT body FROM cases ORDER BY rowid').pluck();
  const insert = db.prepare('INSERT INTO tasks (id, stream_id, seq, body) VALUES (?, ?, ?, ?)');
  const maxSeq = db.prepare('SELECT MAX(seq) AS seq FROM tasks WHERE stream_id = ?');
  // One statement per batch, run to its end: better-sqlite3 refuses other queries while an iterator is open.
  const page = db.prepare(
    'SELECT rowid FROM tasks WHERE rowid > @after AND rowid <= @last AND (@stream IS NULL OR stream_id = @stream) ORDER BY rowid LIMIT @limit OFFSET @skip',
  ).pluck();
  const lastRow = db.prepare('SELECT COALESCE(MAX(rowid), 0) FROM tasks').pluck();
  const byId = db.prepare('SELECT body FROM tasks WHERE id = ?').pluck();
  const byRow = db.prepare('SELECT body FROM tasks WHERE rowid = ?').pluck();
  const rowOf = db.prepare('SELECT rowid FROM tasks WHERE id = ?').pluck();
  const update = db.prepare('UPDATE tasks SET body = ? WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) FROM tasks WHERE (@stream IS NULL OR stream_id = @stream)').pluck();
  const sequences = new Map<string, number>(); // cache of MAX(seq), read once per stream
  // Each listed task parsed once, by rowid, and dropped when it is updated: a getTasks over 10,000 tasks parsed
  // every body on every request. Filled by listings only, so a create stores nothing more.
  const parsed = new Map<number, Task>();
  const taskAt = (rowid: number): Task => {
    let task = parsed.get(rowid);
    if (task === undefined) parsed.set(rowid, (task = JSON.parse(byRow.get(rowid) as string) as Task));
    return task;
  };

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
    *list({ streamId, skip = 0, limit = Infinity }, batchSize) {
      const stream = streamId ?? null;
      const last = lastRow.get() as number; // what exists now; later tasks are not listed
      for (let after = 0, left = limit, offset = skip; left > 0; offset = 0) {
        const rows = page.all({ after, last, stream, limit: Math.min(batchSize, left), skip: offset }) as number[];
        if (rows.length === 0) return;
        yield rows.map(taskAt);
        after = rows.at(-1)!;
        left -= rows.length;
      }
    },
    count: (streamId) => count.get({ stream: streamId ?? null }) as number,
    get(id) {
      const body = byId.get(id) as string | undefined;
      return body === undefined ? undefined : (JSON.parse(body) as Task);
    },
    replace(task) {
      update.run(JSON.stringify(task), task._id);
      parsed.delete(rowOf.get(task._id) as number);
    },
    cases: {
      load: () => (allCases.all() as string[]).map((body) => JSON.parse(body) as CaseRecord),
      insert: (c) => void insertCase.run(c._id, c.iId, JSON.stringify(c)),
      update: (c) => void updateCase.run(JSON.stringify(c), c._id),
    },
    close: () => db.close(),
  };
}
