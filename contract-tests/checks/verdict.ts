/** Building verdicts: findings become evidence lines, fields are collected, the status follows from what was found. */
import type { RunContext } from '../context.js';
import { redact } from '../redact.js';
import type { CheckName, Exchange, Intent, Verdict } from '../types.js';

export interface Finding {
  text: string;
  field?: string;
}

export function verdict(
  check: CheckName,
  found: { failures?: Finding[]; warnings?: Finding[]; passed?: string[]; notRun?: string[]; ran: boolean; skipReason?: string },
): Verdict {
  const failures = found.failures ?? [];
  const warnings = found.warnings ?? [];
  const status = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : found.ran ? 'pass' : 'skip';
  const findings = failures.length > 0 ? failures : warnings;
  const evidence = status === 'skip' ? [found.skipReason ?? 'nothing to check on this target'] : findings.length > 0 ? findings.map((f) => f.text) : (found.passed ?? []);
  return {
    check,
    status,
    evidence: evidence.map(redact), // redacted where evidence is made: test messages and every report show it
    fields: [...new Set(findings.map((f) => f.field).filter((f): f is string => !!f))],
    notRun: (found.notRun ?? []).map(redact),
  };
}

/** How a report names an exchange: the probe and the channel it went through. */
export const label = (x: Exchange) => `${x.probe} [${x.via}]`;

/** The platform's message of an error answer, shortened, for evidence lines. */
export function messageOf(x: Exchange): string {
  const errors = (x.response?.json as { errors?: { msg?: unknown }[] } | undefined)?.errors;
  const msg = Array.isArray(errors) ? errors.map((e) => String(e?.msg)).join('; ') : (x.response?.text ?? '');
  return msg.length > 160 ? `${msg.slice(0, 157)}...` : msg;
}

export function countBy<T>(items: T[], key: (item: T) => string | number): string {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}×${n}`).join(', ');
}

/** The corpus exchanges of one intent, and that intent's probes the target could not take (as "name: reason"). */
export async function probesOf(ctx: RunContext, intent: Intent): Promise<{ probes: Exchange[]; notRun: string[] }> {
  const { exchanges, unsendable } = await ctx.corpus();
  return {
    probes: exchanges.filter((x) => x.intent === intent),
    notRun: unsendable.filter((u) => u.intent === intent).map((u) => `${u.name}: ${u.reason}`),
  };
}
