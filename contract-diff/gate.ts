/** The verdict: breaking changes pass only when the major version was raised. */
import type { Change } from './changes.js';

export interface Verdict {
  ok: boolean;
  breaking: Change[];
  nonBreaking: Change[];
  baseVersion: string;
  headVersion: string;
  majorRaised: boolean;
  reason: string;
}

/** `1.2.3` → [1, 2, 3]; a pre-release or build suffix is ignored for ordering. */
export function parseVersion(version: string): [number, number, number] {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!m) throw new Error(`"${version}" is not a semantic version (major.minor.patch)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function judge(changes: Change[], baseVersion: string, headVersion: string): Verdict {
  const breaking = changes.filter((c) => c.breaking);
  const nonBreaking = changes.filter((c) => !c.breaking);
  const majorRaised = parseVersion(headVersion)[0] > parseVersion(baseVersion)[0];
  const common = { breaking, nonBreaking, baseVersion, headVersion, majorRaised };
  if (breaking.length == 0) return { ...common, ok: true, reason: 'no breaking change' };
  if (majorRaised) return { ...common, ok: true, reason: `breaking changes allowed: major version raised ${baseVersion} → ${headVersion}` };
  return {
    ...common,
    ok: false,
    reason: `${breaking.length} breaking change(s) without a major version bump (${baseVersion} → ${headVersion})`,
  };
}
