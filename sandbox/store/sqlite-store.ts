/** `--db FILE`: cases and tasks written through to SQLite (better-sqlite3, synchronous), and listed there. */
import Database from 'better-sqlite3';
import type { ListRequest, Listed } from '../operations/list-query.js';
import { listingColumnNames, listingColumns, listingSql, listingValues } from './sql-listing.js';
import type { Kind, Persistence } from './store.js';

function open(file: string) {
  try {
    const db = new Database(file);
    const statement = statementCache(db);
    if (statement("SELECT 1 FROM sqlite_master WHERE name = 'tasks'").get())
      throw new Error('written by an earlier version of the sandbox (a "tasks" table); start with a new file');
    return { db, statement };
  } catch (err) {
    throw new Error(`--db ${file}: ${(err as Error).message}`);
  }
}

/**
 * Each listing's SQL prepared once and kept while the file is open. A statement left to the garbage collector can
 * abort the process on Node 24.19+ (better-sqlite3 12 built against its headers; nodejs/node#65446), and a kept one
 * is not parsed again. The listing shapes are bounded by the request's fields; past `max` they are prepared per call.
 */
function statementCache(db: Database.Database, max = 2_000) {
  const kept = new Map<string, Database.Statement>();
  return (sql: string): Database.Statement => {
    const known = kept.get(sql);
    if (known) return known;
    const statement = db.prepare(sql).pluck();
    if (kept.size < max) kept.set(sql, statement);
    return statement;
  };
}

export function sqlitePersistence(file: string): Persistence {
  const { db, statement } = open(file);
  // WAL without a sync per commit: durable across a clean restart, fast enough for the load test. (exec, not
  // pragma(): it makes no statement object to collect.)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
  // n: creation order, which breaks ties in every sort. The bodies in a table of their own, so a listing that scans
  // the stream reads a few hundred bytes a record, not the 2.6 kB of a task.
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    n INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    ${listingColumns.join(',\n    ')}
  )`);
  db.exec('CREATE TABLE IF NOT EXISTS bodies (n INTEGER PRIMARY KEY REFERENCES records (n), body TEXT NOT NULL)');
  db.exec('CREATE INDEX IF NOT EXISTS records_by_created ON records (kind, stream_id, sort_createdAt)');

  const names = listingColumnNames;
  const insertRecord = db.prepare(
    `INSERT INTO records (kind, id, stream_id, ${names.join(', ')}) VALUES (@kind, @id, @stream_id, ${names.map((c) => `@${c}`).join(', ')})`,
  );
  const insertBody = db.prepare('INSERT INTO bodies (n, body) VALUES (?, ?)');
  const updateRecord = db.prepare(`UPDATE records SET ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id RETURNING n`).pluck();
  const updateBody = db.prepare('UPDATE bodies SET body = ? WHERE n = ?');
  const all = db.prepare('SELECT kind, body FROM records JOIN bodies USING (n) ORDER BY n');
  const columns = (kind: Kind, item: Listed) => ({ kind, id: item._id, stream_id: item.iId, ...listingValues(item) });
  // one transaction each: the record and its body are written together or not at all
  const insert = db.transaction((kind: Kind, item: Listed) => {
    insertBody.run(insertRecord.run(columns(kind, item)).lastInsertRowid, JSON.stringify(item));
  });
  const update = db.transaction((kind: Kind, item: Listed) => {
    updateBody.run(JSON.stringify(item), updateRecord.get(columns(kind, item)));
  });

  return {
    load: () => (all.all() as { kind: Kind; body: string }[]).map(({ kind, body }) => ({ kind, record: JSON.parse(body) as Listed })),
    insert: (kind, item) => insert(kind, item),
    update: (kind, item) => update(kind, item),
    pageIds(kind, streamId, request: ListRequest) {
      const sql = listingSql(request);
      return statement(sql.page).all(kind, streamId, ...sql.params, request.limit, request.skip) as string[];
    },
    count(kind, streamId, request: ListRequest) {
      const sql = listingSql(request);
      return statement(sql.count).get(kind, streamId, ...sql.params) as number;
    },
    close: () => db.close(),
  };
}
