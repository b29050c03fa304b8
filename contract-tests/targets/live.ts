/**
 * The `live` target: whatever the KORE_* variables name (README.md, "Variables"; contract-tests/README.md). Nothing is started;
 * the suite creates real cases and tasks there (positive, semantic, property-based and links checks), each named
 * with the run's tag, and closes them at the end (cleanup.ts).
 */
import { rowOf } from '../operations.js';
import { addSecret } from '../redact.js';
import { selectionOf, writes, type Selection } from '../selection.js';
import { bundle, plausibleId, specOf } from '../spec.js';
import type { Credentials } from '../tokens.js';
import { newRunTag } from './run-tag.js';
import type { Target } from './target.js';

/** KORE_CLOSED_STATUS: a status id (`sts-…`) or a status name; unset, the cleanup looks for "Closed" or "Resolved" by name. */
function closedStatusOf(value: string | undefined): { _id: string } | { name: string } | undefined {
  if (!value) return undefined;
  return plausibleId('StatusId', value) ? { _id: value } : { name: value };
}

export const liveVariables = {
  required: ['KORE_BASE_URL', 'KORE_STREAM_ID', 'KORE_CASE_ID', 'KORE_CASE_REF_ID', 'KORE_TASK_TEMPLATE_ID', 'KORE_CASE_TEMPLATE_ID'],
  auth: 'KORE_JWT, or KORE_CLIENT_ID and KORE_CLIENT_SECRET',
  optional: ['KORE_ACCOUNT_ID', 'KORE_USER_ID', 'KORE_JWT_SUB', 'KORE_CLOSED_STATUS'],
} as const;

/**
 * The variables a run needs: the origin, the stream and the fixtures of the operations whose valid bodies it sends
 * (those selected and those it takes path ids from; none for a write in a read-only run, which sends no valid body).
 */
export function neededLiveVariables(selection: Selection = selectionOf(undefined)): string[] {
  const sending = [...selection.selected, ...selection.dependencies].filter((op) => !(selection.readOnly && writes.has(op)));
  const fixtures = new Set(sending.flatMap((op) => rowOf(op).variables ?? []));
  return liveVariables.required.filter((name) => name === 'KORE_BASE_URL' || name === 'KORE_STREAM_ID' || fixtures.has(name));
}

/** The names of the missing variables (never their values); empty when the live target can run. */
export function missingLiveVariables(env: NodeJS.ProcessEnv = process.env, selection?: Selection): string[] {
  const missing: string[] = neededLiveVariables(selection).filter((name) => !env[name]);
  const hasApp = !!env.KORE_CLIENT_ID && !!env.KORE_CLIENT_SECRET;
  if (!env.KORE_JWT && !hasApp) {
    if (env.KORE_CLIENT_ID && !env.KORE_CLIENT_SECRET) missing.push('KORE_CLIENT_SECRET (or KORE_JWT)');
    else if (env.KORE_CLIENT_SECRET && !env.KORE_CLIENT_ID) missing.push('KORE_CLIENT_ID (or KORE_JWT)');
    else missing.push(`KORE_JWT (or KORE_CLIENT_ID + KORE_CLIENT_SECRET)`);
  }
  return missing;
}

/**
 * The contract's schema for each id variable: a malformed id would make every probe fail for the wrong reason.
 * Ids are opaque: only the prefix and the character set are checked, never the samples' digit counts.
 */
const idSchemas: Record<string, string> = {
  KORE_STREAM_ID: 'StreamId',
  KORE_CASE_ID: 'CaseId',
  KORE_CASE_REF_ID: 'CaseRefId',
  KORE_TASK_TEMPLATE_ID: 'TaskTemplateId',
  KORE_CASE_TEMPLATE_ID: 'CaseTemplateId',
  KORE_USER_ID: 'UserId',
  KORE_ACCOUNT_ID: 'AccountId',
};

export const isHttpUrl = (text: string): boolean => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);

/** What is wrong with the variables that are set, by name (never a value: one may be a secret set in the wrong place). */
export function malformedLiveVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (env.KORE_BASE_URL && !isHttpUrl(env.KORE_BASE_URL)) problems.push('KORE_BASE_URL must be an http(s) URL, e.g. https://platform.kore.ai');
  for (const [name, schema] of Object.entries(idSchemas)) {
    const value = env[name];
    if (value && !plausibleId(schema, value)) {
      problems.push(
        `${name} is not a plausible ${schema}: its prefix or characters differ from the contract's (e.g. ${bundle.components.schemas[schema].examples?.[0] ?? 'see the contract'})`,
      );
    }
  }
  return problems;
}

export function liveTarget(env: NodeJS.ProcessEnv = process.env, selection?: Selection): Target {
  const missing = missingLiveVariables(env, selection);
  if (missing.length > 0) throw new Error(`live target: missing ${missing.join(', ')}`);
  const malformed = malformedLiveVariables(env);
  if (malformed.length > 0) throw new Error(`live target: ${malformed.join('; ')}`);
  const credentials: Credentials =
    env.KORE_CLIENT_ID && env.KORE_CLIENT_SECRET
      ? { kind: 'app', clientId: env.KORE_CLIENT_ID, clientSecret: addSecret(env.KORE_CLIENT_SECRET), sub: env.KORE_JWT_SUB }
      : { kind: 'jwt', jwt: addSecret(env.KORE_JWT!) };
  return {
    name: 'live',
    baseUrl: env.KORE_BASE_URL!.replace(/\/+$/, ''),
    streamId: env.KORE_STREAM_ID!,
    accountId: env.KORE_ACCOUNT_ID || undefined,
    // A fixture the run does not need may be unset: the contract's sample stands in, sent at most without a token
    // (a read-only run's refusals) and never in a request that could write.
    fixtures: {
      caseId: env.KORE_CASE_ID || specOf('createTask').sampleRequest.caseId,
      caseRefId: env.KORE_CASE_REF_ID || specOf('createTask').sampleRequest.caseRefId,
      taskTemplateId: env.KORE_TASK_TEMPLATE_ID || specOf('createTask').sampleRequest.taskTmp,
      userId: env.KORE_USER_ID || undefined,
      caseTemplateId: env.KORE_CASE_TEMPLATE_ID || specOf('createCase').sampleRequest.caseTmp,
      runTag: newRunTag(),
      closedStatus: closedStatusOf(env.KORE_CLOSED_STATUS),
    },
    credentials,
    stateful: true,
    verifiesTokens: true,
    close: async () => {},
  };
}
