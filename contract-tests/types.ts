/** The vocabulary of the suite: what a check returns and what a recorded HTTP exchange holds. */
import type { OperationId } from './spec.js';

export type Status = 'pass' | 'fail' | 'warn' | 'skip';

export const checkNames = [
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'response_header_conformance',
  'positive_data_acceptance',
  'negative_data_rejection',
  'auth',
  'semantic',
  'undocumented_fields',
  'property_based',
  'client_agreement',
  'stateful_links',
  'paging_conformance',
] as const;
export type CheckName = (typeof checkNames)[number];

/**
 * How much a finding matters (docs/contract-decisions.md, provenance): `breaking` breaks what the platform's page
 * documents (exit 1); `warning` differs only from a rule we inferred (exit 0, listed; `--strict` fails on it).
 */
export type Severity = 'breaking' | 'warning';

/** One finding as data, for machines (the JSON report). */
export interface FindingData {
  check: CheckName;
  /** The operation it is about, when the check knows it. */
  operation?: OperationId;
  /** The probe and channel of the exchange it is about, when it is about one. */
  probe?: string;
  channel?: Channel;
  /** The field: a JSON pointer, a header or a request field, prefixed with its operation (`createTask /refId`). */
  pointer?: string;
  /** The same as `pointer`, for consumers that read it under this name. */
  field?: string;
  severity: Severity;
  /** What was found. */
  message: string;
  /** The finding as the human report says it (`<probe> [channel]: <message>`). */
  line: string;
}

/**
 * One check's verdict on one target (Schemathesis style). `fail` is a breaking violation, `warn` means only
 * warnings were found (never a failure unless strict), `skip` means the check did not run: never counted as a pass.
 */
export interface Verdict {
  check: CheckName;
  status: Status;
  /** The breaking findings (one line each, with its field) when it failed; otherwise what was verified, or why it was skipped. */
  evidence: string[];
  /** The fields (JSON pointers, header names or request fields) the breaking findings are about. */
  fields: string[];
  /** Differences from inferred rules, one line each: listed apart from failures, even when the check also failed. */
  warnings: string[];
  /** The fields the warnings are about. */
  warningFields: string[];
  /** Cases of this check that did not run on this target, each with the reason. */
  notRun: string[];
  /** The exchanges of the findings, each with a curl (the token as $KORE_JWT); `replay` re-sends the breaking ones. */
  reproduce?: Reproduction[];
  /** Every finding (breaking and warning) as data. */
  findings: FindingData[];
}

/** What a probe expects of the target. */
export type Intent = 'accept' | 'reject-invalid' | 'reject-auth' | 'rate-limited';
/** How the request was sent: the SDK, the openapi-generator client, or raw fetch (for what typed clients refuse). */
export type Channel = 'sdk' | 'openapi-generator' | 'fetch';

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text, cut to what reports need (bodies over the run's cap are not read past it: see `overCap`). */
  text: string;
  /** Set when the body was longer than the cap: "body over N bytes" (the rest was never read). */
  overCap?: string;
  /** The parsed body; `undefined` when the body is not JSON (see `jsonError`). */
  json?: unknown;
  jsonError?: string;
}

/** One request of the suite and what came back. Tokens are never recorded, only described. */
export interface Exchange {
  /** The operation called (the contract's operationId). */
  operation: OperationId;
  probe: string;
  intent: Intent;
  /** The request field (or header) the probe is about, e.g. `caseId` or `auth`. */
  field?: string;
  /** For an invalid probe: whether the page states the rule it breaks (default) or we inferred it (e.g. 415). */
  rule?: 'documented' | 'inferred';
  via: Channel;
  request: { method: string; path: string; headers: Record<string, string>; body?: string };
  response?: RecordedResponse;
  /** No HTTP answer (connection error), or the client refused to send (its validation). */
  error?: string;
  /** What the typed client made of an answer it received, when it raised (e.g. the SDK's ResponseValidationError). */
  clientError?: string;
}

/** A failing exchange as a user re-runs it without the suite (built by reproduce.ts). */
export interface Reproduction {
  check: CheckName;
  operation: OperationId;
  probe: string;
  intent: Intent;
  via: Exchange['via'];
  /** As sent; the `auth` header holds what kind of token went (`valid token`, `expired token`, `none` …). */
  request: Exchange['request'];
  /** The status that failed, or why there was none. */
  answered: number | string;
  /** Whether the run failed on it (`breaking`), or only warned (a failure under --strict). */
  severity: Severity;
  curl?: string;
}
