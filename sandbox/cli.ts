#!/usr/bin/env node
/** The sandbox's command: `mint` prints a token for its dev app (mint.ts); anything else starts the sandbox (serve.ts). */
export {};
if (process.argv[2] === 'mint') {
  process.argv.splice(2, 1);
  await import('./mint.js');
} else await import('./serve.js');
