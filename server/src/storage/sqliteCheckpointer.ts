import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';

/** What one `PRAGMA wal_checkpoint` reported: WAL frames in the log and how many are in the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** How often the worker copies the WAL back into the database. */
const DEFAULT_INTERVAL_MS = 1_000;
/** Used again on the main connection if the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * Runs in the worker: its own connection to the same file, checkpointing on a timer. Plain
 * JavaScript evaluated as a script, so it needs no TypeScript loader.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
function checkpoint(mode) {
  try {
    const [result] = db.pragma('wal_checkpoint(' + mode + ')');
    parentPort.postMessage({ kind: 'checkpointed', result });
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', message: String((err && err.message) || err) });
  }
}
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'now') return checkpoint('PASSIVE');
  if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Takes WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
 * commit crosses the threshold (every ~1,000 pages, i.e. every few hundred appends here): it copies
 * the pages into the database file and fsyncs it, which stalls that commit — and with it every
 * socket of the process — for milliseconds. The main connection turns automatic checkpoints off and
 * this worker thread, with a connection of its own, runs a PASSIVE checkpoint every second (never
 * blocking the writer). Durability is unchanged: a commit is durable once it is in the WAL. If the
 * worker dies, the main connection goes back to automatic checkpoints, so the WAL stays bounded.
 */
export class SqliteCheckpointer {
  readonly #worker: Worker;
  #stopped = false;
  #exited = false;
  /** Last result reported by the worker. */
  last: CheckpointResult | null = null;
  readonly #listeners = new Set<(result: CheckpointResult) => void>();

  constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly logger: Logger,
    intervalMs = DEFAULT_INTERVAL_MS,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
    this.#worker.unref();
    this.#worker.on('message', (message: { kind: 'checkpointed'; result: CheckpointResult } | { kind: 'failed'; message: string }) => {
      if (message.kind === 'failed') return this.logger.warn({ detail: message.message }, 'WAL checkpoint failed; will retry');
      this.last = message.result;
      for (const listener of this.#listeners) listener(message.result);
    });
    this.#worker.on('error', (err) => this.logger.error({ err }, 'WAL checkpoint worker failed'));
    this.#worker.on('exit', () => {
      this.#exited = true;
      if (this.#stopped || !this.db.open) return;
      this.logger.error('WAL checkpoint worker exited; checkpointing on the main connection again');
      this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    });
  }

  /** Asks for a checkpoint now; resolves with its result. */
  checkpointNow(): Promise<CheckpointResult> {
    if (this.#exited) return Promise.reject(new Error('the checkpoint worker has stopped'));
    return new Promise((resolve) => {
      const listener = (result: CheckpointResult) => {
        this.#listeners.delete(listener);
        resolve(result);
      };
      this.#listeners.add(listener);
      this.#worker.postMessage('now');
    });
  }

  /** Stops the worker (its connection closes); the caller checkpoints on close itself. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    if (this.#exited) return;
    const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.postMessage('stop');
    await exited;
  }

  /** Pages after which the main connection would checkpoint itself (0 while the worker does it). */
  get mainConnectionAutocheckpoint(): number {
    return this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  }

  /** For tests: the worker thread, to end it as a crash would. */
  get worker(): Worker {
    return this.#worker;
  }
}
