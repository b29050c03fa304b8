/** The tenant's seeded cases as full case objects, stored at start beside the created ones. */
import { buildCase, type CaseRecord } from '../operations/case.js';
import { taskCreator } from '../operations/resolve.js';
import type { TenantIndex } from '../tenant/tenant.js';

const seededAt = Date.parse('2025-06-03T10:51:59.779Z'); // fixed, so a seeded case reads the same after a restart

/** The tenant's cases as full case objects: named as the tenant says, for its first user, due a week after. */
export function seededCases(tenant: TenantIndex): CaseRecord[] {
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
