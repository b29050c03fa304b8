/**
 * Where cases and tasks live: a Map per kind, written through to SQLite with `--db`. `create` takes the stream's next
 * reference sequence and stores the record in one synchronous step, so `CS…`/`TS…` stay unique and gapless.
 */
import type { CaseRecord } from '../operations/case.js';
import { isNewestFirst, pageAround, pageOf, type ListRequest, type Listed, type Page } from '../operations/list-query.js';
import type { Task } from '../operations/task.js';
import type { TenantIndex } from '../tenant/tenant.js';
import { caseRefId, taskRefId } from './ids.js';
import { caseLinks, type CaseLinks } from './links.js';
import { seededCases } from './seeded-cases.js';

export type Kind = 'case' | 'task';

/** What keeps the records beyond the process (sqlite-store.ts), and lists them where it holds them. */
export interface Persistence {
  load(): { kind: Kind; record: Listed }[]; // in creation order
  insert(kind: Kind, record: Listed): void;
  update(kind: Kind, record: Listed): void;
  pageIds(kind: Kind, streamId: string, request: ListRequest): string[];
  count(kind: Kind, streamId: string, request: ListRequest): number; // how many match the request's filters
  close(): void;
}

export interface RecordStore<T extends Listed> {
  create(streamId: string, build: (refId: string) => T): T;
  get(id: string): T | undefined;
  /** Stores an updated record in place of the one with its id (its id, stream and refId never change). */
  replace(record: T): void;
  list(streamId: string): T[]; // in creation order
  page(streamId: string, request: ListRequest): Page<T>;
  count(streamId?: string): number;
}
export type CaseStore = RecordStore<CaseRecord>;
export type TaskStore = RecordStore<Task>;

export interface Store {
  cases: CaseStore;
  tasks: TaskStore;
  links: CaseLinks;
  close(): void;
}

interface StreamRecords<T> {
  records: T[]; // in creation order
  newestLast: boolean; // createdAt never decreases along `records`, so newest first is their reverse
}

const sequenceOf = (refId: string) => Number(/\d+$/.exec(refId)?.[0] ?? 0);

function recordStore<T extends Listed>(
  kind: Kind,
  refIdOf: (sequence: number) => string,
  persistence: Persistence | undefined,
  kept?: (record: T) => void,
) {
  const byId = new Map<string, { stream: StreamRecords<T>; index: number }>();
  const streams = new Map<string, StreamRecords<T>>();
  const sequences = new Map<string, number>();
  const keep = (record: T) => {
    let stream = streams.get(record.iId);
    if (!stream) streams.set(record.iId, (stream = { records: [], newestLast: true }));
    if (stream.records.length > 0 && stream.records.at(-1)!.createdAt > record.createdAt) stream.newestLast = false;
    byId.set(record._id, { stream, index: stream.records.push(record) - 1 });
    sequences.set(record.iId, Math.max(sequences.get(record.iId) ?? 0, sequenceOf(record.refId)));
    kept?.(record);
  };
  const get = (id: string): T | undefined => {
    const at = byId.get(id);
    return at && at.stream.records[at.index];
  };

  const store: RecordStore<T> = {
    create(streamId, build) {
      const record = build(refIdOf((sequences.get(streamId) ?? 0) + 1));
      persistence?.insert(kind, record);
      keep(record);
      return record;
    },
    get,
    replace(record) {
      const at = byId.get(record._id);
      if (!at) throw new Error(`no ${kind} ${record._id} to replace`);
      persistence?.update(kind, record);
      at.stream.records[at.index] = record;
    },
    list: (streamId) => [...(streams.get(streamId)?.records ?? [])],
    page(streamId, request) {
      const { records, newestLast } = streams.get(streamId) ?? { records: [], newestLast: true };
      if (persistence) {
        // COUNT(*) walks the stream's whole index (9 ms at 100,000 tasks): unfiltered, the total is what is kept here
        const total = request.filters.length === 0 ? records.length : persistence.count(kind, streamId, request);
        return pageAround(
          persistence.pageIds(kind, streamId, request).map((id) => get(id)!),
          total,
          request,
        );
      }
      if (!isNewestFirst(request) || !newestLast) return pageOf(records, request);
      const end = Math.max(records.length - request.skip, 0);
      return pageAround(records.slice(Math.max(end - request.limit, 0), end).reverse(), records.length, request);
    },
    count: (streamId) => (streamId === undefined ? byId.size : (streams.get(streamId)?.records.length ?? 0)),
  };
  return { store, keep };
}

/** The store, with what `persistence` holds loaded and the tenant's seeded cases added where they are missing. */
export function openStore(tenant: TenantIndex, persistence?: Persistence): Store {
  const links = caseLinks();
  const cases = recordStore<CaseRecord>('case', caseRefId, persistence);
  const tasks = recordStore<Task>('task', taskRefId, persistence, (task) => links.add(task.caseId, task._id));
  for (const { kind, record } of persistence?.load() ?? []) {
    if (kind === 'case') cases.keep(record as CaseRecord);
    else tasks.keep(record as Task);
  }
  for (const seeded of seededCases(tenant)) {
    if (cases.store.get(seeded._id)) continue;
    persistence?.insert('case', seeded);
    cases.keep(seeded);
  }
  return { cases: cases.store, tasks: tasks.store, links, close: () => persistence?.close() };
}
