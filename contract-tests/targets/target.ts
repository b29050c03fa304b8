/** A server the suite checks, with what the suite needs to call it and what it can (not) do. */
import type { Credentials } from '../tokens.js';

export interface Fixtures {
  caseId: string;
  caseRefId: string;
  taskTemplateId: string;
  /** A user id the target knows (for the `_id`-identified user); without one, those probes are not run. */
  userId?: string;
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
  /** Probes not sent to this target, each with the reason (reported as not run, never as passed). */
  exemptProbes?: Record<string, string>;
  close(): Promise<void>;
}
