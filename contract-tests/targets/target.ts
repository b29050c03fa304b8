/** A server the suite checks, with what the suite needs to call it and what it can (not) do. */
import type { Credentials } from '../tokens.js';

export interface Fixtures {
  caseId: string;
  caseRefId: string;
  taskTemplateId: string;
  /** A user id the target knows (for the `_id`-identified user); without one, those probes are not run. */
  userId?: string;
  /** A case template (`ctm-…`) for createCase; without one, createCase and what needs a created case are not run. */
  caseTemplateId?: string;
  /** Stateful targets: the tag every name the run writes starts with (`contract-run <id>`), to find and close them. */
  runTag?: string;
  /** The status the run's cleanup moves what it created to (KORE_CLOSED_STATUS: an `sts-` id or a name). */
  closedStatus?: { _id: string } | { name: string };
}

export interface Target {
  name: string;
  baseUrl: string;
  streamId: string;
  accountId?: string;
  fixtures: Fixtures;
  credentials: Credentials;
  /** Keeps state (creates real tasks): the semantic checks run only then. */
  stateful: boolean;
  /** Verifies token signatures and expiry (the Prism mock only checks that `auth` is present). */
  verifiesTokens: boolean;
  /** Request headers that make the target answer 429, when it has such a switch. */
  rateLimitSwitch?: Record<string, string>;
  close(): Promise<void>;
}
