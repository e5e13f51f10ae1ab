/** Something to do once every append issued before it has passed the gate. */
interface Deferred {
  after: number;
  run: () => void;
}

/**
 * Holds back outgoing work until the appends issued before it have reached a stage of storage
 * (stored, or shared with other processes), then runs it in the order it was produced.
 *
 * Appends are numbered as they are issued (`issue`) and may pass out of order (`pass`); work queued
 * with `run` waits until every append issued before it has passed, and runs after the work queued
 * before it, so the order in which the document produced frames is the order in which they leave.
 */
export class AppendGate {
  #issued = 0;
  /** Appends passed, from the first, with no gap. */
  #passed = 0;
  /** Appends passed ahead of an earlier one still waiting. */
  readonly #ahead = new Set<number>();
  #waiting: Deferred[] = [];
  #drainWaiters: { after: number; resolve: () => void }[] = [];
  #abandoned = false;

  /** Numbers the next append. */
  issue(): number {
    return ++this.#issued;
  }

  /** Records that append `seq` has passed, and runs the work that waited for it and the ones before. */
  pass(seq: number): void {
    if (seq !== this.#passed + 1) {
      this.#ahead.add(seq);
      return;
    }
    this.#passed = seq;
    while (this.#ahead.delete(this.#passed + 1)) this.#passed += 1;
    let released = 0;
    while (released < this.#waiting.length && this.#waiting[released]!.after <= this.#passed) this.#waiting[released++]!.run();
    if (released > 0) this.#waiting.splice(0, released);
    if (this.#drainWaiters.length > 0) this.#wake(false);
  }

  /** True when nothing waits: work given to `run` now runs at once. */
  get clear(): boolean {
    return this.#waiting.length === 0 && this.#passed === this.#issued;
  }

  /** Runs `run` now if nothing waits, else once every append issued so far has passed, after what was queued before it. */
  run(run: () => void): void {
    if (this.#abandoned) return;
    if (this.clear) run();
    else this.#waiting.push({ after: this.#issued, run });
  }

  /** Resolves once every append issued so far has passed and what waited for it has run (or the gate was abandoned). */
  drained(): Promise<void> {
    if (this.#passed === this.#issued || this.#abandoned) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push({ after: this.#issued, resolve }));
  }

  /** Drops the work still waiting, and any given later, and wakes every `drained` caller: the document failed or closed. */
  abandon(): void {
    this.#abandoned = true;
    this.#waiting = [];
    this.#wake(true);
  }

  #wake(all: boolean): void {
    this.#drainWaiters = this.#drainWaiters.filter((w) => {
      if (!all && w.after > this.#passed) return true;
      w.resolve();
      return false;
    });
  }
}
