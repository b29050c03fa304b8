/**
 * What the suite must find. Per target: the verdict of every check on a healthy server. Per drift mode of the
 * sandbox: the check that must fail (or, for a harmless drift, warn) and the field its evidence must name.
 */
import type { CheckName, Status } from './types.js';

const allPass = (overrides: Partial<Record<CheckName, Status>> = {}): Record<CheckName, Status> => ({
  status_code_conformance: 'pass',
  content_type_conformance: 'pass',
  response_schema_conformance: 'pass',
  response_header_conformance: 'pass',
  positive_data_acceptance: 'pass',
  negative_data_rejection: 'pass',
  auth: 'pass',
  semantic: 'pass',
  undocumented_fields: 'pass',
  property_based: 'pass',
  client_agreement: 'pass',
  stateful_links: 'pass',
  paging_conformance: 'pass',
  ...overrides,
});

export const expectedVerdicts = {
  // The mock keeps no state: the semantic checks cannot run there.
  mock: allPass({ semantic: 'skip', stateful_links: 'skip', paging_conformance: 'skip' }),
  // The sandbox refuses some values the pages are silent on (its own limits): warnings, listed below.
  sandbox: allPass({ property_based: 'warn' }),
} as const;

/**
 * The fields a healthy target's warnings name, by check (every other check has none). The sandbox keeps names and
 * search texts to 1024 characters, pages to 100 items, and refuses an empty task name: choices the pages are
 * silent on, so their refusal is a warning that shows the value.
 */
export const expectedWarningFields: Record<keyof typeof expectedVerdicts, Partial<Record<CheckName, string[]>>> = {
  mock: {},
  sandbox: {
    property_based: ['createCase name', 'getCases searchText', 'getTasks searchText', 'getTasks skip', 'getTasks limit', 'updateTask name'],
  },
};

/**
 * A live tenant that keeps the contract: every check passes, except that a 429 cannot be provoked without spending
 * the account's real rate limit (its header check may have nothing to judge), the platform may add fields
 * (additive drift is a warning, never a failure) and refuse values the pages are silent on (a warning too).
 */
const alsoAllowedOnLive: Partial<Record<CheckName, Status>> = {
  response_header_conformance: 'skip',
  undocumented_fields: 'warn',
  property_based: 'warn',
};
export function allowedOnLive(check: CheckName): Status[] {
  const also = alsoAllowedOnLive[check];
  return also ? ['pass', also] : ['pass'];
}

/** Cases a check could not run on a healthy target (each reported with its reason); every other check runs them all. */
export const expectedNotRun: Record<keyof typeof expectedVerdicts, Partial<Record<CheckName, string[]>>> = {
  mock: {
    auth: ['createTask: token with a tampered signature', 'createTask: expired token'],
    negative_data_rejection: ['updateCase: unknown caseId', 'updateTask: unknown taskId'],
  },
  sandbox: {},
};

export interface DriftExpectation {
  check: CheckName;
  /** A field (JSON pointer, header or request field) the check's findings must name. */
  field: string;
  breaking: boolean;
}

/**
 * Every drift mode of the sandbox (the list agreed in docs/contract-decisions.md): breaking modes break what the
 * page documents and must fail the suite naming the field; harmless ones differ only where the page is silent
 * (inferred rules) and must pass with a warning naming the field or rule.
 */
export const driftExpectations: Record<string, DriftExpectation> = {
  'missing-required-field': { check: 'response_schema_conformance', field: 'createTask /refId', breaking: true },
  'wrong-type': { check: 'response_schema_conformance', field: 'createTask /timestampValue', breaking: true },
  'nested-wrong-type': { check: 'response_schema_conformance', field: 'createTask /priority/score', breaking: true },
  'missing-nested-field': { check: 'response_schema_conformance', field: 'createTask /createdBy/_id', breaking: true },
  'array-item-wrong-type': { check: 'response_schema_conformance', field: 'createTask /fields/0/required', breaking: true },
  'null-field': { check: 'response_schema_conformance', field: 'createTask /caseRefId', breaking: true },
  'accepts-invalid-input': { check: 'negative_data_rejection', field: 'createTask caseId', breaking: true },
  'auth-not-enforced': { check: 'auth', field: 'auth', breaking: true },
  '5xx-for-variant': { check: 'positive_data_acceptance', field: 'createTask userInfo.emailId', breaking: true },
  'body-not-json': { check: 'response_schema_conformance', field: 'createTask (body)', breaking: true },
  'extra-field': { check: 'undocumented_fields', field: 'createTask /sandboxRevision', breaking: false },
  'extra-nested-field': { check: 'undocumented_fields', field: 'createTask /userInfo/locale', breaking: false },
  'status-201': { check: 'status_code_conformance', field: 'createTask status', breaking: false },
  'validation-422': { check: 'negative_data_rejection', field: 'createTask caseId', breaking: false },
  'error-envelope-changed': { check: 'response_schema_conformance', field: 'createTask /errors', breaking: false },
  'wrong-content-type': { check: 'content_type_conformance', field: 'createTask Content-Type', breaking: false },
  'bad-date-time': { check: 'response_schema_conformance', field: 'createTask /createdAt', breaking: false },
  'enum-changed': { check: 'response_schema_conformance', field: 'createTask /conversationType', breaking: false },
  'ids-other-shape': { check: 'response_schema_conformance', field: 'createTask /_id', breaking: false },
  'error-codes-other': { check: 'auth', field: 'auth', breaking: false },
  'no-retry-after': { check: 'response_header_conformance', field: 'createTask Retry-After', breaking: false },
  'tenant-dialect': { check: 'undocumented_fields', field: 'createTask /sandboxRevision', breaking: false },
  // The five other operations' modes (sandbox/drift/drift.ts, each naming its operation).
  'createCase-missing-refId': { check: 'response_schema_conformance', field: 'createCase /refId', breaking: true },
  'getCases-ignores-filters': { check: 'stateful_links', field: 'getCases searchText', breaking: true },
  'getCases-totalResults-string': { check: 'response_schema_conformance', field: 'getCases /totalResults', breaking: true },
  'updateCase-unknown-id-500': { check: 'negative_data_rejection', field: 'updateCase caseId', breaking: true },
  'getTasks-no-hasMore': { check: 'response_schema_conformance', field: 'getTasks /hasMore', breaking: true },
  // paging_conformance walks skip/limit to hasMore: false; the check's name is cast until the suite declares it
  'getTasks-ignores-skip': { check: 'paging_conformance', field: 'getTasks skip', breaking: true },
  'updateTask-drops-name': { check: 'response_schema_conformance', field: 'updateTask /name', breaking: true },
  'updateTask-ignores-patch': { check: 'stateful_links', field: 'updateTask name', breaking: true },
  'createCase-status-201': { check: 'status_code_conformance', field: 'createCase status', breaking: false },
  'getTasks-extra-page-field': { check: 'undocumented_fields', field: 'getTasks /nextSkip', breaking: false },
  'updateTask-wrong-content-type': { check: 'content_type_conformance', field: 'updateTask Content-Type', breaking: false },
};
