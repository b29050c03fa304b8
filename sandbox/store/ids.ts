/**
 * Ids. Those the sandbox mints look like the platform's samples (case-management ids have 7 hex digits in their
 * first group); those it accepts are opaque, as the repository's contract decisions (docs/contract-decisions.md)
 * treat them: a prefix and a plausible character set, never a digit count or the samples' `xxxx` mask, so a tenant
 * whose ids are shaped otherwise works.
 */
import { createHash, randomUUID } from 'node:crypto';

/** `ti-73acd32-0123-4114-9891-00a950aa1b2c`: a UUID with its first digit dropped, after the prefix. */
export function caseManagementId(prefix: 'ti' | 'ci' | 'ttm'): string {
  return `${prefix}-${randomUUID().slice(1)}`;
}

/** `TS000102`: the per-stream task sequence, zero-padded to six digits (wider once past 999999). */
export function taskRefId(sequence: number): string {
  return `TS${String(sequence).padStart(6, '0')}`;
}

/** `CS000131`: the per-stream case sequence, like the tasks'. */
export function caseRefId(sequence: number): string {
  return `CS${String(sequence).padStart(6, '0')}`;
}

/** A stable `u-<uuid>` for a contact known only by email or phone: the same contact always gets the same id. */
export function contactUserId(contact: string): string {
  const hex = createHash('sha1').update(contact.toLowerCase()).digest('hex');
  return `u-${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const opaque = (prefix: string) => new RegExp(`^${prefix}-[A-Za-z0-9-]+$`);
export const idPatterns = {
  caseId: opaque('ci'),
  taskTmp: opaque('ttm'),
  caseTmp: opaque('ctm'),
  taskId: opaque('ti'),
  caseRefId: /^CS[0-9]+$/,
  userId: opaque('u'),
} as const;
