import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { backgroundThreadSource, MERGE_THREAD_NAME } from './backgroundPriority.ts';
import { mergeStoredState } from './mergeState.ts';
import type { StoredParts } from './storage.ts';

type Reply = { id: number; update: Uint8Array; skipped: number } | { id: number; error: string };

/**
 * The worker: `mergeStoredState` in plain JavaScript evaluated as a script (no TypeScript loader in
 * a worker), on the same Yjs build, at a priority below the event loop's (`backgroundPriority.ts`).
 * `mergeWorker.test.ts` checks both give byte-identical results.
 */
const WORKER_SOURCE = `${backgroundThreadSource(MERGE_THREAD_NAME)}
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, snapshot, updates }) => {
  const doc = new Y.Doc();
  try {
    let skipped = 0;
    Y.transact(doc, () => {
      for (const part of snapshot ? [snapshot, ...updates] : updates) {
        try {
          Y.applyUpdate(doc, part);
        } catch {
          skipped += 1;
        }
      }
    });
    const update = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, update, skipped }, [update.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.message) || err) });
  } finally {
    doc.destroy();
  }
});
`;

/**
 * Folds a document's snapshot and update log into one update on a worker thread. Compaction
 * re-applies hundreds of updates into a fresh Y.Doc — milliseconds of CPU that, on the main
 * thread, would stall every socket of the process (it was the largest latency tail while
 * editing). If the worker cannot run, the merge happens on the calling thread as before.
 */
export class MergeWorker {
  /** Started with the first merge; null once it cannot run (merges then happen on the caller's thread). */
  #worker: Worker | null | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (r: { update: Uint8Array; skipped: number }) => void; reject: (err: Error) => void }>();

  #start(): Worker | null {
    if (this.#worker !== undefined) return this.#worker;
    let worker: Worker;
    try {
      const yjs = createRequire(import.meta.url).resolve('yjs');
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yjs } });
    } catch {
      return (this.#worker = null);
    }
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ update: reply.update, skipped: reply.skipped });
    });
    const gone = (err?: Error) => {
      this.#worker = null;
      for (const waiting of this.#pending.values()) waiting.reject(err ?? new Error('merge worker stopped'));
      this.#pending.clear();
    };
    worker.on('error', gone);
    worker.on('exit', () => gone());
    return (this.#worker = worker);
  }

  /** Whether the worker is running (it starts with the first merge). */
  get offThread(): boolean {
    return this.#worker != null;
  }

  merge(state: StoredParts): Promise<{ update: Uint8Array; skipped: number }> {
    const worker = this.#start();
    if (!worker) return Promise.resolve(mergeStoredState(state));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, snapshot: state.snapshot, updates: state.updates });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }
}
