/** Something to do once every append issued before it has been stored. */
interface Deferred {
  after: number;
  run: () => void;
}

/**
 * A document's outbox: holds back outgoing work (relays, replies, publishes) until the appends
 * issued before it are stored, then runs it in the order it was produced.
 *
 * Appends are numbered as they are issued (`issue`) and may be stored out of order (`stored`);
 * work queued with `run` waits until every append issued before it is stored, and runs after the
 * work queued before it, so the order in which the document produced frames is the order in which
 * they leave.
 */
export class Outbox {
  #issued = 0;
  /** Appends stored, from the first, with no gap. */
  #storedUpTo = 0;
  /** Appends stored ahead of an earlier one still in flight. */
  readonly #ahead = new Set<number>();
  #waiting: Deferred[] = [];
  #drainWaiters: { after: number; resolve: () => void }[] = [];
  #abandoned = false;

  /** How many appends have been issued. */
  get issued(): number {
    return this.#issued;
  }

  /** How many appends, from the first, are stored with no gap. */
  get storedThrough(): number {
    return this.#storedUpTo;
  }

  /** Numbers the next append. */
  issue(): number {
    return ++this.#issued;
  }

  /** Records that append `seq` is stored, and runs the work that waited for it and the ones before. */
  stored(seq: number): void {
    if (seq !== this.#storedUpTo + 1) {
      this.#ahead.add(seq);
      return;
    }
    this.#storedUpTo = seq;
    while (this.#ahead.delete(this.#storedUpTo + 1)) this.#storedUpTo += 1;
    let released = 0;
    while (released < this.#waiting.length && this.#waiting[released]!.after <= this.#storedUpTo) this.#waiting[released++]!.run();
    if (released > 0) this.#waiting.splice(0, released);
    if (this.#drainWaiters.length > 0) this.#wake(false);
  }

  /** True when nothing waits: work given to `run` now runs at once. */
  get clear(): boolean {
    return this.#waiting.length === 0 && this.#storedUpTo === this.#issued;
  }

  /** Runs `run` now if nothing waits, else once every append issued so far is stored, after what was queued before it. */
  run(run: () => void): void {
    if (this.#abandoned) return;
    if (this.clear) run();
    else this.#waiting.push({ after: this.#issued, run });
  }

  /** Resolves once every append issued so far is stored and what waited for it has run (or the outbox was abandoned). */
  drained(): Promise<void> {
    if (this.#storedUpTo === this.#issued || this.#abandoned) return Promise.resolve();
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
      if (!all && w.after > this.#storedUpTo) return true;
      w.resolve();
      return false;
    });
  }
}
