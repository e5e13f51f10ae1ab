import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { backgroundThreadSource, CHECKPOINT_THREAD_NAME } from './backgroundPriority.ts';

/**
 * What a checkpoint reported: WAL frames in the log and how many of them are in the database (as
 * `PRAGMA wal_checkpoint` counts them, i.e. frames the log held when its last pass began), and
 * whether it is known to have caught up with the writer, so that the next
 * commit starts the WAL over from its beginning (it only checks once the WAL is past a quarter of
 * `walLimitBytes`).
 */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
  caughtUp: boolean;
  /** Whether it had to hold the writer back (the WAL was over `walLimitBytes`). */
  heldWriter: boolean;
}

/** Commits between two checkpoints (each append commit writes about three pages). */
const DEFAULT_COMMITS_PER_CHECKPOINT = 300;
/** Used again on the main connection if the worker is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;
/** PASSIVE passes per checkpoint before giving up on catching the writer this time. */
const PASSES_PER_CHECKPOINT = 8;
/** Past this, a checkpoint that cannot catch up holds the writer back for a moment. */
const DEFAULT_WAL_LIMIT_BYTES = 64 * 2 ** 20;

/**
 * Runs in the worker: its own connection to the same file, checkpointing when asked, at a priority
 * below the event loop's (`backgroundPriority.ts`). Plain JavaScript evaluated as a script, so it
 * needs no TypeScript loader.
 *
 * SQLite starts the WAL over (and reuses its space) only when a commit finds every frame of it in
 * the database. A PASSIVE checkpoint copies the frames that were there when it began; under steady
 * appends, new ones always land while it copies and fsyncs, so it never catches up and the WAL
 * grew by every commit (measured: ~130 MiB in 40 s at 400 appends/s, started over once or never).
 * So once the WAL is past a quarter of its limit, the worker runs PASSIVE passes until one finds
 * nothing new (each copies only what arrived during the previous one, so they get short fast), up
 * to PASSES_PER_CHECKPOINT. (Below that it does not chase: every pass that copies something costs
 * two fsyncs.) Once the WAL is over its limit and a second pass has not caught up, a RESTART
 * checkpoint holds the writer back (the main connection's busy handler waits) while it copies the
 * last frames: a pause of milliseconds, paid only under a writer that never lets up, so that the
 * WAL stays bounded whatever the load.
 */
const WORKER_SOURCE = `${backgroundThreadSource(CHECKPOINT_THREAD_NAME)}
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const frameBytes = db.pragma('page_size', { simple: true }) + 24;
function checkpoint() {
  let [result] = db.pragma('wal_checkpoint(PASSIVE)');
  let passes = 1;
  let caughtUp = false;
  let heldWriter = false;
  const walBytes = () => result.log * frameBytes;
  if (walBytes() <= workerData.walLimitBytes / 4) return { ...result, caughtUp, heldWriter };
  // A second pass always: only it can tell whether the first caught up.
  while (!caughtUp && passes < workerData.passes && (passes < 2 || walBytes() <= workerData.walLimitBytes)) {
    const previous = result;
    [result] = db.pragma('wal_checkpoint(PASSIVE)');
    passes += 1;
    caughtUp = result.busy === 0 && result.log === previous.log && result.checkpointed === result.log;
  }
  if (!caughtUp && walBytes() > workerData.walLimitBytes) {
    [result] = db.pragma('wal_checkpoint(RESTART)');
    heldWriter = true;
    caughtUp = result.busy === 0;
  }
  return { ...result, caughtUp, heldWriter };
}
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ kind: 'checkpointed', result: checkpoint() });
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', message: String((err && err.message) || err) });
  }
});
`;

export interface CheckpointerOptions {
  /** Commits between two checkpoints (default 300). */
  commitsPerCheckpoint?: number;
  /** WAL size past which a checkpoint that cannot catch up holds the writer back (default 64 MiB); past a quarter of it, checkpoints chase the writer. */
  walLimitBytes?: number;
}

interface Waiter {
  resolve: (result: CheckpointResult) => void;
  reject: (err: Error) => void;
}

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
 * connection goes back to automatic checkpoints, so the WAL stays bounded. The worker never keeps
 * the process alive, except while `stop()` waits for it to finish and close its connection.
 */
export class SqliteCheckpointer {
  #worker: Worker | null = null;
  #stopped = false;
  #failed = false;
  #commits = 0;
  /** Checkpoints the worker has completed. */
  checkpoints = 0;
  /**
   * Callers of the checkpoint the worker is running, and of the one that will run after it. A
   * request made while one runs is answered by the next, which starts when this one ends: requests
   * never queue up behind each other (under a writer that never pauses, each checkpoint runs
   * longer than the few hundred commits between requests).
   */
  #running: Waiter[] | null = null;
  #next: Waiter[] | null = null;

  readonly #commitsPerCheckpoint: number;
  readonly #walLimitBytes: number;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly logger: Logger,
    options: CheckpointerOptions = {},
  ) {
    this.#commitsPerCheckpoint = options.commitsPerCheckpoint ?? DEFAULT_COMMITS_PER_CHECKPOINT;
    this.#walLimitBytes = options.walLimitBytes ?? DEFAULT_WAL_LIMIT_BYTES;
    db.pragma('wal_autocheckpoint = 0');
    // When a commit starts the WAL over, a file left larger than this by a burst is cut back to it.
    db.pragma(`journal_size_limit = ${this.#walLimitBytes}`);
  }

  /** Counts a commit on the main connection; every `commitsPerCheckpoint` of them, asks for a checkpoint. */
  noteCommit(): void {
    if (++this.#commits < this.#commitsPerCheckpoint) return;
    this.#commits = 0;
    void this.checkpointNow().catch(() => undefined);
  }

  /**
   * Asks for a checkpoint that starts after every commit made so far: now, or when the one running
   * ends. Resolves with its result; rejects if it failed or the worker is gone.
   */
  checkpointNow(): Promise<CheckpointResult> {
    const worker = this.#ensureWorker();
    if (!worker) return Promise.reject(new Error('the checkpoint worker has stopped'));
    return new Promise((resolve, reject) => {
      const waiter = { resolve, reject };
      if (this.#running) (this.#next ??= []).push(waiter);
      else {
        this.#running = [waiter];
        worker.postMessage('now');
      }
    });
  }

  /** The running checkpoint ended: answers its callers, and starts the next if one was asked for. */
  #settle(outcome: { result: CheckpointResult } | { error: Error }): void {
    const waiters = this.#running ?? [];
    this.#running = this.#next;
    this.#next = null;
    if (this.#running) this.#worker?.postMessage('now');
    for (const waiter of waiters) {
      if ('result' in outcome) waiter.resolve(outcome.result);
      else waiter.reject(outcome.error);
    }
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || this.#stopped || this.#failed) return this.#worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: this.file, passes: PASSES_PER_CHECKPOINT, walLimitBytes: this.#walLimitBytes } });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'failed') {
        this.logger.warn({ detail: message.message }, 'WAL checkpoint failed; will retry');
        return this.#settle({ error: new Error(`WAL checkpoint failed: ${message.message}`) });
      }
      this.checkpoints += 1;
      this.#settle({ result: message.result });
    });
    worker.on('error', (err) => this.logger.error({ err }, 'WAL checkpoint worker failed'));
    worker.on('exit', () => {
      this.#worker = null;
      const gone = new Error('the checkpoint worker has stopped');
      for (const waiter of [...(this.#running ?? []), ...(this.#next ?? [])]) waiter.reject(gone);
      this.#running = this.#next = null;
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
    // The worker is unreferenced so that it never keeps the process alive; while we wait for it
    // to finish what it is doing and close its connection, it must.
    worker.ref();
    worker.postMessage('stop');
    await exited;
  }
}
