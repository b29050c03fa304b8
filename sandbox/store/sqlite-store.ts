/** `--db FILE`: cases and tasks written through to SQLite (better-sqlite3, synchronous), and listed there. */
import Database from 'better-sqlite3';
import type { ListRequest, Listed } from '../operations/list-query.js';
import { listingColumnNames, listingColumns, listingSql, listingValues } from './sql-listing.js';
import type { Kind, Persistence } from './store.js';

export function sqlitePersistence(file: string): Persistence {
  let db: Database.Database;
  try {
    db = new Database(file);
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'tasks'").get())
      throw new Error('written by an earlier version of the sandbox (a "tasks" table); start with a new file');
  } catch (err) {
    throw new Error(`--db ${file}: ${(err as Error).message}`);
  }
  // WAL without a sync per commit: durable across a clean restart, fast enough for the load test.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // n: creation order, which breaks ties in every sort
  db.exec(`CREATE TABLE IF NOT EXISTS records (
    n INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    body TEXT NOT NULL,
    ${listingColumns.join(',\n    ')}
  )`);
  db.exec('CREATE INDEX IF NOT EXISTS records_by_created ON records (kind, stream_id, sort_createdAt)');

  const names = listingColumnNames;
  const insert = db.prepare(
    `INSERT INTO records (kind, id, stream_id, body, ${names.join(', ')}) VALUES (@kind, @id, @stream_id, @body, ${names.map((c) => `@${c}`).join(', ')})`,
  );
  const update = db.prepare(`UPDATE records SET body = @body, ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const all = db.prepare('SELECT kind, body FROM records ORDER BY n');
  const row = (kind: Kind, item: Listed) => ({ kind, id: item._id, stream_id: item.iId, body: JSON.stringify(item), ...listingValues(item) });

  return {
    load: () => (all.all() as { kind: Kind; body: string }[]).map(({ kind, body }) => ({ kind, record: JSON.parse(body) as Listed })),
    insert: (kind, item) => void insert.run(row(kind, item)),
    update: (kind, item) => void update.run(row(kind, item)),
    page(kind, streamId, request: ListRequest) {
      const sql = listingSql(request);
      const ids = db.prepare(sql.page).pluck().all(kind, streamId, ...sql.params, request.limit, request.skip) as string[];
      const total = db.prepare(sql.count).pluck().get(kind, streamId, ...sql.params) as number;
      return { ids, total };
    },
    close: () => db.close(),
  };
}
