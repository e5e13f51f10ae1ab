import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Directory } from '../directory/directory.ts';
import { SqliteDirectory } from '../directory/sqliteDirectory.ts';
import { createLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import { openDatabase } from './sqliteDatabase.ts';
import type { DocumentRow } from './documentRows.ts';
import { toBuffer, toBytes, toDocumentRecord } from './documentRows.ts';
import { GroupCommit } from './groupCommit.ts';
import { SqliteCheckpointer } from './sqliteCheckpointer.ts';
import type { CheckpointerOptions } from './sqliteCheckpointer.ts';
import { MergeWorker } from './mergeWorker.ts';
import type { CompactionResult, DocumentRecord, NewDocument, ReplaceResult, Storage, StoredState } from './storage.ts';
import { nextStamp } from './storage.ts';

/**
 * The embedded default: one SQLite file in WAL mode. WAL with synchronous=NORMAL keeps every
 * committed transaction across a crash of this process (kill -9), which is the guarantee the server
 * needs. Appends are group-committed: those made during one tick (all the frames of one socket
 * read, across documents) are inserted in one transaction, and each resolves once committed.
 * A lone insert is its own transaction, about 2.5x the CPU of an insert inside a shared one.
 * WAL checkpoints run on a worker thread (`SqliteCheckpointer`), not inside a commit.
 */
export class SqliteStorage implements Storage {
  readonly kind = 'sqlite';
  readonly reusesRowNumbers = true;
  readonly #db: Database.Database;
  readonly #stmts;
  readonly directory: Directory;
  readonly #appends: GroupCommit<{ id: string; update: Uint8Array }, number>;
  /** Absent for an in-memory database, which has no WAL. */
  readonly checkpointer: SqliteCheckpointer | null;
  readonly #merger = new MergeWorker();

  constructor(
    readonly file: string,
    options: { logger?: Logger } & CheckpointerOptions = {},
  ) {
    this.#db = openDatabase(file);
    const logger = options.logger ?? createLogger('silent');
    this.checkpointer = file === ':memory:' ? null : new SqliteCheckpointer(this.#db, file, logger, options);
    this.directory = new SqliteDirectory(this.#db);
    const db = this.#db;
    this.#stmts = {
      insertDoc: db.prepare('INSERT INTO documents (id, title, team_id, city, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      getDoc: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      listDocs: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id'),
      touch: db.prepare('UPDATE documents SET updated_at = ? WHERE id = ? AND updated_at < ?'),
      stamp: db.prepare<[string], { updated_at: number }>('SELECT updated_at FROM snapshots WHERE doc_id = ?'),
      snapshotWithStamp: db.prepare<[string], { data: Buffer; updated_at: number }>('SELECT data, updated_at FROM snapshots WHERE doc_id = ?'),
      updates: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE doc_id = ? ORDER BY seq'),
      append: db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare(
        'INSERT INTO snapshots (doc_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
      ),
      deleteUpTo: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq <= ?'),
      // The rows named, as a JSON array: one statement however many there are.
      deleteRows: db.prepare('DELETE FROM updates WHERE doc_id = ? AND seq IN (SELECT value FROM json_each(?))'),
    };
    const insert = ({ id, update }: { id: string; update: Uint8Array }) =>
      Number(this.#stmts.append.run(id, toBuffer(update)).lastInsertRowid);
    const insertAll = db.transaction((items: { id: string; update: Uint8Array }[]) => items.map(insert));
    this.#appends = new GroupCommit(
      (items) => {
        // A lone INSERT is its own transaction: no BEGIN and COMMIT statements to run around it.
        const seqs = items.length === 1 ? [insert(items[0]!)] : insertAll.immediate(items);
        this.checkpointer?.noteCommit();
        return seqs;
      },
      // At the end of the tick, not of the event-loop turn: the frames of one socket read share a
      // commit, and relays are not held back until every other readable socket has been handled
      // (measured twice: waiting for the turn saves 4–5 % CPU but adds ~1.5–2 ms at the 99th
      // percentile, also now that a commit costs about the same for one row as for four).
      { schedule: (flush) => process.nextTick(flush) },
    );
  }

  static inDirectory(dataDir: string, logger?: Logger): SqliteStorage {
    return new SqliteStorage(path.join(dataDir, 'learning-city.sqlite'), { logger });
  }

  async createDocument({ id, title, teamId = null, city = null }: NewDocument): Promise<DocumentRecord> {
    const now = Date.now();
    this.#stmts.insertDoc.run(id, title, teamId, city, now, now);
    return { id, title, teamId, city, createdAt: new Date(now), updatedAt: new Date(now) };
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = this.#stmts.getDoc.get(id);
    return row ? toDocumentRecord(row) : undefined;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.#stmts.listDocs.all().map(toDocumentRecord);
  }

  async touchDocument(id: string, at: Date): Promise<void> {
    this.#stmts.touch.run(at.getTime(), id, at.getTime());
  }

  async loadState(id: string): Promise<StoredState> {
    return this.#db.transaction((): StoredState => {
      const snap = this.#stmts.snapshotWithStamp.get(id);
      const rows = this.#stmts.updates.all(id);
      return {
        snapshot: snap ? toBytes(snap.data) : null,
        updates: rows.map((r) => toBytes(r.data)),
        stamp: snap?.updated_at ?? null,
        seqs: rows.map((r) => r.seq),
      };
    })();
  }

  appendUpdate(id: string, update: Uint8Array): Promise<number> {
    return this.#appends.add({ id, update });
  }

  /**
   * Reads the snapshot and log, merges them on the merge worker (not on the event loop), then in one
   * short transaction writes the new snapshot and deletes exactly the rows it read: rows appended
   * meanwhile have higher sequence numbers and stay. If the snapshot changed meanwhile (another
   * process compacted), nothing is written.
   */
  async compact(id: string): Promise<CompactionResult> {
    const read = this.#db.transaction(() => ({ rows: this.#stmts.updates.all(id), snap: this.#stmts.snapshotWithStamp.get(id) }))();
    const last = read.rows.at(-1);
    if (!last) return { merged: 0, snapshotBytes: read.snap?.data.byteLength ?? 0 };
    const { update } = await this.#merger.merge({ snapshot: read.snap ? toBytes(read.snap.data) : null, updates: read.rows.map((r) => toBytes(r.data)) });
    return this.#db.transaction((): CompactionResult => {
      const now = this.#stmts.snapshotWithStamp.get(id);
      if (now?.updated_at !== read.snap?.updated_at) return { merged: 0, snapshotBytes: now?.data.byteLength ?? 0 };
      this.#stmts.upsertSnapshot.run(id, toBuffer(update), nextStamp(now?.updated_at ?? null));
      this.#stmts.deleteUpTo.run(id, last.seq);
      this.checkpointer?.noteCommit();
      return { merged: read.rows.length, snapshotBytes: update.byteLength };
    }).immediate();
  }

  /**
   * Writes a snapshot from a copy in memory: no read, no merge. The stamp check and the writes are
   * one immediate transaction, so no other compaction can come between them.
   */
  async replaceSnapshot(id: string, state: Uint8Array, base: number | null, seqs: readonly number[]): Promise<ReplaceResult> {
    return this.#db.transaction((): ReplaceResult => {
      const current = this.#stmts.stamp.get(id)?.updated_at ?? null;
      if (current !== base) return { replaced: false, reason: 'stale' };
      const stamp = nextStamp(current);
      this.#stmts.upsertSnapshot.run(id, toBuffer(state), stamp);
      const deleted = seqs.length === 0 ? 0 : this.#stmts.deleteRows.run(id, JSON.stringify(seqs)).changes;
      this.checkpointer?.noteCommit();
      return { replaced: true, stamp, deleted };
    }).immediate();
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.#appends.settled();
    await this.checkpointer?.stop();
    await this.#merger.close();
    if (!this.#db.open) return;
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}
