/** Starts the named targets, runs the suite against each (in parallel: they share nothing) and stops them. */
import { runSuite, type RunOptions, type TargetReport } from './runner.js';
import { liveTarget } from './targets/live.js';
import { startMockTarget, type MockTargetOptions } from './targets/mock.js';
import { startSandboxTarget, type SandboxTargetOptions } from './targets/sandbox.js';
import { defaultLimits, limitsFor } from './settings.js';
import { selectionOf } from './selection.js';
import type { OperationId } from './spec.js';
import type { Target } from './targets/target.js';

export const targetNames = ['mock', 'sandbox', 'live'] as const;
export type TargetName = (typeof targetNames)[number];

function startTarget(
  name: TargetName,
  options: MockTargetOptions & SandboxTargetOptions & { operations?: OperationId[]; readOnly?: boolean } = {},
): Promise<Target> {
  if (name === 'mock') return startMockTarget(options);
  if (name === 'sandbox') return startSandboxTarget(options);
  return Promise.resolve(liveTarget(process.env, selectionOf(options.operations, options.readOnly)));
}

export type TargetOptions = RunOptions & MockTargetOptions & SandboxTargetOptions;

export async function runTarget(name: TargetName, options: TargetOptions = {}): Promise<TargetReport> {
  const target = await startTarget(name, options);
  try {
    return await runSuite(target, { ...options, limits: limitsFor(name, options.limits ?? defaultLimits) });
  } finally {
    await target.close();
  }
}

export function runTargets(names: TargetName[], options: TargetOptions = {}): Promise<TargetReport[]> {
  return Promise.all(names.map((name) => runTarget(name, options)));
}
