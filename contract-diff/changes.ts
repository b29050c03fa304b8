/**
 * What the gate reports: one Change per difference, and the one table that says which kinds break clients.
 * "Side" is who produces the data: a request is written by clients (the server must keep accepting it),
 * a response is read by clients (it must keep fitting what they were promised).
 */
export type Side = 'request' | 'response';

export type ChangeKind =
  | 'operation-removed'
  | 'operation-added'
  | 'operation-id-changed'
  | 'parameter-removed'
  | 'parameter-added'
  | 'parameter-made-required'
  | 'parameter-made-optional'
  | 'request-body-made-required'
  | 'request-body-made-optional'
  | 'media-type-removed'
  | 'media-type-added'
  | 'property-removed'
  | 'property-added'
  | 'required-property-added'
  | 'property-made-required'
  | 'property-made-optional'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'constraint-tightened'
  | 'constraint-loosened'
  | 'constraint-changed'
  | 'inferred-constraint-loosened'
  | 'variant-removed'
  | 'variant-added'
  | 'default-changed'
  | 'status-removed'
  | 'status-added'
  | 'response-header-removed'
  | 'response-header-added'
  | 'security-changed'
  | 'server-removed'
  | 'server-added'
  | 'server-default-changed'
  | 'description-changed'
  | 'example-changed'
  | 'deprecated'
  | 'extension-changed'
  | 'unclassified';

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  /** Where, readable: `POST /tasks › request body › userInfo.emailId`. */
  where: string;
  /** What happened, in a few words. */
  detail: string;
}

type Rule = boolean | Record<Side, boolean>;

/**
 * Breaking or not, per kind (and per side where the side decides). A narrowing is breaking where clients write
 * (the server stops accepting what they send) and safe where they read; a widening is the opposite.
 */
const BREAKING: Record<ChangeKind, Rule> = {
  'operation-removed': true,
  'operation-added': false,
  'operation-id-changed': true, // generated clients name their methods after it
  'parameter-removed': true,
  'parameter-added': false, // a new *required* parameter is reported as parameter-made-required
  'parameter-made-required': true,
  'parameter-made-optional': false,
  'request-body-made-required': true,
  'request-body-made-optional': false,
  'media-type-removed': true,
  'media-type-added': false,
  'property-removed': true, // request: clients were told to send it; response: clients read it
  'property-added': false,
  'required-property-added': { request: true, response: false },
  'property-made-required': { request: true, response: false },
  'property-made-optional': { request: false, response: true },
  'type-narrowed': { request: true, response: false },
  'type-widened': { request: false, response: true },
  'type-changed': true,
  'enum-value-removed': { request: true, response: false },
  'enum-value-added': { request: false, response: true },
  'constraint-tightened': { request: true, response: false },
  'constraint-loosened': { request: false, response: true },
  'constraint-changed': true,
  // A response's value constraint marked `x-provenance: inferred` (an id's shape) was never promised: clients were
  // told to treat the value as opaque, so accepting more breaks no one (docs/contract-decisions.md, "Versions").
  'inferred-constraint-loosened': false,
  'variant-removed': { request: true, response: false },
  'variant-added': { request: false, response: true },
  'default-changed': { request: true, response: false }, // what the server assumes when a field is omitted
  'status-removed': true,
  'status-added': false,
  'response-header-removed': true,
  'response-header-added': false,
  'security-changed': true,
  'server-removed': true,
  'server-added': false,
  'server-default-changed': true,
  'description-changed': false,
  'example-changed': false,
  deprecated: false,
  'extension-changed': false,
  unclassified: true, // fail closed: a change the gate cannot judge needs a human (or a major version)
};

function isBreaking(kind: ChangeKind, side?: Side): boolean {
  const rule = BREAKING[kind];
  if (typeof rule == 'boolean') return rule;
  if (!side) throw new Error(`change kind ${kind} needs a side`);
  return rule[side];
}

/** Collects changes; `where` segments are joined with ` › `. */
export class ChangeLog {
  readonly changes: Change[] = [];

  add(kind: ChangeKind, where: readonly string[], detail: string, side?: Side): void {
    this.changes.push({ kind, breaking: isBreaking(kind, side), where: where.filter(Boolean).join(' › '), detail });
  }
}
