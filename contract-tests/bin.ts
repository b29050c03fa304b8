#!/usr/bin/env node
// First, and the entry's only static import: --overlay must be known before the contract loads, in a bundle too.
import './overlay-flag.js';
/**
 * The installed suite's command (`kore-case-management-contract`): `replay REPORT.json` re-sends a report's failing
 * exchanges; `learn EVIDENCE… --out FILE` proposes an overlay from reports and HAR files; anything else is the suite's command line, where `--base-url URL` stands for KORE_BASE_URL and the
 * target is the live one unless `--target` names another.
 */
const [first, ...rest] = process.argv.slice(2);
if (first === 'replay') {
  const { replayCli } = await import('./replay.js');
  process.exitCode = await replayCli(rest);
} else if (first === 'learn') {
  process.argv.splice(2, 1);
  await import('./learn/cli.js');
} else {
  if (rest.concat(first ?? []).some((a) => a === '--help' || a === '-h'))
    console.log(`installed: kore-case-management-contract [--base-url URL] [options]   (the live target unless --target says otherwise)
           kore-case-management-contract replay REPORT.json [--base-url URL]
           kore-case-management-contract learn EVIDENCE... --out FILE   (an overlay of what the tenant showed)
`);
  process.argv.splice(2, Infinity, ...suiteArguments(process.argv.slice(2)));
  await import('./cli.js');
}

function suiteArguments(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--base-url' || arg.startsWith('--base-url=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value) process.env.KORE_BASE_URL = value; // else the live target names KORE_BASE_URL as missing
    } else out.push(arg);
  }
  const named = out.some((a) => a === '--help' || a === '-h' || a === '--target' || a.startsWith('--target='));
  return named ? out : ['--target', 'live', ...out];
}
