import pg from 'pg';
import type { Directory } from '../directory/directory.ts';
import { PostgresDirectory } from '../directory/postgresDirectory.ts';
import type { DocumentRow } from './documentRows.ts';
import { toBuffer, toBytes, toDocumentRecord } from './documentRows.ts';
import { GroupCommit } from './groupCommit.ts';
import { MergeWorker } from './mergeWorker.ts';
import { appendRows, PREPARE_APPEND } from './postgresAppend.ts';
import { inTransaction, openPostgres } from './postgresDatabase.ts';
import type { CompactionResult, DocumentRecord, NewDocument, ReplaceResult, Storage, StoredState } from './storage.ts';
import { nextStamp } from './storage.ts';

/**
 * PostgreSQL storage for several server processes. Appends are group-committed: while one group is
 * in flight, the appends that arrive (for any document) wait and then go in together, in one
 * transaction and one round trip (`postgresAppend.ts`); each caller resolves once its row is committed.
 *
 * The append connection commits asynchronously (`synchronous_commit = off`): a commit is
 * acknowledged once it is in PostgreSQL's WAL buffers, without waiting for the WAL flush, which is
 * the same guarantee SQLite gives in WAL mode with synchronous=NORMAL: it survives a crash of this
 * process, and only a crash of the database server (or the machine) can lose the last fraction of a
 * second. That case is caught: when the append connection breaks, `onAppendsMayBeLost` listeners
 * run and the documents in memory are reloaded (their clients resend what storage lacks). Every
 * other write (directory, compaction) commits synchronously, which also flushes earlier appends.
 * Compaction (a merge, or a copy in memory replacing the snapshot) takes a per-document advisory
 * lock, so only one process compacts a document at a time, and deletes exactly the rows it merged
 * or the copy held (by seq), so appends committed meanwhile by any process survive even if their
 * sequence numbers are lower than the last one it read.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  readonly reusesRowNumbers = false;
  readonly directory: Directory;
  readonly #appends = new GroupCommit<{ id: string; update: Uint8Array }, number>((items) => this.#insertUpdates(items));
  /**
   * Appends have a connection of their own, kept between groups: group commit sends one statement
   * at a time, so checking a connection out of the pool for each would only add work.
   */
  #appendClient: Promise<pg.PoolClient> | null = null;
  readonly #merger = new MergeWorker();
  readonly #lossListeners = new Set<(reason: Error) => void>();

  private constructor(private readonly pool: pg.Pool) {
    this.directory = new PostgresDirectory(pool);
  }

  /** Opens the pool and migrates; `onIdleError` hears about idle connections the server cut. */
  static async open(connectionString: string, onIdleError?: (err: Error) => void): Promise<PostgresStorage> {
    return new PostgresStorage(await openPostgres(connectionString, onIdleError));
  }

  async createDocument({ id, title, teamId = null, city = null }: NewDocument): Promise<DocumentRecord> {
    const now = Date.now();
    await this.pool.query('INSERT INTO documents (id, title, team_id, city, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)', [id, title, teamId, city, now]);
    return { id, title, teamId, city, createdAt: new Date(now), updatedAt: new Date(now) };
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    const { rows } = await this.pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
    return rows[0] ? toDocumentRecord(rows[0]) : undefined;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    const { rows } = await this.pool.query<DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id');
    return rows.map(toDocumentRecord);
  }

  async touchDocument(id: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE documents SET updated_at = $2 WHERE id = $1 AND updated_at < $2', [id, at.getTime()]);
  }

  async loadState(id: string): Promise<StoredState> {
    // REPEATABLE READ: the snapshot and the log are read from one consistent view.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await client.query<{ data: Buffer; updated_at: number }>('SELECT data, updated_at FROM snapshots WHERE doc_id = $1', [id]);
      const log = await client.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE doc_id = $1 ORDER BY seq', [id]);
      await client.query('COMMIT');
      const first = snap.rows[0];
      return {
        snapshot: first ? toBytes(first.data) : null,
        updates: log.rows.map((r) => toBytes(r.data)),
        stamp: first?.updated_at ?? null,
        seqs: log.rows.map((r) => r.seq),
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  appendUpdate(id: string, update: Uint8Array): Promise<number> {
    return this.#appends.add({ id, update });
  }

  onAppendsMayBeLost(listener: (reason: Error) => void): void {
    this.#lossListeners.add(listener);
  }

  async #connectForAppends(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    // A checked-out client has no listener of the pool's: without this, a connection the server cuts
    // (restart, crash, pg_terminate_backend) would be an unhandled 'error' and end the process.
    client.on('error', (err) => this.#appendConnectionLost(client, err));
    try {
      await client.query(`SET synchronous_commit = off; SET application_name = 'lcs-appends'; ${PREPARE_APPEND}`);
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    return client;
  }

  /** Once per connection: it is not used again, and what it committed lately may be gone. */
  #appendConnectionLost(client: pg.PoolClient, err: Error): void {
    if (brokenClients.has(client)) return;
    brokenClients.add(client);
    const reason = new Error(`the append connection to PostgreSQL was lost: ${err.message}`);
    for (const listener of this.#lossListeners) listener(reason);
  }

  /** The connection for appends, replaced if it broke since the last group. */
  async #appendConnection(): Promise<pg.PoolClient> {
    try {
      const client = await (this.#appendClient ??= this.#connectForAppends());
      if (!brokenClients.has(client)) return client;
      this.#dropAppendClient(client, new Error('connection lost'));
      return await (this.#appendClient = this.#connectForAppends());
    } catch (err) {
      this.#appendClient = null;
      throw err;
    }
  }

  #dropAppendClient(client: pg.PoolClient, err: Error): void {
    this.#appendClient = null;
    client.release(err);
  }

  /**
   * Inserts a group in one transaction and one round trip and returns each row's sequence number,
   * in the items' order (they are inserted in that order, so their numbers increase in it).
   */
  async #insertUpdates(items: { id: string; update: Uint8Array }[]): Promise<number[]> {
    const client = await this.#appendConnection();
    try {
      return await appendRows(client, items);
    } catch (err) {
      // A statement error (a missing document, say) leaves the connection usable; any other drops it.
      if (!(err instanceof pg.DatabaseError)) {
        this.#appendConnectionLost(client, err as Error);
        this.#dropAppendClient(client, err as Error);
      }
      throw err;
    }
  }

  async compact(id: string): Promise<CompactionResult> {
    return inTransaction(this.pool, async (client) => {
      const locked = await tryCompactionLock(client, id);
      const current = await client.query<{ data: Buffer; updated_at: number }>('SELECT data, updated_at FROM snapshots WHERE doc_id = $1', [id]);
      const snapshotBytes = current.rows[0]?.data.byteLength ?? 0;
      // Another process is compacting this document right now; its result will include our rows.
      if (!locked) return { merged: 0, snapshotBytes };
      const log = await client.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE doc_id = $1 ORDER BY seq', [id]);
      if (log.rows.length === 0) return { merged: 0, snapshotBytes };
      const { update } = await this.#merger.merge({
        snapshot: current.rows[0] ? toBytes(current.rows[0].data) : null,
        updates: log.rows.map((r) => toBytes(r.data)),
      });
      await this.#writeSnapshot(client, id, update, current.rows[0]?.updated_at ?? null);
      await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [id, log.rows.map((r) => r.seq)]);
      return { merged: log.rows.length, snapshotBytes: update.byteLength };
    });
  }

  async #writeSnapshot(client: pg.PoolClient, id: string, state: Uint8Array, current: number | null): Promise<number> {
    const stamp = nextStamp(current);
    await client.query(
      'INSERT INTO snapshots (doc_id, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (doc_id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at',
      [id, toBuffer(state), stamp],
    );
    return stamp;
  }

  /**
   * Writes a snapshot from a copy in memory, under the same per-document advisory lock as `compact`
   * (a process compacting the document now makes this one `busy`), after checking the stamp.
   */
  async replaceSnapshot(id: string, state: Uint8Array, base: number | null, seqs: readonly number[]): Promise<ReplaceResult> {
    return inTransaction(this.pool, async (client): Promise<ReplaceResult> => {
      if (!(await tryCompactionLock(client, id))) return { replaced: false, reason: 'busy' };
      const current = await client.query<{ updated_at: number }>('SELECT updated_at FROM snapshots WHERE doc_id = $1', [id]);
      const stamp = current.rows[0]?.updated_at ?? null;
      if (stamp !== base) return { replaced: false, reason: 'stale' };
      const written = await this.#writeSnapshot(client, id, state, stamp);
      const deleted = seqs.length === 0 ? 0 : (await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [id, seqs])).rowCount ?? 0;
      return { replaced: true, stamp: written, deleted };
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.#appends.settled();
    const appendClient = this.#appendClient;
    this.#appendClient = null;
    if (appendClient) await appendClient.then((c) => c.release(), () => undefined);
    await this.#merger.close();
    await this.pool.end();
  }
}

/** Takes the per-document compaction lock for the rest of `client`'s transaction, if no other process holds it. */
async function tryCompactionLock(client: pg.PoolClient, id: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [`compact:${id}`]);
  return rows[0]?.ok === true;
}

/** Clients whose connection reported an error; they are not used again. */
const brokenClients = new WeakSet<pg.PoolClient>();
