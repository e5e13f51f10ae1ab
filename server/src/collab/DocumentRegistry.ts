import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';
import { CloseError } from './CloseError.ts';
import type { Connection } from './Connection.ts';
import type { Fanout } from './fanout/fanout.ts';
import type { CollabHook } from './hooks/types.ts';
import { SerialQueue } from './SerialQueue.ts';
import { SharedDocument } from './SharedDocument.ts';

export interface RegistryOptions {
  storage: Storage;
  fanout: Fanout;
  logger: Logger;
  hooks: readonly CollabHook[];
  unloadDelayMs: number;
  compactAfterUpdates: number;
}

/**
 * Loads documents lazily on first connection and unloads them (after compacting) once nobody has
 * been connected for `unloadDelayMs`.
 */
export class DocumentRegistry {
  readonly #docs = new Map<string, SharedDocument>();
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
  /** The process's compactions, one at a time (see `SharedDocument.compact`). */
  readonly #compactions = new SerialQueue();
  #closed = false;

  constructor(readonly options: RegistryOptions) {
    options.storage.onAppendsMayBeLost?.((reason) => {
      if (this.#docs.size > 0) options.logger.warn({ err: reason, documents: this.#docs.size }, 'storage may have lost recent appends: reloading every open document');
      for (const doc of [...this.#docs.values()]) doc.storageLost(reason);
    });
  }

  get loaded(): ReadonlyMap<string, SharedDocument> {
    return this.#docs;
  }

  /** Returns the document, starting its load if it is not in memory. Synchronous, so joins never race. */
  acquire(documentId: string): SharedDocument {
    this.#cancelUnload(documentId);
    const existing = this.#docs.get(documentId);
    if (existing) return existing;
    const doc = new SharedDocument(documentId, { ...this.options, compactions: this.#compactions, onFailed: (failed) => this.evict(failed) });
    this.#docs.set(documentId, doc);
    doc.queue.run(() => doc.load()).catch((err: unknown) => {
      this.options.logger.error({ err, documentId }, 'document failed to load');
      doc.state = 'failed';
      this.#docs.delete(documentId);
      for (const conn of doc.connections) conn.close(new CloseError('storageError', 'document could not be loaded'));
      doc.destroy();
    });
    return doc;
  }

  /**
   * Runs `task` on a document inside its queue (loading it if needed), e.g. to apply a change made
   * over HTTP; a document nobody is connected to is unloaded again after the usual delay.
   */
  async withDocument<T>(documentId: string, task: (doc: SharedDocument) => Promise<T>): Promise<T> {
    const doc = this.acquire(documentId);
    try {
      return await doc.queue.run(() => {
        if (doc.state !== 'ready') throw new Error(`document ${documentId} is ${doc.state}`);
        return task(doc);
      });
    } finally {
      if (doc.state === 'failed') this.evict(doc);
      else if (doc.connections.size === 0 && this.#docs.get(documentId) === doc) this.#scheduleUnload(doc);
    }
  }

  /** Drops a document whose in-memory state can no longer be trusted; the next use reloads it. */
  evict(doc: SharedDocument): void {
    if (this.#docs.get(doc.id) === doc) this.#docs.delete(doc.id);
    this.#cancelUnload(doc.id);
    doc.destroy();
  }

  /** Detaches a closed connection; the last one out schedules the unload. */
  release(doc: SharedDocument, conn: Connection): void {
    const remaining = doc.removeConnection(conn);
    for (const hook of this.options.hooks) {
      Promise.resolve(hook.onDisconnect?.({ documentId: doc.id, context: conn.context, remaining })).catch((err: unknown) =>
        this.options.logger.error({ err, hook: hook.name }, 'onDisconnect hook failed'),
      );
    }
    if (remaining === 0 && this.#docs.get(doc.id) === doc) this.#scheduleUnload(doc);
  }

  #scheduleUnload(doc: SharedDocument): void {
    this.#cancelUnload(doc.id);
    if (this.#closed) return;
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(doc.id);
      void this.unload(doc);
    }, this.options.unloadDelayMs);
    timer.unref();
    this.#unloadTimers.set(doc.id, timer);
  }

  #cancelUnload(documentId: string): void {
    const timer = this.#unloadTimers.get(documentId);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(documentId);
  }

  /** Compacts and drops a document nobody is connected to; a join during compaction keeps it loaded. */
  async unload(doc: SharedDocument): Promise<void> {
    await doc.queue.run(async () => {
      if (doc.connections.size > 0 || doc.state !== 'ready') return;
      // Appends still in flight go into this compaction rather than the next load's log.
      await doc.flushed();
      if (doc.connections.size > 0 || doc.state !== 'ready') return;
      try {
        await doc.compact();
      } catch (err) {
        // Every update is already in the log; compaction simply happens on a later load.
        this.options.logger.error({ err, documentId: doc.id }, 'compaction before unload failed');
      }
      if (doc.connections.size > 0 || this.#docs.get(doc.id) !== doc) return;
      this.#docs.delete(doc.id);
      doc.destroy();
      for (const hook of this.options.hooks) {
        await Promise.resolve(hook.afterUnloadDocument?.({ documentId: doc.id })).catch((err: unknown) =>
          this.options.logger.error({ err, hook: hook.name }, 'afterUnloadDocument hook failed'),
        );
      }
      this.options.logger.debug({ documentId: doc.id }, 'document unloaded');
    });
  }

  /** Shutdown: closes every connection, waits for queued work, compacts and drops every document. */
  async closeAll(reason: CloseError): Promise<void> {
    this.#closed = true;
    for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
    this.#unloadTimers.clear();
    const docs = [...this.#docs.values()];
    for (const doc of docs) for (const conn of doc.connections) conn.close(reason);
    await Promise.all(
      docs.map(async (doc) => {
        for (const conn of [...doc.connections]) doc.removeConnection(conn);
        await this.unload(doc);
      }),
    );
  }
}
