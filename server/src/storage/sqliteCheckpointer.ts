import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { BACKGROUND_PRIORITY_SOURCE } from './backgroundPriority.ts';

/** What one `PRAGMA wal_checkpoint` reported: WAL frames in the log and how many are in the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** Commits between two checkpoints (each append commit writes about three pages). */
const DEFAULT_COMMITS_PER_CHECKPOINT = 300;
/** Used again on the main connection if the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * Runs in the worker: its own connection to the same file, checkpointing when asked, at a priority
 * below the event loop's (`backgroundPriority.ts`). Plain JavaScript evaluated as a script, so it
 * needs no TypeScript loader.
 */
const WORKER_SOURCE = `${BACKGROUND_PRIORITY_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpointed', result });
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', message: String((err && err.message) || err) });
  }
});
`;

type WorkerMessage = { kind: 'checkpointed'; result: CheckpointResult } | { kind: 'failed'; message: string };

/**
 * Takes WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
 * commit crosses the threshold (every ~1,000 pages, i.e. every few hundred appends here): it copies
 * the pages into the database file and fsyncs it, which stalls that commit — and with it every
 * socket of the process — for milliseconds. The main connection turns automatic checkpoints off;
 * after every few hundred commits, a worker thread with a connection of its own runs a PASSIVE
 * checkpoint (which never blocks the writer). The worker starts with the first checkpoint, so a
 * process that writes nothing does not carry it, and nothing runs while nothing is written.
 * Durability is unchanged: a commit is durable once it is in the WAL. If the worker dies, the main
 * connection goes back to automatic checkpoints, so the WAL stays bounded.
 */
export class SqliteCheckpointer {
  #worker: Worker | null = null;
  #stopped = false;
  #failed = false;
  #commits = 0;
  /** Checkpoints the worker has completed. */
  checkpoints = 0;
  readonly #listeners = new Set<(result: CheckpointResult) => void>();

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly logger: Logger,
    private readonly commitsPerCheckpoint = DEFAULT_COMMITS_PER_CHECKPOINT,
  ) {
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Counts a commit on the main connection; every `commitsPerCheckpoint` of them, asks for a checkpoint. */
  noteCommit(): void {
    if (++this.#commits < this.commitsPerCheckpoint) return;
    this.#commits = 0;
    void this.checkpointNow().catch(() => undefined);
  }

  /** Asks for a checkpoint now; resolves with its result. */
  checkpointNow(): Promise<CheckpointResult> {
    const worker = this.#ensureWorker();
    if (!worker) return Promise.reject(new Error('the checkpoint worker has stopped'));
    return new Promise((resolve) => {
      const listener = (result: CheckpointResult) => {
        this.#listeners.delete(listener);
        resolve(result);
      };
      this.#listeners.add(listener);
      worker.postMessage('now');
    });
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || this.#stopped || this.#failed) return this.#worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: this.file } });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'failed') return this.logger.warn({ detail: message.message }, 'WAL checkpoint failed; will retry');
      this.checkpoints += 1;
      for (const listener of this.#listeners) listener(message.result);
    });
    worker.on('error', (err) => this.logger.error({ err }, 'WAL checkpoint worker failed'));
    worker.on('exit', () => {
      this.#worker = null;
      if (this.#stopped || !this.db.open) return;
      this.#failed = true;
      this.logger.error('WAL checkpoint worker exited; checkpointing on the main connection again');
      this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    });
    this.#worker = worker;
    return worker;
  }

  /** Pages after which the main connection would checkpoint itself (0 while the worker does it). */
  get mainConnectionAutocheckpoint(): number {
    return this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  }

  /** The worker thread, once started (for tests: to end it as a crash would). */
  get worker(): Worker | null {
    return this.#worker;
  }

  /** Stops the worker (its connection closes); the caller checkpoints on close itself. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const worker = this.#worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }
}
