import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from './groupCommit.ts';

/** An update in the journal, numbered in the order it was appended. */
export interface JournalEntry {
  seq: number;
  id: string;
  update: Uint8Array;
}

/**
 * This process's append journal: a small SQLite file in `DATA_DIR` where an update is written
 * before anything about it leaves the process, while it is on its way to the shared PostgreSQL log.
 *
 * Writes are group-committed at the end of the tick, as in the SQLite storage, and cost no round
 * trip: an edit can be relayed to this process's sockets as soon as it is here. The file is written
 * with `synchronous = OFF`: a committed write is in the operating system's hands, so it survives a
 * crash of this process (kill -9) — what "stored" promises — but not of the machine, the same
 * guarantee PostgreSQL gives the appends it commits asynchronously. Entries are forgotten once
 * PostgreSQL has them; whatever is still here when the process starts again is shipped before it
 * serves anyone (`leftover`).
 *
 * One process per journal: the file is locked exclusively for as long as it is open, so a second
 * process given the same `DATA_DIR` fails to start with a message saying so, rather than shipping
 * the first one's entries twice.
 */
export class AppendJournal {
  readonly #db: Database.Database;
  readonly #writes: GroupCommit<JournalEntry>;
  readonly #stmts;
  #nextSeq: number;
  /** Every entry up to this one is forgotten; those forgotten beyond it wait in `#forgottenAhead`. */
  #forgottenUpTo: number;
  readonly #forgottenAhead = new Set<number>();
  #deletedUpTo: number;
  #deleteScheduled = false;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#stmts = {
      insert: db.prepare('INSERT INTO journal (seq, doc_id, data) VALUES (?, ?, ?)'),
      deleteUpTo: db.prepare('DELETE FROM journal WHERE seq <= ?'),
      all: db.prepare<[], { seq: number; doc_id: string; data: Buffer }>('SELECT seq, doc_id, data FROM journal ORDER BY seq'),
    };
    const left = db.prepare<[], { seq: number }>('SELECT seq FROM journal ORDER BY seq').all().map((r) => r.seq);
    this.#nextSeq = (left.at(-1) ?? 0) + 1;
    this.#forgottenUpTo = this.#deletedUpTo = (left[0] ?? this.#nextSeq) - 1;
    // Numbers missing between the entries left (writes that failed) count as forgotten.
    for (let i = 1; i < left.length; i++) for (let seq = left[i - 1]! + 1; seq < left[i]!; seq++) this.#forgottenAhead.add(seq);
    const insert = (e: JournalEntry) => this.#stmts.insert.run(e.seq, e.id, Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength));
    const insertAll = db.transaction((entries: JournalEntry[]) => entries.forEach(insert));
    this.#writes = new GroupCommit(
      (entries) => {
        if (entries.length === 1) insert(entries[0]!);
        else insertAll.immediate(entries);
      },
      { schedule: (flush) => process.nextTick(flush) },
    );
  }

  /**
   * Opens (creating if needed) the journal at `file` and locks it. A file that is not a readable
   * journal (after a crash of the machine, say) is moved aside and reported through `onUnreadable`;
   * its updates come back when the clients that hold them reconnect.
   */
  static open(file: string, onUnreadable?: (movedTo: string, err: Error) => void): AppendJournal {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      return new AppendJournal(openLocked(file));
    } catch (err) {
      if (!isUnreadable(err)) throw err;
      const movedTo = `${file}.unreadable-${Date.now()}`;
      fs.renameSync(file, movedTo);
      for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      onUnreadable?.(movedTo, err as Error);
      return new AppendJournal(openLocked(file));
    }
  }

  /** Entries not yet forgotten (left by an earlier run of this process, if called at start), oldest first. */
  entries(): JournalEntry[] {
    return this.#stmts.all.all().map((r) => ({ seq: r.seq, id: r.doc_id, update: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength) }));
  }

  /** Writes `update` for document `id`; `written` resolves once it would survive a crash of this process. */
  append(id: string, update: Uint8Array): { seq: number; written: Promise<void> } {
    const seq = this.#nextSeq++;
    const written = this.#writes.add({ seq, id, update });
    // An entry that could not be written is not in the file: nothing will forget it otherwise.
    written.then(undefined, () => this.forget(seq));
    return { seq, written };
  }

  /** Drops an entry the shared store now has (or will never take); deleted from the file shortly after. */
  forget(seq: number): void {
    if (seq !== this.#forgottenUpTo + 1) {
      this.#forgottenAhead.add(seq);
      return;
    }
    this.#forgottenUpTo = seq;
    while (this.#forgottenAhead.delete(this.#forgottenUpTo + 1)) this.#forgottenUpTo += 1;
    if (this.#deleteScheduled) return;
    this.#deleteScheduled = true;
    setImmediate(this.#deleteForgotten);
  }

  #deleteForgotten = (): void => {
    this.#deleteScheduled = false;
    if (!this.#db.open || this.#forgottenUpTo <= this.#deletedUpTo) return;
    this.#stmts.deleteUpTo.run(this.#forgottenUpTo);
    this.#deletedUpTo = this.#forgottenUpTo;
  };

  /** Entries written and not yet forgotten. */
  get size(): number {
    return this.#nextSeq - 1 - this.#forgottenUpTo - this.#forgottenAhead.size;
  }

  /** Waits for pending writes, deletes what was forgotten, and releases the file. */
  async close(): Promise<void> {
    await this.#writes.settled();
    this.#deleteForgotten();
    this.#db.close();
  }
}

function openLocked(file: string): Database.Database {
  const db = new Database(file, { timeout: 1_000 });
  try {
    // Exclusive locking: the lock taken by the first write below is held until close (and the
    // WAL index lives in this process's memory, not in a shared file).
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.exec('CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, data BLOB NOT NULL)');
    db.exec('BEGIN IMMEDIATE; COMMIT');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`the append journal ${file} is in use by another server process: give each process its own DATA_DIR`, { cause: err });
    }
    throw err;
  }
}

function isUnreadable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
