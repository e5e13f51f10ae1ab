/** One append waiting for the next group write. */
interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: appends that arrive while a write is being prepared or is in flight are written
 * together in one transaction (one statement on PostgreSQL), in the order they arrived. Each
 * caller's promise still resolves only once its own item is durable, so "stored before relayed"
 * holds per update while the cost of a commit (a round trip, a WAL flush, statement overhead) is
 * shared by everything that arrived during the previous one.
 *
 * If a group fails, each of its items is retried alone, so one bad item (a document deleted
 * meanwhile, say) fails only its own caller; when storage itself is down, each fails in turn.
 * `write` must be all-or-nothing for the items it is given.
 */
export interface GroupCommitOptions {
  /** When the first append of a group is taken, how long to wait for more (default: this turn of the event loop). */
  schedule?: (flush: () => void) => void;
}

export class GroupCommit<T> {
  #waiting: Pending<T>[] = [];
  #scheduled = false;
  #writing = false;
  #idle: (() => void)[] = [];
  readonly #schedule: (flush: () => void) => void;

  constructor(
    private readonly write: (items: T[]) => Promise<void> | void,
    options: GroupCommitOptions = {},
  ) {
    this.#schedule = options.schedule ?? setImmediate;
  }

  /** Queues `item`; resolves once it is written, rejects if its write failed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      // During a write, what arrives is written as soon as it ends.
      if (this.#writing) return;
      if (!this.#scheduled) {
        this.#scheduled = true;
        this.#schedule(this.#flushScheduled);
      }
    });
  }

  /** Items queued and not yet written. */
  get size(): number {
    return this.#waiting.length;
  }

  /** Resolves once everything queued so far has been written or has failed. */
  settled(): Promise<void> {
    if (!this.#writing && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #flushScheduled = (): void => {
    this.#scheduled = false;
    if (!this.#writing && this.#waiting.length > 0) void this.#flush();
  };

  async #flush(): Promise<void> {
    const group = this.#waiting;
    this.#waiting = [];
    this.#writing = true;
    try {
      await this.#writeGroup(group);
    } finally {
      this.#writing = false;
      // What arrived during the write has waited long enough: write it now.
      if (this.#waiting.length > 0) void this.#flush();
      else for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  async #writeGroup(group: Pending<T>[]): Promise<void> {
    try {
      await this.write(group.map((p) => p.item));
      for (const p of group) p.resolve();
      return;
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
    }
    for (const p of group) {
      try {
        await this.write([p.item]);
        p.resolve();
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
