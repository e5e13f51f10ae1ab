/** One append waiting for the next group write. */
interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
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
 * `write` must be all-or-nothing for the items it is given. It may return one result per item, in
 * the items' order (a row's sequence number, say): each caller's promise resolves with its own.
 */
export interface GroupCommitOptions {
  /** When the first append of a group is taken, how long to wait for more (default: this turn of the event loop). */
  schedule?: (flush: () => void) => void;
}

export class GroupCommit<T, R = void> {
  #waiting: Pending<T, R>[] = [];
  #scheduled = false;
  #writing = false;
  #idle: (() => void)[] = [];
  readonly #schedule: (flush: () => void) => void;

  constructor(
    private readonly write: (items: T[]) => Promise<readonly R[] | void> | readonly R[] | void,
    options: GroupCommitOptions = {},
  ) {
    this.#schedule = options.schedule ?? setImmediate;
  }

  /** Queues `item`; resolves (with its result) once it is written, rejects if its write failed. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
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

  async #writeGroup(group: Pending<T, R>[]): Promise<void> {
    let results: readonly R[] | void;
    try {
      results = await this.write(group.map((p) => p.item));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const p of group) {
        try {
          settle([p], await this.write([p.item]));
        } catch (err) {
          p.reject(err);
        }
      }
      return;
    }
    settle(group, results);
  }
}

/**
 * Resolves each caller with its own result. Results that do not match the items are a bug in
 * `write`; the items are written by then, so they are not written again, but every caller hears of it.
 */
function settle<T, R>(group: Pending<T, R>[], results: readonly R[] | void): void {
  if (results && results.length !== group.length) {
    const err = new Error(`group write returned ${results.length} results for ${group.length} items`);
    for (const p of group) p.reject(err);
    return;
  }
  group.forEach((p, i) => p.resolve(results?.[i] as R));
}
