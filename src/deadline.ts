/**
 * One attempt's deadline: a signal for fetch that aborts after `timeoutMs` or when the caller's signal aborts.
 * AbortControllers are recycled: on Node 20 making one costs more than the rest of the SDK's work per call
 * (its signal is made transferable), and one whose attempt ended without aborting is as good as new. Each is
 * reused a bounded number of times, because a fetch may leave a listener on the signal until it is collected.
 */
const maxUses = 64;
const idle: { controller: AbortController; uses: number }[] = [];

export interface Deadline {
  signal: AbortSignal;
  /** Whether the deadline (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Ends the attempt: stops the timer and recycles the controller when it was not aborted. */
  release(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const entry = idle.pop() ?? { controller: new AbortController(), uses: 0 };
  const { controller } = entry;
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  const onAbort = () => controller.abort();
  callerSignal?.addEventListener('abort', onAbort);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
      if (!controller.signal.aborted && ++entry.uses < maxUses) idle.push(entry);
    },
  };
}
