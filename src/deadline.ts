/**
 * One attempt's deadline: a signal for fetch that aborts after `timeoutMs` or when the caller's signal aborts,
 * and `race`, which rejects the attempt at that moment whatever fetch does. Aborting fetch alone is not enough:
 * Node 20's fetch can lose the link between the signal it was given and its request after a garbage collection
 * (nodejs/undici#3644), and a custom fetch may ignore signals.
 * AbortControllers are recycled: on Node 20 making one costs more than the rest of the SDK's work per call
 * (its signal is made transferable), and one whose attempt ended without aborting is as good as new. Each is
 * reused a bounded number of times, because a fetch may leave a listener on the signal until it is collected.
 */
const maxUses = 64;
const idle: { controller: AbortController; uses: number }[] = [];

export interface Deadline {
  signal: AbortSignal;
  /** Settles like `work`, or rejects as soon as the deadline or the caller aborts. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Whether the deadline (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Ends the attempt: stops the timer and recycles the controller when it was not aborted. */
  release(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const entry = idle.pop() ?? { controller: new AbortController(), uses: 0 };
  const { controller } = entry;
  let timedOut = false;
  let stop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const abort = () => (controller.abort(), stop(controller.signal.reason));
  const timer = setTimeout(() => ((timedOut = true), abort()), timeoutMs);
  callerSignal?.addEventListener('abort', abort);
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, stopped]),
    timedOut: () => timedOut,
    release() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', abort);
      if (!controller.signal.aborted && ++entry.uses < maxUses) idle.push(entry);
    },
  };
}
