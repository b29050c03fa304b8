/** Building verdicts: findings become evidence lines, fields are collected, the status follows from what was found. */
import type { RunContext } from '../context.js';
import { redact } from '../redact.js';
import { reproductionOf } from '../reproduce.js';
import { specOf } from '../spec.js';
import type { OperationId } from '../spec.js';
import type { CheckName, Exchange, Intent, Severity, Verdict } from '../types.js';

export interface Finding {
  text: string;
  field?: string;
  /** The operation the finding is about, when the check knows it. */
  operation?: OperationId;
  /** Default: breaking when listed in `failures`, a warning when listed in `warnings`. */
  severity?: Severity;
  /** The exchanges the finding is about: a breaking one's go to the report as requests to re-run (`replay`). */
  exchanges?: Exchange[];
  /** When several findings were said as one line: all of their fields. */
  fields?: string[];
}

const fieldsOf = (findings: Finding[]) => [...new Set(findings.flatMap((f) => f.fields ?? (f.field ? [f.field] : [])))];

/** `<probe> [channel]: <what was found>`: the form of a finding about one exchange. */
const aboutOneExchange = /^(.+? \[(?:sdk|fetch|openapi-generator)\]): (.+)$/s;

/**
 * Findings that say the same thing of several exchanges become one line naming the first few (a server that
 * answers every refusal with 422 is told so once, not forty times); the fields and exchanges of all are kept.
 */
function grouped(findings: Finding[]): Finding[] {
  const groups = new Map<string, { what: string; labels: string[]; members: Finding[] }>();
  findings.forEach((f, i) => {
    const one = aboutOneExchange.exec(f.text);
    const key = one ? `${f.severity}|${f.operation ?? ''}|${one[2]}` : `unique ${i}`;
    const group = groups.get(key) ?? { what: one?.[2] ?? f.text, labels: [], members: [] };
    if (one) group.labels.push(one[1]!);
    group.members.push(f);
    groups.set(key, group);
  });
  return [...groups.values()].map(({ what, labels, members }) => {
    if (members.length === 1) return members[0]!;
    return {
      ...members[0]!,
      text: `${what}, in ${members.length} answers: ${labels.slice(0, 3).join('; ')}${labels.length > 3 ? '; …' : ''}`,
      fields: fieldsOf(members),
      exchanges: members.flatMap((m) => m.exchanges ?? []),
    };
  });
}

/**
 * A check's verdict from its findings: `findings` carry their own severity (from the contract's provenance);
 * `failures` default to breaking and `warnings` to warning.
 */
export function verdict(
  check: CheckName,
  found: { findings?: Finding[]; failures?: Finding[]; warnings?: Finding[]; passed?: string[]; notRun?: string[]; ran: boolean; skipReason?: string },
): Verdict {
  const all = [
    ...(found.findings ?? []),
    ...(found.failures ?? []).map((f) => ({ severity: 'breaking' as const, ...f })),
    ...(found.warnings ?? []).map((f) => ({ severity: 'warning' as const, ...f })),
  ];
  const failures = grouped(all.filter((f) => (f.severity ?? 'breaking') === 'breaking').map((f) => ({ ...f, severity: 'breaking' as const })));
  const warnings = grouped(all.filter((f) => f.severity === 'warning'));
  const status = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : found.ran || all.length > 0 ? 'pass' : 'skip';
  // Under --strict the warnings fail too, so their exchanges are kept, marked, to be re-sent then.
  const reproductions = (found: Finding[], severity: Severity) => [...new Set(found.flatMap((f) => f.exchanges ?? []))].map((x) => reproductionOf(check, x, severity));
  const reproduce = [...reproductions(failures, 'breaking'), ...reproductions(warnings, 'warning')];
  const evidence = status === 'skip' ? [found.skipReason ?? 'nothing to check on this target'] : failures.length > 0 ? failures.map((f) => f.text) : (found.passed ?? []);
  return {
    check,
    status,
    evidence: evidence.map(redact), // redacted where evidence is made: test messages and every report show it
    fields: fieldsOf(failures),
    warnings: warnings.map((f) => redact(f.text)),
    warningFields: fieldsOf(warnings),
    notRun: (found.notRun ?? []).map(redact),
    ...(reproduce.length ? { reproduce } : {}),
    findings: [...failures, ...warnings].map((f) => ({
      check,
      ...(f.operation ? { operation: f.operation } : {}),
      ...(f.field ? { field: f.field } : {}),
      severity: f.severity ?? 'breaking',
      message: redact(f.text),
    })),
  };
}

/** `--strict`: every warning becomes a failure (with its field), so a CI can hold a server to the inferred rules too. */
export function strictVerdict(v: Verdict): Verdict {
  if (v.warnings.length === 0) return v;
  const strict = v.warnings.map((w) => `(strict) ${w}`);
  return {
    ...v,
    status: 'fail',
    evidence: v.status === 'fail' ? [...v.evidence, ...strict] : strict,
    fields: [...new Set([...v.fields, ...v.warningFields])],
    warnings: [],
    warningFields: [],
    ...(v.reproduce ? { reproduce: v.reproduce.map((r) => ({ ...r, severity: 'breaking' as const })) } : {}),
    findings: v.findings.map((f) => ({ ...f, severity: 'breaking' as const })),
  };
}

/** How a report names an exchange: the probe, its operation (unless the probe's name starts with it) and the channel. */
export const label = (x: Exchange) => `${x.probe}${x.probe.startsWith(x.operation) ? '' : ` (${x.operation})`} [${x.via}]`;

/** A finding's field: a JSON pointer or header, prefixed with its operation (`getCases /totalResults`). */
export const fieldOf = (x: Exchange, field: string) => `${x.operation} ${field}`;

/** The contract's view of the operation an exchange called. */
export const specFor = (x: Exchange) => specOf(x.operation);

/** For a redirect: where it pointed (never followed; redacted with the rest of the evidence). */
export function locationOf(x: Exchange): string {
  const location = x.response && x.response.status >= 300 && x.response.status < 400 ? x.response.headers.location : undefined;
  return location === undefined ? '' : ` (a redirect to ${location}, not followed)`;
}

/** The platform's message of an error answer, redacted and shortened, for evidence lines. */
export function messageOf(x: Exchange): string {
  const errors = (x.response?.json as { errors?: { msg?: unknown }[] } | undefined)?.errors;
  // Redacted before it is cut: a token cut in half no longer matches, and its first half would survive.
  const msg = redact(Array.isArray(errors) ? errors.map((e) => String(e?.msg)).join('; ') : (x.response?.text ?? ''));
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
