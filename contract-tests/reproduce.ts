/**
 * A failing exchange as a user re-runs it without the suite: the request as sent (the token never recorded, only
 * its kind), a curl that reads the token from $KORE_JWT, and the judgement `replay` applies to a new answer.
 */
import { describeErrors, specOf, validatorAt } from './spec.js';
import type { CheckName, Exchange, Reproduction, Severity } from './types.js';

export function reproductionOf(check: CheckName, x: Exchange, severity: Severity = 'breaking'): Reproduction {
  return {
    severity,
    check,
    operation: x.operation,
    probe: x.probe,
    intent: x.intent,
    via: x.via,
    request: x.request,
    answered: x.response?.status ?? x.error ?? 'no answer',
  };
}

/** Single quotes for the shell: nothing inside is expanded. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** Headers fetch adds on its own; curl adds its own. */
const transportHeaders = new Set([
  'content-length',
  'host',
  'connection',
  'accept-encoding',
  'user-agent',
  'accept',
  'accept-language',
  'sec-fetch-mode',
]);

export function curlOf(baseUrl: string, request: Exchange['request']): string {
  const parts = [`curl -sS -X ${request.method} ${quote(new URL(request.path, baseUrl).href)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (transportHeaders.has(name.toLowerCase())) continue;
    if (name === 'auth') {
      // The token itself is never in a report: the user's own comes from the environment.
      if (value !== 'none') parts.push(`-H "auth: $KORE_JWT"${value === 'valid token' ? '' : `  # the suite sent: ${value}`}`);
      continue;
    }
    parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) parts.push(`--data-raw ${quote(request.body)}`);
  return parts.join(' \\\n  ');
}

/**
 * Why a new answer to a replayed request still fails, or undefined when it no longer does: the intent's expectation
 * (valid input accepted, invalid input and bad tokens refused with a 4xx), a status the contract lists, and, for a
 * success, a body valid against the contract's schema.
 */
export function stillFails(r: Reproduction, status: number, body: unknown): string | undefined {
  const spec = specOf(r.operation);
  if (status >= 300 && status < 400) return `answered with a redirect ${status}`;
  if (r.intent === 'accept' && (status < 200 || status >= 300)) return `valid input refused with ${status}`;
  if (r.intent === 'reject-invalid' && status < 400) return `invalid input accepted with ${status}`;
  if (r.intent === 'reject-auth' && (status < 400 || status >= 500)) return `not refused: ${status}`;
  if (status >= 500) return `a server error ${status}`;
  if (r.check === 'status_code_conformance' && !spec.documentedStatuses.includes(status))
    return `status ${status} is not one the contract lists (${spec.documentedStatuses.join(', ')})`;
  const judged = spec.judgedResponse(status);
  if (judged?.response.content?.['application/json']?.schema && (r.check === 'response_schema_conformance' || status < 300)) {
    const validate = validatorAt(`${judged.pointer}/content/application~1json/schema`);
    if (!validate(body))
      return `body invalid: ${describeErrors(validate.errors)
        .slice(0, 3)
        .map((e) => `${e.path || '/'} ${e.message}`)
        .join('; ')}`;
  }
  return undefined;
}

/** What failed the run: what `replay` re-sends and the Markdown summary prints. */
export const failing = (reproductions: Reproduction[] | undefined) => (reproductions ?? []).filter((r) => r.severity === 'breaking');
