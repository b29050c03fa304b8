/**
 * `--overlay FILE` must be known before the contract is loaded (spec.ts reads CONTRACT_OVERLAY as it loads), so the
 * command line imports this module first: the flag, when given, wins over the variable.
 */
const at = process.argv.findIndex((a) => a === '--overlay' || a.startsWith('--overlay='));
if (at !== -1) {
  const arg = process.argv[at]!;
  const file = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : process.argv[at + 1];
  if (file && !file.startsWith('--')) process.env.CONTRACT_OVERLAY = file;
}
