/**
 * Preloaded (`node --import tsx --import ./scripts/lib/exit-with-parent.ts …`) by the long-running npm scripts
 * (start, mock, sandbox, proxy): when the process that started this one goes away, this one gets a SIGTERM, as if
 * the parent had passed it on, so its own handler stops the server and frees the port.
 *
 * Why: `kill <npm pid>` (what a script or CI does) reaches npm, which forwards the SIGTERM to the `sh -c` running the
 * script; sh (dash) dies of it without passing it on, and everything under it lives on, orphaned, holding the port.
 * (Ctrl-C works because the terminal signals the whole process group.) An orphan's parent id changes, to 1 or a
 * subreaper: that is what is polled.
 */
const POLL_MS = 250;
const parent = process.ppid;

const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch); // once: a second SIGTERM would cut the handler's clean stop short
  process.kill(process.pid, 'SIGTERM');
}, POLL_MS).unref(); // never what keeps the process alive

export {}; // a module, not a script: its names stay its own
