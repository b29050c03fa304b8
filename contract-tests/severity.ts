/**
 * How much a finding matters, decided here and nowhere else, from the contract's provenance: breaking a documented
 * or observed rule is breaking; differing from an inferred one, or refusing a silent value, is a warning.
 */
import { valueConstraintKeywords } from '../scripts/lib/openapi-document.js';
import type { Provenance, ProvenanceReader } from './provenance.js';
import { deref, specOf, type Json, type OperationId } from './spec.js';
import type { Severity } from './types.js';
import { writes } from './selection.js';

export type Subject =
  /** A body that violates the schema documented for its status: the keyword that failed, at a JSON pointer. */
  | { about: 'body'; status: number; keyword: string; path: string }
  /** A 2xx body that is not JSON: no client written from the pages can read it. */
  | { about: 'unreadable-success' }
  /** A documented response header missing or invalid. */
  | { about: 'header'; status: number; name: string }
  /** A status the contract does not list for the operation. */
  | { about: 'unlisted-status'; status: number }
  /** A body the client sent that the contract refuses (keyword of the request schema that failed). */
  | { about: 'request-body'; keyword: string }
  /**
   * An invalid request accepted: the rule it breaks is documented or inferred. Accepted by a read (getCases,
   * getTasks), it stored nothing and breaks no client written from the pages (a lenient filter): a warning.
   */
  | { about: 'invalid-accepted'; rule: Provenance; operation?: OperationId }
  /** A documented rule of behaviour (echo, read back, paging, a valid body accepted), or an inferred one. */
  | { about: 'rule'; rule: Provenance }
  /** A paging finding: breaking where the operation documents its paging input (getTasks' skip/limit). */
  | { about: 'paging'; operation: OperationId }
  /** An id shaped unlike the samples' (ids are opaque). */
  | { about: 'id-shape' }
  /** A value the pages are silent on (empty, very long, unusual characters, extreme numbers) refused. */
  | { about: 'silent-value-refused' }
  /** A property an answer carries that its schema does not declare: additive drift (the contract allows it). */
  | { about: 'undeclared-field' }
  /** No HTTP answer, a redirect (never followed with credentials) or a 5xx to a client's mistake: no client can use it. */
  | { about: 'no-answer' | 'redirect' | 'server-error' };

/** The subjects whose severity depends on the operation's contract (its provenance reader). */
type ContractSubject = Extract<Subject, { about: 'body' | 'header' }>;

const severityOf = (p: Provenance): Severity => (p === 'inferred' ? 'warning' : 'breaking');

export function severity(subject: ContractSubject, provenance: ProvenanceReader): Severity;
export function severity(subject: Exclude<Subject, ContractSubject>): Severity;
export function severity(subject: Subject, provenance: ProvenanceReader): Severity;
export function severity(subject: Subject, provenance?: ProvenanceReader): Severity {
  switch (subject.about) {
    case 'body':
      return severityOf(provenance!.body(subject.status, subject.keyword, subject.path));
    case 'unreadable-success':
    case 'no-answer':
    case 'redirect':
    case 'server-error':
      return 'breaking';
    case 'header':
      return severityOf(provenance!.header(subject.status, subject.name));
    case 'unlisted-status': {
      // Another 2xx, 4xx or 5xx differs from inferred codes; a 3xx or 1xx is no answer a JSON client can use.
      const s = subject.status;
      return s >= 200 && s < 600 && !(s >= 300 && s < 400) ? 'warning' : 'breaking';
    }
    case 'request-body':
      return valueConstraintKeywords.has(subject.keyword) ? 'warning' : 'breaking';
    case 'invalid-accepted':
      return subject.operation && !writes.has(subject.operation) ? 'warning' : severityOf(subject.rule);
    case 'rule':
      return severityOf(subject.rule);
    case 'paging':
      return severityOf(pagingInput(subject.operation));
    case 'id-shape':
    case 'silent-value-refused':
    case 'undeclared-field':
      return 'warning';
  }
}

/** Whether the operation's request documents its paging input (`skip`): getTasks' sample does, getCases' page does not. */
function pagingInput(operation: OperationId): Provenance {
  const declares = (schema: Json): boolean => {
    const s = deref(schema);
    return !!s && (!!s.properties?.skip || (s.allOf ?? []).some(declares));
  };
  return declares(specOf(operation).requestSchema) ? 'documented' : 'inferred';
}
