import type { Compacted } from './fanout/compactedMessage.ts';

/** The known part: the snapshot stamped `stamp` and the log rows `rows`, each marked with the moment its content entered the Y.Doc. */
interface Known {
  stamp: number | null;
  rows: { mark: number; seq: number }[];
  /** Storage last refused to replace `stamp` as stale, and no other process has said what replaced it since. */
  refused: boolean;
}

/** What a compaction from memory replaces: the snapshot and the rows whose content entered the Y.Doc up to its encoding. */
export interface Cut {
  readonly known: Known;
  /** The snapshot the encoding holds, fixed at the encoding: what is learned later must not change what it names. */
  readonly base: number | null;
  readonly mark: number;
}

/**
 * What of storage a document's Y.Doc is known to hold, so that compaction can store the Y.Doc
 * itself as the snapshot in place of exactly that (`SharedDocument.compact`): a snapshot, and the
 * log rows its own appends, its loads and other processes' published updates put in it. Each row
 * is marked with the moment its content entered the Y.Doc (`enter`), so a compaction names only
 * rows its encoding holds. Not known once another process compacted without this copy learning
 * what that replaced, or once storage merged the log itself; known again after a load.
 */
export class HeldStorage {
  #known: Known | null = null;
  /** Counts the times stored content entered the Y.Doc: an append issued, a load, another process's update. */
  #entered = 0;

  /** `reusesRowNumbers`: storage may give a deleted row's number to a new row (SQLite), so rows known by number only are not relied on. */
  constructor(readonly reusesRowNumbers: boolean) {}

  get known(): boolean {
    return this.#known !== null;
  }

  /** Notes that stored content enters the Y.Doc now (in the same synchronous step); returns its mark. */
  enter(): number {
    return ++this.#entered;
  }

  /**
   * Records what a load put in the Y.Doc. A resync that finds the snapshot held adds the rows it
   * read. One that finds another snapshot (another process compacted, and this one did not learn
   * what it replaced) starts over from what it read: the Y.Doc now holds that snapshot and those
   * rows, whatever else it held before. (Rows of this process stored while the read was under way
   * and not in it are then not known to be held: they stay in the log for another compaction.)
   */
  loaded(origin: 'storage' | 'resync', stamp: number | null, seqs: number[]): void {
    const mark = this.enter();
    const known = this.#known;
    if (origin === 'storage' || !known || known.stamp !== stamp) {
      this.#known = { stamp, rows: seqs.map((seq) => ({ mark, seq })), refused: false };
      return;
    }
    const had = new Set(known.rows.map((r) => r.seq));
    for (const seq of seqs) if (!had.has(seq)) known.rows.push({ mark, seq });
  }

  /** This process's append, whose content entered the Y.Doc at `mark`, is stored as row `seq`. */
  stored(mark: number, seq: number): void {
    this.#known?.rows.push({ mark, seq });
  }

  /**
   * The Y.Doc now holds the row another process stored an update in. Known by number only, so not
   * with storage that reuses row numbers: this process could not tell which of the two another's
   * compaction deleted.
   */
  remoteRow(seq: number): void {
    if (this.#known && !this.reusesRowNumbers) this.#known.rows.push({ mark: this.enter(), seq });
  }

  /**
   * Another process replaced the snapshot with its copy and deleted rows. If this copy holds the
   * snapshot it replaced and every row it deleted, it holds everything that snapshot can contain
   * (what that copy held besides is in rows still in the log), so it may go on replacing snapshots
   * itself, now based on the new one. Otherwise this copy may lack something the new snapshot holds
   * (it missed a message, say: a single Redis delivers causally related messages in order): returns
   * true, and the caller reads storage again, as after any gap in delivery.
   */
  learn({ base, stamp, seqs }: Compacted): boolean {
    const known = this.#known;
    if (!known) return false;
    if (this.reusesRowNumbers) {
      this.#known = null;
      return false;
    }
    const had = new Set(known.rows.map((r) => r.seq));
    if (known.stamp !== base || !seqs.every((seq) => had.has(seq))) {
      this.#known = null;
      return true;
    }
    const deleted = new Set(seqs);
    known.stamp = stamp;
    known.rows = known.rows.filter((r) => !deleted.has(r.seq));
    known.refused = false;
    return false;
  }

  /** Storage's own merge changes the snapshot's stamp: what the Y.Doc holds of it is no longer known. */
  forget(): void {
    this.#known = null;
  }

  /** Taken in the same synchronous step as the Y.Doc's encoding; null when what it holds is not known. */
  cut(): Cut | null {
    const known = this.#known;
    return known && { known, base: known.stamp, mark: this.#entered };
  }

  /** The rows whose content the encoding holds. */
  rows(cut: Cut): number[] {
    return cut.known.rows.filter((r) => r.mark <= cut.mark).map((r) => r.seq);
  }

  /**
   * Storage refused to replace the cut's snapshot: another process compacted it, which this copy
   * has learned of meanwhile (then it goes on from the new snapshot next time), may still learn of
   * (it waits one round), or never will (a storage merge says nothing, a message can be lost).
   * Returns true to wait; false once this copy gives up, and storage merges from then on.
   */
  refusedAsStale(cut: Cut): boolean {
    const known = this.#known;
    if (known !== cut.known || known.stamp !== cut.base) return true;
    if (!known.refused) {
      known.refused = true;
      return true;
    }
    this.#known = null;
    return false;
  }

  /** Storage replaced the cut's snapshot and rows with the encoding, now stamped `stamp`. */
  replaced(cut: Cut, stamp: number): void {
    cut.known.stamp = stamp;
    cut.known.rows = cut.known.rows.filter((r) => r.mark > cut.mark);
    cut.known.refused = false;
  }
}
