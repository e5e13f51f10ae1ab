import pg from 'pg';
import type { Directory } from '../directory/directory.ts';
import { PostgresDirectory } from '../directory/postgresDirectory.ts';
import type { DocumentRow } from './documentRows.ts';
import { toBytes, toDocumentRecord } from './documentRows.ts';
import { GroupCommit } from './groupCommit.ts';
import { MergeWorker } from './mergeWorker.ts';
import { inTransaction, openPostgres } from './postgresDatabase.ts';
import type { Logger } from '../logger.ts';
import { AppendJournal } from './appendJournal.ts';
import type { AppendReceipt, CompactionResult, DocumentRecord, NewDocument, Storage, StoredState } from './storage.ts';

export interface PostgresStorageOptions {
  /**
   * This process's append journal (`AppendJournal`): with it, an update is stored once it is in
   * the journal and shared once PostgreSQL has it; without it, both once PostgreSQL has it.
   */
  journalFile?: string;
  logger?: Logger;
  /** Hears about idle connections the server cut (they are replaced). */
  onIdleError?: (err: Error) => void;
}

/** How long to wait before shipping an entry again after PostgreSQL could not be reached: doubles from 50 ms up to 2 s. */
const RETRY_FIRST_MS = 50;
const RETRY_MAX_MS = 2_000;

/**
 * PostgreSQL storage for several server processes. Appends are group-committed: while one INSERT is
 * in flight, the appends that arrive (for any document) wait and then go in together as one
 * prepared multi-row INSERT; each caller resolves once its row is committed.
 *
 * The append connection commits asynchronously (`synchronous_commit = off`): a commit is
 * acknowledged once it is in PostgreSQL's WAL buffers, without waiting for the WAL flush, which is
 * the same guarantee SQLite gives in WAL mode with synchronous=NORMAL: it survives a crash of this
 * process, and only a crash of the database server (or the machine) can lose the last fraction of a
 * second. That case is caught: when the append connection breaks, `onAppendsMayBeLost` listeners
 * run and the documents in memory are reloaded (their clients resend what storage lacks). Every
 * other write (directory, compaction) commits synchronously, which also flushes earlier appends.
 * Compaction takes a per-document advisory lock, so only one process compacts a document at a
 * time, and deletes exactly the rows it merged (by seq), so appends committed meanwhile by any
 * process survive even if their sequence numbers are lower than the last one it read.
 */
export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  readonly directory: Directory;
  readonly #appends = new GroupCommit<{ id: string; update: Uint8Array }>((items) => this.#insertUpdates(items));
  /**
   * Appends have a connection of their own, kept between groups: group commit sends one statement
   * at a time, so checking a connection out of the pool for each would only add work.
   */
  #appendClient: Promise<pg.PoolClient> | null = null;
  readonly #merger = new MergeWorker();
  readonly #lossListeners = new Set<(reason: Error) => void>();
  readonly #journal: AppendJournal | null;
  /** Per document, settles once every entry issued so far is shipped; loads and compactions wait for it. */
  readonly #shipping = new Map<string, Promise<void>>();
  #closing = false;
  recoveredDocuments: string[] = [];

  private constructor(
    private readonly pool: pg.Pool,
    journal: AppendJournal | null,
    private readonly logger: Logger | undefined,
  ) {
    this.directory = new PostgresDirectory(pool);
    this.#journal = journal;
  }

  /**
   * Opens the pool, migrates, and opens the journal if there is one; what an earlier run of this
   * process left in it is shipped to PostgreSQL before this resolves.
   */
  static async open(connectionString: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const pool = await openPostgres(connectionString, options.onIdleError);
    let journal: AppendJournal | null = null;
    try {
      if (options.journalFile) {
        journal = AppendJournal.open(options.journalFile, (movedTo, err) =>
          options.logger?.error({ err, movedTo }, 'the append journal could not be read; moved aside (clients resend what it held when they reconnect)'),
        );
      }
      const storage = new PostgresStorage(pool, journal, options.logger);
      await storage.#shipLeftovers();
      return storage;
    } catch (err) {
      await journal?.close();
      await pool.end();
      throw err;
    }
  }

  async #shipLeftovers(): Promise<void> {
    const left = this.#journal?.entries() ?? [];
    if (left.length === 0) return;
    const results = await Promise.allSettled(left.map((entry) => this.#ship(entry)));
    const dropped = results.filter((r) => r.status === 'rejected').length;
    this.recoveredDocuments = [...new Set(left.filter((_, i) => results[i]!.status === 'fulfilled').map((e) => e.id))];
    this.logger?.info({ shipped: left.length - dropped, dropped }, 'shipped the append journal left by the last run to PostgreSQL');
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
    await this.#shipping.get(id);
    // REPEATABLE READ: the snapshot and the log are read from one consistent view.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await client.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE doc_id = $1', [id]);
      const log = await client.query<{ data: Buffer }>('SELECT data FROM updates WHERE doc_id = $1 ORDER BY seq', [id]);
      await client.query('COMMIT');
      return { snapshot: snap.rows[0] ? toBytes(snap.rows[0].data) : null, updates: log.rows.map((r) => toBytes(r.data)) };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  appendUpdate(id: string, update: Uint8Array): AppendReceipt {
    if (!this.#journal) {
      const stored = this.#appends.add({ id, update });
      return { stored, shared: stored };
    }
    const { seq, written } = this.#journal.append(id, update);
    const shared = written.then(() => this.#ship({ seq, id, update }));
    // Settles once this entry and every earlier one of the document has been shipped (or refused).
    const settled: Promise<void> = Promise.allSettled([this.#shipping.get(id), shared]).then(() => this.#shipped(id, settled));
    this.#shipping.set(id, settled);
    return { stored: written, shared };
  }

  #shipped(id: string, settled: Promise<void>): void {
    if (this.#shipping.get(id) === settled) this.#shipping.delete(id);
  }

  /**
   * Appends a journal entry to PostgreSQL (group-committed with the others in flight), then forgets
   * it. While PostgreSQL cannot be reached, tries again with growing pauses: the entry stays in the
   * journal and nothing that waits for it is published. An entry PostgreSQL refuses (its document
   * was deleted, say) is forgotten and its promise rejects, which fails the document as any failed
   * append does. When the storage closes, entries still unshipped stay in the journal for the next start.
   */
  async #ship(entry: { seq: number; id: string; update: Uint8Array }): Promise<void> {
    for (let pause = RETRY_FIRST_MS; ; pause = Math.min(pause * 2, RETRY_MAX_MS)) {
      try {
        await this.#appends.add(entry);
        this.#journal!.forget(entry.seq);
        return;
      } catch (err) {
        if (!isUnreachable(err)) {
          this.#journal!.forget(entry.seq);
          throw err;
        }
        if (this.#closing) throw err;
        this.logger?.warn({ err, documentId: entry.id, retryInMs: pause }, 'PostgreSQL did not take an update from the append journal; trying again');
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
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
      await client.query("SET synchronous_commit = off; SET application_name = 'lcs-appends'");
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

  async #insertUpdates(items: { id: string; update: Uint8Array }[]): Promise<void> {
    const client = await this.#appendConnection();
    try {
      const bytes = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);
      // One row: the update goes as a binary parameter. Several: one statement (arrays travel as
      // text, so bytea is hex-encoded, which only pays off when it saves round trips).
      await client.query(
        items.length === 1
          ? { name: 'append-update', text: 'INSERT INTO updates (doc_id, data) VALUES ($1, $2)', values: [items[0]!.id, bytes(items[0]!.update)] }
          : {
              name: 'append-updates',
              text: 'INSERT INTO updates (doc_id, data) SELECT doc_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_id, data, n) ORDER BY n',
              values: [items.map((i) => i.id), items.map((i) => bytes(i.update))],
            },
      );
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
    await this.#shipping.get(id);
    return inTransaction(this.pool, async (client) => {
      const lock = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [`compact:${id}`]);
      const current = await client.query<{ data: Buffer }>('SELECT data FROM snapshots WHERE doc_id = $1', [id]);
      const snapshotBytes = current.rows[0]?.data.byteLength ?? 0;
      // Another process is compacting this document right now; its result will include our rows.
      if (!lock.rows[0]?.ok) return { merged: 0, snapshotBytes };
      const log = await client.query<{ seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE doc_id = $1 ORDER BY seq', [id]);
      if (log.rows.length === 0) return { merged: 0, snapshotBytes };
      const { update } = await this.#merger.merge({
        snapshot: current.rows[0] ? toBytes(current.rows[0].data) : null,
        updates: log.rows.map((r) => toBytes(r.data)),
      });
      await client.query(
        'INSERT INTO snapshots (doc_id, data, updated_at) VALUES ($1, $2, $3) ON CONFLICT (doc_id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at',
        [id, Buffer.from(update), Date.now()],
      );
      await client.query('DELETE FROM updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [id, log.rows.map((r) => r.seq)]);
      return { merged: log.rows.length, snapshotBytes: update.byteLength };
    });
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#shipping.values());
    await this.#appends.settled();
    await this.#journal?.close();
    const appendClient = this.#appendClient;
    this.#appendClient = null;
    if (appendClient) await appendClient.then((c) => c.release(), () => undefined);
    await this.#merger.close();
    await this.pool.end();
  }
}

/**
 * Errors that say PostgreSQL could not be reached or could not take anything right now (connection
 * lost, shutting down, out of resources), rather than that it refused this row.
 */
function isUnreachable(err: unknown): boolean {
  if (!(err instanceof pg.DatabaseError)) return true;
  return ['08', '53', '57', '58'].includes(err.code?.slice(0, 2) ?? '');
}

/** Clients whose connection reported an error; they are not used again. */
const brokenClients = new WeakSet<pg.PoolClient>();
