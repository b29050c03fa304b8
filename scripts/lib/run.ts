import { spawnSync } from 'node:child_process';

/** Runs a command of the toolchain; on failure throws with its output, so the caller can say which step broke. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env },
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output || result.error}`);
  }
  return result.stdout;
}
