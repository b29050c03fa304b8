/**
 * Preloaded by the long-running npm scripts: when the parent goes away this process gets a SIGTERM, because `kill <npm
 * pid>` reaches npm and its `sh -c`, and sh dies without passing it on, leaving the server orphaned on its port.
 */
const POLL_MS = 250;
const parent = process.ppid;

const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch); // once: a second SIGTERM would cut the handler's clean stop short
  process.kill(process.pid, 'SIGTERM');
}, POLL_MS).unref(); // never what keeps the process alive

export {}; // a module, not a script: its names stay its own
