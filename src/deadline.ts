/**
 * One attempt's deadline: a signal for fetch, and `race`, which rejects the attempt when it aborts whatever fetch
 * does (Node 20's fetch can lose its signal after a garbage collection, and a custom fetch may ignore it).
 */
// Controllers are recycled: on Node 20 making one costs more than the rest of a call. Bounded, as a fetch may leave a listener.
const maxUses = 64;
const idle: { controller: AbortController; uses: number }[] = [];

export class Deadline {
  /** Whether the deadline (not the caller) aborted the attempt. */
  timedOut = false;
  // private (#) fields: the minifier shortens their names, and they are nobody else's business
  readonly #entry = idle.pop() ?? { controller: new AbortController(), uses: 0 };
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  #stop: ((reason: unknown) => void) | undefined;

  constructor(timeoutMs: number, callerSignal: AbortSignal | undefined) {
    this.#timer = setTimeout(expire, timeoutMs, this); // no closure per attempt
    this.#callerSignal = callerSignal;
    if (callerSignal) callerSignal.addEventListener('abort', (this.#onCallerAbort = () => this.abort()));
  }

  /** Aborts fetch and rejects the raced work. */
  abort(): void {
    this.#entry.controller.abort();
    this.#stop?.(this.signal.reason);
  }

  get signal(): AbortSignal {
    return this.#entry.controller.signal;
  }

  /** Settles like `work`, or rejects as soon as the deadline or the caller aborts (one promise, no Promise.race). */
  race<T>(work: Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => ((this.#stop = reject), work.then(resolve, reject)));
  }

  /** Ends the attempt: stops the timer and recycles the controller when it was not aborted. */
  release(): void {
    clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.#callerSignal!.removeEventListener('abort', this.#onCallerAbort);
    if (!this.signal.aborted && ++this.#entry.uses < maxUses) idle.push(this.#entry);
  }
}

function expire(deadline: Deadline): void {
  deadline.timedOut = true;
  deadline.abort();
}
