/** Building verdicts: findings are data; their lines, fields and the status follow from them. */
import type { RunContext } from '../context.js';
import { redact } from '../redact.js';
import { reproductionOf } from '../reproduce.js';
import { specOf } from '../spec.js';
import type { OperationId } from '../spec.js';
import type { Channel, CheckName, Exchange, FindingData, Intent, Severity, Verdict } from '../types.js';

export interface Finding {
  /** What was found, without the exchange it was found in (that is `probe` and `channel`). */
  message: string;
  /** Decided by severity.ts from the contract's provenance, never by the check. */
  severity: Severity;
  /** The field: a JSON pointer, a header or a request field, prefixed with the operation (`getCases /totalResults`). */
  pointer?: string;
  operation?: OperationId;
  /** The probe and channel of the one exchange the finding is about (none for a finding about several). */
  probe?: string;
  channel?: Channel;
  /** The exchanges the finding is about: a breaking one's go to the report as requests to re-run (`replay`). */
  exchanges?: Exchange[];
}

/** A finding about one exchange: its operation, probe and channel come from the exchange. */
export const about = (x: Exchange, pointer: string, message: string, severity: Severity): Finding => ({
  message,
  severity,
  pointer,
  operation: x.operation,
  probe: x.probe,
  channel: x.via,
  exchanges: [x],
});

/** How a report names a probe: its name, its operation (unless the name starts with it) and the channel. */
const labelOf = (probe: string, operation: OperationId | undefined, channel: Channel | undefined) =>
  `${probe}${!operation || probe.startsWith(operation) ? '' : ` (${operation})`} [${channel}]`;

/** A finding as one line: `<probe> [channel]: <message>` when it is about one exchange. */
const lineOf = (f: Finding) => (f.probe ? `${labelOf(f.probe, f.operation, f.channel)}: ${f.message}` : f.message);

/**
 * The lines of a list of findings: those that say the same thing of several exchanges become one line naming the
 * first few (a server that answers every refusal with 422 is told so once, not forty times).
 */
function linesOf(findings: Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  findings.forEach((f, i) => {
    const key = f.probe ? `${f.severity}|${f.message}` : `unique ${i}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  });
  return [...groups.values()].map((members) => {
    if (members.length === 1) return lineOf(members[0]!);
    const labels = members.map((m) => labelOf(m.probe!, m.operation, m.channel));
    return `${members[0]!.message}, in ${members.length} answers: ${labels.slice(0, 3).join('; ')}${labels.length > 3 ? '; …' : ''}`;
  });
}

const pointersOf = (findings: Finding[]) => [...new Set(findings.flatMap((f) => (f.pointer ? [f.pointer] : [])))];

function findingData(check: CheckName, f: Finding): FindingData {
  const { message, severity, pointer, operation, probe, channel } = f;
  return {
    check,
    ...(operation ? { operation } : {}),
    ...(probe ? { probe, channel } : {}),
    ...(pointer ? { pointer, field: pointer } : {}),
    severity,
    message: redact(message),
    line: redact(lineOf(f)),
  };
}

/** What a check found: findings with their severity, what held (`passed`), and what could not run. */
export interface Judged {
  findings?: Finding[];
  passed?: string[];
  notRun?: string[];
  ran: boolean;
  skipReason?: string;
}

/** A check's verdict from its findings: the status follows from their severities; every line is redacted here. */
export function verdict(check: CheckName, found: Judged): Verdict {
  const all = found.findings ?? [];
  const failures = all.filter((f) => f.severity === 'breaking');
  const warnings = all.filter((f) => f.severity === 'warning');
  const status = failures.length > 0 ? 'fail' : warnings.length > 0 ? 'warn' : found.ran || all.length > 0 ? 'pass' : 'skip';
  // Under --strict the warnings fail too, so their exchanges are kept, marked, to be re-sent then.
  const reproductions = (of: Finding[], severity: Severity) =>
    [...new Set(of.flatMap((f) => f.exchanges ?? []))].map((x) => reproductionOf(check, x, severity));
  const reproduce = [...reproductions(failures, 'breaking'), ...reproductions(warnings, 'warning')];
  const evidence =
    status === 'skip' ? [found.skipReason ?? 'nothing to check on this target'] : failures.length > 0 ? linesOf(failures) : (found.passed ?? []);
  return {
    check,
    status,
    evidence: evidence.map(redact), // redacted where evidence is made: test messages and every report show it
    fields: pointersOf(failures),
    warnings: linesOf(warnings).map(redact),
    warningFields: pointersOf(warnings),
    notRun: (found.notRun ?? []).map(redact),
    ...(reproduce.length ? { reproduce } : {}),
    findings: [...failures, ...warnings].map((f) => findingData(check, f)),
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
export const label = (x: Exchange) => labelOf(x.probe, x.operation, x.via);

/** A finding's field: a JSON pointer or header, prefixed with its operation (`getCases /totalResults`). */
export const fieldOf = (x: Exchange, field: string) => `${x.operation} ${field}`;

/** The contract's view of the operation an exchange called. */
export const specFor = (x: Exchange) => specOf(x.operation);

/** For a redirect: where it pointed (never followed; redacted with the rest of the evidence). */
export function locationOf(x: Exchange): string {
  const location = x.response && x.response.status >= 300 && x.response.status < 400 ? x.response.headers.location : undefined;
  return location === undefined ? '' : ` (a redirect to ${location}, not followed)`;
}

/** The platform's message of an error answer, redacted and shortened ('' when the body says nothing). */
export function platformMessage(x: Exchange): string {
  const errors = (x.response?.json as { errors?: { msg?: unknown }[] } | undefined)?.errors;
  // Redacted before it is cut: a token cut in half no longer matches, and its first half would survive.
  const msg = redact(Array.isArray(errors) ? errors.map((e) => String(e?.msg)).join('; ') : (x.response?.text ?? '')).trim();
  return msg.length > 160 ? `${msg.slice(0, 157)}...` : msg;
}

/** The same for evidence lines, which always say something after their colon. */
export const messageOf = (x: Exchange): string => platformMessage(x) || '(no message: the body is empty)';

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
