/**
 * Where cases live: in memory, written through to SQLite with `--db` (cases are few next to tasks, so all of them
 * stay in memory and a lookup is one Map read, which createTask makes for every task). The tenant's seeded cases
 * are materialised at start. `create` takes the stream's next `CS…` sequence and stores the case in one synchronous
 * step, so reference ids stay unique and gapless, continuing after the highest one the stream already has.
 */
import { buildCase, type CaseRecord } from '../operations/case.js';
import { caseRefId } from './ids.js';
import { taskCreator } from '../operations/resolve.js';
import type { TenantIndex } from '../tenant/tenant.js';

/** What persists cases (sqlite-store.ts); absent, they live as long as the process. */
export interface CasePersistence {
  load(): CaseRecord[];
  insert(c: CaseRecord): void;
  update(c: CaseRecord): void;
}

export interface CaseStore {
  create(streamId: string, build: (refId: string) => CaseRecord): CaseRecord;
  get(id: string): CaseRecord | undefined;
  replace(c: CaseRecord): void;
  list(streamId: string): CaseRecord[]; // in creation order
  count(): number;
}

const seededAt = Date.parse('2025-06-03T10:51:59.779Z'); // fixed, so a seeded case reads the same after a restart
const sequenceOf = (refId: string) => Number(/\d+$/.exec(refId)?.[0] ?? 0);

export function caseStore(tenant: TenantIndex, persistence?: CasePersistence): CaseStore {
  const cases = new Map<string, CaseRecord>();
  const sequences = new Map<string, number>();
  const keep = (c: CaseRecord) => {
    cases.set(c._id, c);
    sequences.set(c.iId, Math.max(sequences.get(c.iId) ?? 0, sequenceOf(c.refId)));
  };
  for (const c of persistence?.load() ?? []) keep(c);
  for (const seeded of seededCases(tenant)) {
    if (cases.has(seeded._id)) continue;
    keep(seeded);
    persistence?.insert(seeded);
  }
  return {
    create(streamId, build) {
      const c = build(caseRefId((sequences.get(streamId) ?? 0) + 1));
      keep(c);
      persistence?.insert(c);
      return c;
    },
    get: (id) => cases.get(id),
    replace(c) {
      cases.set(c._id, c);
      persistence?.update(c);
    },
    list: (streamId) => [...cases.values()].filter((c) => c.iId === streamId),
    count: () => cases.size,
  };
}

/** The tenant's cases as full case objects: named as the tenant says, for its first user, due a week after. */
function seededCases(tenant: TenantIndex): CaseRecord[] {
  const { data } = tenant;
  return data.cases.flatMap((c) => {
    const stream = tenant.streams.get(c.streamId);
    const template =
      (c.caseTmp === undefined ? undefined : tenant.caseTemplates.get(c.caseTmp)) ??
      data.caseTemplates?.find((t) => t.streamId === c.streamId) ??
      data.templates.find((t) => t.streamId === c.streamId) ??
      data.templates[0]!;
    if (!stream) return [];
    const app = data.apps.find((a) => a.streams.includes(c.streamId)) ?? data.apps[0]!;
    const customer = data.users.find((u) => u._id !== app.ownerUserId) ?? data.users[0]!;
    return [
      buildCase({
        id: c._id,
        refId: c.refId,
        now: seededAt,
        stream,
        template,
        name: c.name ?? `Case ${c.refId}`,
        desc: '',
        source: 'rtm',
        dueDate: seededAt + 7 * 24 * 3600_000,
        userInfo: { _id: customer._id, name: customer.name, ...(customer.emailId ? { emailId: customer.emailId } : {}) },
        createdBy: taskCreator('', app, tenant),
      }),
    ];
  });
}
