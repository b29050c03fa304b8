/** Id formats of the platform (docs/contract-decisions.md): case-management ids have 7 hex digits in their first group. */
import { createHash, randomUUID } from 'node:crypto';

/** `ti-73acd32-0123-4114-9891-00a950aa1b2c`: a UUID with its first digit dropped, after the prefix. */
export function caseManagementId(prefix: 'ti' | 'ci' | 'ttm'): string {
  return `${prefix}-${randomUUID().slice(1)}`;
}

/** `TS000102`: the per-stream task sequence, zero-padded to six digits (wider once past 999999). */
export function taskRefId(sequence: number): string {
  return `TS${String(sequence).padStart(6, '0')}`;
}

/** A stable `u-<uuid>` for a contact known only by email or phone: the same contact always gets the same id. */
export function contactUserId(contact: string): string {
  const hex = createHash('sha1').update(contact.toLowerCase()).digest('hex');
  return `u-${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// The documented samples mask the last four digits as `xxxx`; they are well-formed (and then unknown).
const tail = '[0-9a-f]{8}(?:[0-9a-f]{4}|xxxx)';
export const idPatterns = {
  caseId: new RegExp(`^ci-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-${tail}$`),
  taskTmp: new RegExp(`^ttm-[0-9a-f]{7}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-${tail}$`),
  caseRefId: /^CS\d+$/,
  userId: new RegExp(`^u-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-${tail}$`),
} as const;
