import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@lcs/shared';
import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';
import { CloseError } from './CloseError.ts';
import type { Connection } from './Connection.ts';
import type { Fanout, FanoutMessage } from './fanout/fanout.ts';
import type { CollabHook } from './hooks/types.ts';
import { encodeAwareness, encodeSyncStep1, encodeUpdate, handleMessage, parseMessage } from './messageHandler.ts';
import { SerialQueue } from './SerialQueue.ts';

export interface SharedDocumentOptions {
  storage: Storage;
  /** Other server processes with the same document open (Redis), or none. */
  fanout: Fanout;
  logger: Logger;
  hooks: readonly CollabHook[];
  compactAfterUpdates: number;
}

type State = 'loading' | 'ready' | 'failed' | 'destroyed';

/**
 * A loaded document: its Y.Doc, awareness, connections and one queue through which everything that
 * touches it passes, in order. Loading is the queue's first task, so messages that arrive before the
 * stored state is in memory wait for it instead of being dropped, and nothing is sent before it.
 */
export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly connections = new Set<Connection>();
  readonly queue = new SerialQueue();
  readonly logger: Logger;
  state: State = 'loading';
  /** Updates appended since the last compaction. */
  #appended = 0;
  #compactionQueued = false;
  /** While the server writes on someone's behalf, relays wait here until the change is stored. */
  #held: Uint8Array[] | null = null;
  /** Sync step 2 carrying the whole document, reused until the document changes. */
  #fullState: Uint8Array | null = null;

  constructor(
    readonly id: string,
    readonly options: SharedDocumentOptions,
  ) {
    this.logger = options.logger;
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.ydoc.on('update', this.#relayUpdate);
    this.awareness.on('update', this.#relayAwareness);
  }

  /**
   * Reads the stored state into the Y.Doc. Called once, as the queue's first task. Subscribes to
   * other processes first, so an update stored elsewhere during the load arrives one way or the other.
   */
  async load(): Promise<void> {
    const started = performance.now();
    await this.options.fanout.subscribe(this.id, (message) => this.#receiveRemote(message));
    const { updates, skipped } = await this.#applyStored('storage');
    this.#appended = updates;
    this.state = 'ready';
    this.logger.debug({ documentId: this.id, updates, skipped, ms: Math.round(performance.now() - started) }, 'document loaded');
  }

  /** Applies everything in storage; Yjs ignores what the Y.Doc already has. */
  async #applyStored(origin: 'storage' | 'resync'): Promise<{ updates: number; skipped: number }> {
    const { snapshot, updates } = await this.options.storage.loadState(this.id);
    let skipped = 0;
    Y.transact(this.ydoc, () => {
      for (const part of snapshot ? [snapshot, ...updates] : updates) {
        try {
          Y.applyUpdate(this.ydoc, part, origin);
        } catch (err) {
          skipped += 1;
          this.logger.error({ err, documentId: this.id }, 'stored update failed to apply; skipped');
        }
      }
    }, origin);
    return { updates: updates.length, skipped };
  }

  /** Catches up from storage after a possible gap in cross-process delivery; relays what was new. */
  resync(): Promise<void> {
    return this.queue.run(async () => {
      if (this.state === 'ready') await this.#applyStored('resync');
    });
  }

  /** An update or presence change from another process: already stored there, so only apply and relay. */
  #receiveRemote(message: FanoutMessage): void {
    void this.queue.run(() => {
      if (this.state !== 'ready') return;
      try {
        if (message.kind === 'update') Y.applyUpdate(this.ydoc, message.payload, 'remote');
        else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, 'remote');
      } catch (err) {
        this.logger.error({ err, documentId: this.id }, 'update from another process failed to apply');
      }
    });
  }

  /** Registers a connection and, once loaded, greets it with the server's sync step 1 and presence. */
  addConnection(conn: Connection): void {
    this.connections.add(conn);
    void this.queue.run(() => {
      if (this.state !== 'ready' || conn.closed) return;
      conn.send(encodeSyncStep1(this.ydoc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) conn.send(encodeAwareness(this.awareness, states));
    });
  }

  /** Removes a connection and the presence it announced. Returns how many connections remain. */
  removeConnection(conn: Connection): number {
    if (this.connections.delete(conn) && conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
    return this.connections.size;
  }

  /** Queues one incoming frame; bad input closes only that connection. */
  receive(conn: Connection, data: Uint8Array): void {
    // Presence touches no storage: once the document is loaded and nothing is waiting, apply it at
    // once instead of queueing it behind an append (cursors stay live while updates commit).
    if (this.state === 'ready' && this.queue.size === 0 && !conn.closed) {
      let message: ReturnType<typeof parseMessage> | undefined;
      try {
        message = parseMessage(data);
      } catch (err) {
        return this.#fail(conn, err);
      }
      if (message.kind === 'awareness') {
        handleMessage(this, conn, message).catch((err: unknown) => this.#fail(conn, err));
        return;
      }
    }
    void this.queue.run(async () => {
      if (conn.closed) return;
      if (this.state !== 'ready') return conn.close(new CloseError('storageError', `document is ${this.state}`));
      try {
        await handleMessage(this, conn, parseMessage(data));
      } catch (err) {
        this.#fail(conn, err);
      }
    });
  }

  #fail(conn: Connection, err: unknown): void {
    if (err instanceof CloseError) return conn.close(err);
    this.logger.error({ err, documentId: this.id }, 'unexpected error handling a message');
    conn.close(new CloseError('badMessage', 'message could not be handled'));
  }

  /**
   * Stores an update durably, then applies it (which relays it to the other connections). If storing
   * fails, nothing is applied: the sender keeps the change and sends it again when it reconnects.
   */
  async applyClientUpdate(update: Uint8Array, origin: Connection): Promise<void> {
    // The empty update every client sends in its first sync step 2 changes nothing: store nothing.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    try {
      await this.options.storage.appendUpdate(this.id, update);
    } catch (err) {
      this.logger.error({ err, documentId: this.id }, 'append to update log failed');
      throw new CloseError('storageError', 'update could not be stored');
    }
    try {
      Y.applyUpdate(this.ydoc, update, origin);
    } catch (err) {
      // Stored but unusable: loading skips such an entry, so the document stays readable.
      throw new CloseError('badUpdate', `update failed to apply: ${(err as Error).message}`);
    }
    this.options.fanout.publish(this.id, { kind: 'update', payload: update });
    this.#appended += 1;
    if (this.#appended >= this.options.compactAfterUpdates) this.#queueCompaction();
    for (const hook of this.options.hooks) {
      if (!hook.onChange) continue;
      try {
        await hook.onChange({ documentId: this.id, update, context: origin.context, storage: this.options.storage });
      } catch (err) {
        this.logger.error({ err, documentId: this.id, hook: hook.name }, 'onChange hook failed');
      }
    }
  }

  /**
   * Makes a change on the server's own authority (e.g. a comment an expert asked for over HTTP):
   * runs `change` in one transaction, stores the resulting update, then relays and publishes it.
   * Nothing reaches a client before it is stored. Runs inside the queue; returns `change`'s result.
   */
  async applyServerChange<T>(change: (ydoc: Y.Doc) => T): Promise<T> {
    if (this.state !== 'ready') throw new Error(`document ${this.id} is ${this.state}`);
    this.#held = [];
    let result: T;
    let updates: Uint8Array[];
    try {
      result = Y.transact(this.ydoc, () => change(this.ydoc), 'server');
    } finally {
      updates = this.#held;
      this.#held = null;
    }
    if (updates.length === 0) return result;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    try {
      await this.options.storage.appendUpdate(this.id, update);
    } catch (err) {
      // The change is in memory only and nobody has seen it: drop this copy of the document so the
      // next load comes from storage without it.
      this.logger.error({ err, documentId: this.id }, 'storing a server change failed; evicting the document');
      this.state = 'failed';
      for (const conn of this.connections) conn.close(new CloseError('storageError', 'document must be reloaded'));
      throw err;
    }
    this.#appended += 1;
    const message = encodeUpdate(update);
    for (const conn of this.connections) conn.send(message);
    this.options.fanout.publish(this.id, { kind: 'update', payload: update });
    return result;
  }

  /** Folds the update log into a snapshot. Failure loses nothing: the log still holds every update. */
  async compact(): Promise<void> {
    if (this.#appended === 0) return;
    const result = await this.options.storage.compact(this.id);
    this.#appended = 0;
    this.logger.debug({ documentId: this.id, ...result }, 'document compacted');
  }

  #queueCompaction(): void {
    if (this.#compactionQueued) return;
    this.#compactionQueued = true;
    void this.queue.run(async () => {
      this.#compactionQueued = false;
      try {
        await this.compact();
      } catch (err) {
        this.logger.error({ err, documentId: this.id }, 'compaction failed; will retry');
      }
    });
  }

  /** The sync step 2 message for a client that has nothing yet (cached between changes). */
  fullStateMessage(): Uint8Array {
    if (!this.#fullState) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.ydoc);
      this.#fullState = encoding.toUint8Array(encoder);
    }
    return this.#fullState;
  }

  #relayUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#fullState = null;
    if (this.#held) {
      this.#held.push(update);
      return;
    }
    if (origin === 'storage') return;
    const message = encodeUpdate(update);
    for (const conn of this.connections) if (conn !== origin) conn.send(message);
  };

  #relayAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const owner = this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
    if (owner) {
      added.forEach((id) => owner.awarenessIds.add(id));
      removed.forEach((id) => owner.awarenessIds.delete(id));
    }
    const changed = [...added, ...updated, ...removed];
    const message = encodeAwareness(this.awareness, changed);
    for (const conn of this.connections) if (conn !== origin) conn.send(message);
    // Presence set here (or removed because a socket here closed) is announced to other processes.
    if (owner || origin === null) {
      this.options.fanout.publish(this.id, { kind: 'awareness', payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed) });
    }
  };

  destroy(): void {
    this.state = 'destroyed';
    this.options.fanout.unsubscribe(this.id).catch((err: unknown) => this.logger.warn({ err, documentId: this.id }, 'unsubscribe failed'));
    this.ydoc.off('update', this.#relayUpdate);
    this.awareness.off('update', this.#relayAwareness);
    this.awareness.destroy();
    this.ydoc.destroy();
  }
}
