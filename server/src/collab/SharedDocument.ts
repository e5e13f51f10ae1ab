import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { CompactionResult, Storage } from '../storage/storage.ts';
import { CloseError } from './CloseError.ts';
import { SharedFrame } from './Connection.ts';
import type { Connection } from './Connection.ts';
import { FullStateCache } from './FullStateCache.ts';
import { HeldStorage } from './HeldStorage.ts';
import { decodeCompacted, encodeCompacted } from './fanout/compactedMessage.ts';
import type { Fanout, FanoutMessage } from './fanout/fanout.ts';
import type { CollabHook } from './hooks/types.ts';
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdate, handleMessage, parseMessage } from './messageHandler.ts';
import { Outbox } from './Outbox.ts';
import { Presence, type PresenceChange } from './Presence.ts';
import { SerialQueue } from './SerialQueue.ts';

export interface SharedDocumentOptions {
  storage: Storage;
  /** Other server processes with the same document open (Redis), or none. */
  fanout: Fanout;
  logger: Logger;
  hooks: readonly CollabHook[];
  compactAfterUpdates: number;
  /**
   * Where compactions wait their turn, shared by every document of the process (the registry's),
   * so that documents reaching the threshold together are compacted one after another. Without
   * it, the document has a queue of its own.
   */
  compactions?: SerialQueue;
  /**
   * Largest document (its stored size: snapshot plus updates since) that compaction encodes on the
   * event loop (`SharedDocument.compact`); larger ones are merged by storage off the event loop.
   * Encoding costs ~12 ms per MB of state (measured; 1.5 ms for 120 KB). Default 512 KiB.
   */
  compactInMemoryMaxBytes?: number;
  /** Called once if storing an update fails: the in-memory copy must be dropped and reloaded. */
  onFailed?: (doc: SharedDocument) => void;
}

/** An update a transaction produced, and the frame that carries it. */
interface Observed {
  update: Uint8Array;
  frame: Uint8Array;
}

type State = 'loading' | 'ready' | 'failed' | 'destroyed';

/**
 * A loaded document: its Y.Doc, presence, connections and one queue through which everything that
 * touches it passes, in order. Loading is the queue's first task, so messages that arrive before the
 * stored state is in memory wait for it instead of being dropped, and nothing is sent before it.
 *
 * An update is checked, its append to storage is issued, and it is applied to the Y.Doc at once,
 * without waiting for storage, so the next frame is handled right away and appends made meanwhile
 * are committed together (see `GroupCommit`). What leaves the server goes through an ordered
 * `Outbox` instead: every relay, reply, presence change and publish is sent only once every append
 * issued before it is stored. So nobody (no client, no other process) ever sees a change that is not
 * durable, and everyone sees frames in the order the server handled them. If an append fails, the
 * in-memory copy holds a change storage lacks: the document fails (every connection is closed with
 * 4500 and the registry drops it); clients reconnect to a copy loaded from storage and resend what
 * it lacks through the normal sync handshake, so nothing is lost. Compaction runs beside the queue,
 * not in it (see `compact`), so it never holds back frames.
 */
export class SharedDocument {
  readonly ydoc = new Y.Doc({ gc: true });
  /** Who is here (y-protocols awareness), as the clients sent it. The server has no presence of its own. */
  readonly presence = new Presence((change, origin) => this.#relayAwareness(change, origin));
  readonly connections = new Set<Connection>();
  readonly queue = new SerialQueue();
  readonly logger: Logger;
  state: State = 'loading';
  /** Updates appended since the last compaction. */
  #appended = 0;
  /** What of storage the Y.Doc holds, so that compaction can store the Y.Doc itself as the snapshot (see `compact`). */
  readonly #held: HeldStorage;
  /**
   * The document's stored size, as of the last load or resync or this process's last compaction
   * from memory, plus what was appended since, here or (as received) by other processes; an
   * estimate (another process's compaction is not counted), which errs towards leaving large
   * documents to storage.
   */
  #storedBytes = 0;
  #compactionQueued = false;
  /** The last compaction started (settled, never rejected): the next one waits for it. */
  #compaction: Promise<void> = Promise.resolve();
  /** Where this document's compactions wait their turn: the process's queue, or one of its own. */
  readonly #compactions: SerialQueue;
  /** A resync waiting in the queue, which later requests join. */
  #resyncWaiting: Promise<void> | null = null;
  /** For newcomers: the whole document encoded once, plus the frames applied since. */
  readonly #fullState = new FullStateCache(this.ydoc);
  /** Set while a change whose frame is known (or observed) is applied; any other change drops the cache. */
  #knownChange: Uint8Array | 'observed' | null = null;
  /** Everything this document sends waits here until the appends issued before it are stored. */
  readonly #outbox = new Outbox();
  /** The presence frame being applied for a connection, relayed as it arrived. */
  #incomingPresence: { payload: Uint8Array; frame: Uint8Array } | null = null;

  constructor(
    readonly id: string,
    readonly options: SharedDocumentOptions,
  ) {
    this.logger = options.logger;
    this.#compactions = options.compactions ?? new SerialQueue();
    this.#held = new HeldStorage(options.storage.reusesRowNumbers);
    // No permanent 'update' listener: with one, Yjs would encode every transaction as an update
    // again, and a client's update is relayed as it arrived. Changes from elsewhere are observed
    // only while they are applied (see #observed).
    this.ydoc.on('afterTransaction', this.#afterTransaction);
  }

  /**
   * Reads the stored state into the Y.Doc. Called once, as the queue's first task. Subscribes to
   * other processes first, so an update stored elsewhere during the load arrives one way or the other.
   */
  async load(): Promise<void> {
    const started = performance.now();
    await this.options.fanout.subscribe(this.id, {
      message: (message) => this.#receiveRemote(message),
      resync: () => void this.resync(),
      peerJoined: () => this.#publishPresence(),
    });
    const { updates, skipped } = await this.#applyStored('storage');
    this.#appended = updates;
    this.state = 'ready';
    this.logger.debug({ documentId: this.id, updates, skipped, ms: Math.round(performance.now() - started) }, 'document loaded');
  }

  /** Applies everything in storage; Yjs ignores what the Y.Doc already has. Returns what was new. */
  async #applyStored(origin: 'storage' | 'resync'): Promise<{ updates: number; skipped: number; changes: Observed[] }> {
    const { snapshot, updates, stamp, seqs } = await this.options.storage.loadState(this.id);
    this.#storedBytes = updates.reduce((sum, u) => sum + u.byteLength, snapshot?.byteLength ?? 0);
    let skipped = 0;
    const apply = () => Y.transact(this.ydoc, () => {
      for (const part of snapshot ? [snapshot, ...updates] : updates) {
        try {
          Y.applyUpdate(this.ydoc, part, origin);
        } catch (err) {
          skipped += 1;
          this.logger.error({ err, documentId: this.id }, 'stored update failed to apply; skipped');
        }
      }
    }, origin);
    const changes = origin === 'storage' ? (apply(), []) : this.#observed(apply);
    // An update that failed to apply is held as loading holds it: a later load would skip it too.
    this.#held.loaded(origin, stamp, seqs);
    return { updates: updates.length, skipped, changes };
  }

  /**
   * Catches up from storage after a possible gap in cross-process delivery; relays what was new.
   * Requests made while one is waiting in the queue share it.
   */
  resync(): Promise<void> {
    if (this.#resyncWaiting) return this.#resyncWaiting;
    this.#resyncWaiting = this.queue.run(async () => {
      this.#resyncWaiting = null;
      if (this.state !== 'ready') return;
      const { changes } = await this.#applyStored('resync');
      for (const { frame } of changes) this.#broadcast(frame, null);
    });
    return this.#resyncWaiting;
  }

  /**
   * Another process has started holding this document: it learns the presence of the people
   * connected here now, rather than at their next renewal (presence is not stored anywhere).
   */
  #publishPresence(): void {
    void this.queue.run(() => {
      if (this.state !== 'ready') return;
      const ids: number[] = [];
      for (const conn of this.connections) ids.push(...conn.awarenessIds);
      const present = ids.filter((id) => this.presence.has(id));
      if (present.length === 0) return;
      const payload = this.presence.encode(present);
      this.#outbox.run(() => this.options.fanout.publish(this.id, { kind: 'awareness', payload }));
    });
  }

  /**
   * An update or presence change from another process (already stored there, so only applied and
   * relayed), or word of its compaction. In the order they were published.
   */
  #receiveRemote(message: FanoutMessage): void {
    void this.queue.run(() => {
      if (this.state !== 'ready') return;
      try {
        if (message.kind === 'update') {
          this.#applyAndRelay(message.payload, 'remote');
          // Stored there: part of the document's stored size, which decides how it is compacted.
          this.#storedBytes += message.payload.byteLength;
          if (message.seq !== undefined) this.#held.remoteRow(message.seq);
        } else if (message.kind === 'compacted') {
          // Word of another process's compaction this copy cannot go on from: read storage again.
          if (this.#held.learn(decodeCompacted(message.payload))) void this.resync();
        } else this.applyPresence(message.payload, encodeAwarenessMessage(message.payload), 'remote');
      } catch (err) {
        this.logger.error({ err, documentId: this.id }, `${message.kind} from another process failed to apply`);
      }
    });
  }

  /** Registers a connection and, once loaded, greets it with the server's sync step 1 and presence. */
  addConnection(conn: Connection): void {
    this.connections.add(conn);
    void this.queue.run(() => {
      if (this.state !== 'ready' || conn.closed) return;
      this.reply(conn, encodeSyncStep1(this.ydoc));
      const present = this.presence.clientIds;
      if (present.length > 0) this.reply(conn, encodeAwarenessMessage(this.presence.encode(present)));
    });
  }

  /** Removes a connection and the presence it announced. Returns how many connections remain. */
  removeConnection(conn: Connection): number {
    if (this.connections.delete(conn) && conn.awarenessIds.size > 0) {
      this.presence.remove(conn.awarenessIds, null);
    }
    return this.connections.size;
  }

  /**
   * Handles one incoming frame: at once when the document is loaded and nothing is waiting in its
   * queue (no frame needs to wait for storage), otherwise in turn. Bad input closes only that connection.
   */
  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (this.state === 'ready' && this.queue.size === 0) return this.#handle(conn, data);
    void this.queue.run(() => {
      if (conn.closed) return;
      if (this.state !== 'ready') return conn.close(new CloseError('storageError', `document is ${this.state}`));
      this.#handle(conn, data);
    });
  }

  #handle(conn: Connection, data: Uint8Array): void {
    try {
      handleMessage(this, conn, parseMessage(data));
    } catch (err) {
      this.#fail(conn, err);
    }
  }

  /** Sends `message` to one connection once everything it may reflect is stored. */
  reply(conn: Connection, message: Uint8Array): void {
    this.#outbox.run(() => conn.send(message));
  }

  #fail(conn: Connection, err: unknown): void {
    if (err instanceof CloseError) return conn.close(err);
    this.logger.error({ err, documentId: this.id }, 'unexpected error handling a message');
    conn.close(new CloseError('badMessage', 'message could not be handled'));
  }

  /**
   * Issues the append of a checked update, then applies it; the relay to the other connections, the
   * publish to other processes and the change hooks wait in the outbox until it is stored.
   * The update is relayed as it arrived (as `frame` itself when that is an update frame): it was
   * checked to depend only on what this document has, so it means the same to every client.
   */
  applyClientUpdate(update: Uint8Array, origin: Connection, frame?: Uint8Array): void {
    // The empty update every client sends in its first sync step 2 changes nothing: store nothing.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    const row = this.#store(update);
    this.#applyAndRelay(update, origin, frame);
    this.#outbox.run(() => {
      this.options.fanout.publish(this.id, { kind: 'update', payload: update, seq: row.seq });
      this.#counted();
      for (const hook of this.options.hooks) {
        if (!hook.onChange) continue;
        Promise.resolve(hook.onChange({ documentId: this.id, update, context: origin.context, storage: this.options.storage })).catch((err: unknown) =>
          this.logger.error({ err, documentId: this.id, hook: hook.name }, 'onChange hook failed'),
        );
      }
    });
  }

  /**
   * Applies an update (a client's, or one another process stored) and relays it to every connection
   * but `origin`, as it arrived: as `frame` when that is its update frame. Content waiting for a
   * missing dependency (possible after a gap in delivery from other processes) could be completed
   * by this update and would then be missing from its frame: then what the document actually
   * integrated is relayed instead.
   */
  #applyAndRelay(update: Uint8Array, origin: Connection | 'remote', frame?: Uint8Array): void {
    const store = this.ydoc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      const changes = this.#applyOrThrow(() => this.#observed(() => Y.applyUpdate(this.ydoc, update, origin)));
      for (const { frame } of changes) this.#broadcast(frame, origin);
      return;
    }
    const message = frame ?? encodeUpdate(update);
    this.#knownChange = message;
    try {
      this.#applyOrThrow(() => Y.applyUpdate(this.ydoc, update, origin));
    } finally {
      this.#knownChange = null;
    }
    this.#broadcast(message, origin);
  }

  #applyOrThrow<T>(apply: () => T): T {
    try {
      return apply();
    } catch (err) {
      // Stored but unusable: loading skips such an entry, so the document stays readable.
      this.#fullState.drop();
      throw new CloseError('badUpdate', `update failed to apply: ${(err as Error).message}`);
    }
  }

  /**
   * Applies a presence frame from a connection or from another process. What changed is relayed as
   * the frame that arrived rather than re-encoded: receivers apply it exactly as the server did
   * (entries they already have newer are ignored by everyone alike).
   */
  applyPresence(payload: Uint8Array, frame: Uint8Array, origin: Connection | 'remote'): void {
    this.#incomingPresence = { payload, frame };
    try {
      this.presence.apply(payload, origin);
    } finally {
      this.#incomingPresence = null;
    }
  }

  /**
   * Makes a change on the server's own authority (e.g. a comment an expert asked for over HTTP):
   * runs `change` in one transaction, stores the resulting update, then relays and publishes it.
   * Nothing reaches a client before it is stored. Runs inside the queue; returns `change`'s result.
   */
  async applyServerChange<T>(change: (ydoc: Y.Doc) => T): Promise<T> {
    if (this.state !== 'ready') throw new Error(`document ${this.id} is ${this.state}`);
    let result!: T;
    const changes = this.#observed(() => {
      result = Y.transact(this.ydoc, () => change(this.ydoc), 'server');
    });
    if (changes.length === 0) return result;
    const only = changes.length === 1 ? changes[0]! : null;
    const update = only ? only.update : Y.mergeUpdates(changes.map((c) => c.update));
    const row = this.#store(update);
    this.#broadcast(only ? only.frame : encodeUpdate(update), null, () => {
      this.options.fanout.publish(this.id, { kind: 'update', payload: update, seq: row.seq });
      this.#counted();
    });
    // If storing fails, the document has failed (and nobody saw the change): the caller hears of it.
    await row.stored;
    return result;
  }

  /**
   * Issues an append; when it is stored, releases the outbox up to the next append still in flight.
   * A failed append fails the whole document (see the class comment). `seq` is the row's number
   * from the moment it is stored, so whatever waits in the outbox for it can read it.
   */
  #store(update: Uint8Array): { stored: Promise<number>; seq?: number } {
    const issued = this.#outbox.issue();
    // The update enters the Y.Doc in the same synchronous step as this call (just before or after).
    const mark = this.#held.enter();
    this.#storedBytes += update.byteLength;
    const row: { stored: Promise<number>; seq?: number } = { stored: this.options.storage.appendUpdate(this.id, update) };
    row.stored.then(
      (seq) => {
        row.seq = seq;
        this.#held.stored(mark, seq);
        this.#outbox.stored(issued);
      },
      (err: unknown) => this.#storageFailed(err),
    );
    return row;
  }

  /**
   * Storage may have lost appends it had acknowledged: the in-memory copy may hold changes storage
   * lacks, so it is dropped as after a failed append (connections close with 4500, clients resend).
   */
  storageLost(err: unknown): void {
    if (this.state === 'ready') this.#storageFailed(err);
  }

  #storageFailed(err: unknown): void {
    if (this.state === 'failed' || this.state === 'destroyed') return;
    this.logger.error({ err, documentId: this.id }, 'storing an update failed; dropping the in-memory copy of the document');
    this.state = 'failed';
    this.#outbox.abandon();
    for (const conn of this.connections) conn.close(new CloseError('storageError', 'document must be reloaded'));
    this.options.onFailed?.(this);
  }

  /** Resolves once every append issued so far is stored and what waited for it has been sent (or the document failed). */
  flushed(): Promise<void> {
    return this.#outbox.drained();
  }

  /** Counts a stored update towards compaction. */
  #counted(): void {
    this.#appended += 1;
    if (this.#appended >= this.options.compactAfterUpdates) this.#queueCompaction();
  }

  /**
   * Folds the update log into a snapshot, after any compaction of this document already running,
   * in its turn among the process's compactions (`options.compactions`): twenty documents reaching
   * the threshold in the same instant, compacted at once, stalled every socket for 17–23 ms (one at
   * a time: 4 ms at most). It does not hold the document's queue: storage compacts safely while
   * appends and loads go on (the storage contract), so frames keep being relayed meanwhile. Failure
   * loses nothing: the log still holds every update.
   *
   * The Y.Doc already holds the merge of the snapshot and the log, so it is what is stored as the
   * new snapshot (see `#compactFromMemory`), in place of the rows it is known to hold: its own,
   * those it loaded, and those other processes published with their numbers. Processes holding the
   * same document tell each other what they compacted (`HeldStorage.learn`), so each can go on from
   * the other's snapshot. Storage reads and merges what it has, on a worker thread
   * (`Storage.compact`), only when the snapshot is not known to be one the Y.Doc holds (another
   * process compacted it without saying so, or this one missed what it said; until a resync reads
   * storage again) or when the document is too large to encode on the event loop without stalling
   * it (`compactInMemoryMaxBytes`).
   */
  compact(): Promise<void> {
    const run = this.#compaction.then(() => this.#compactions.run(() => this.#compactNow()));
    this.#compaction = run.catch(() => undefined);
    return run;
  }

  async #compactNow(): Promise<void> {
    const counted = this.#appended;
    if (counted === 0) return;
    let from: 'memory' | 'storage' = 'memory';
    // Storage's merge changes the snapshot's stamp, so the Y.Doc's view of storage is lost with it.
    if (this.#storedBytes > (this.options.compactInMemoryMaxBytes ?? 512 * 1024)) this.#held.forget();
    let result = this.#held.known ? await this.#compactFromMemory() : null;
    if (!result) {
      from = 'storage';
      result = await this.options.storage.compact(this.id);
    }
    // Updates counted while it ran may not be in it: they count towards the next one.
    this.#appended -= counted;
    if ('skipped' in result) this.logger.info({ documentId: this.id, reason: result.skipped }, 'compaction skipped');
    else this.logger.info({ documentId: this.id, from, ...result }, 'document compacted');
  }

  /**
   * Stores the Y.Doc, encoded now, as the snapshot in place of the one it holds and of the log rows
   * whose content entered it before now, once every append issued before now is stored, and tells
   * the other processes. Rows appended later, or by other processes and not received, stay in the
   * log (applying them again on load changes nothing). Returns null when storage has another
   * snapshot than the one the Y.Doc holds and this copy has given up waiting to learn which.
   */
  async #compactFromMemory(): Promise<CompactionResult | { skipped: 'append failed' | 'busy' | 'stale' } | null> {
    const state = Y.encodeStateAsUpdate(this.ydoc);
    const cut = this.#held.cut();
    if (!cut) return null;
    const bytesBefore = this.#storedBytes;
    const issued = this.#outbox.issued;
    await this.#outbox.drained();
    // An append issued before the encoding failed: the Y.Doc holds a change storage lacks.
    if (this.#outbox.storedThrough < issued || this.state === 'failed') return { skipped: 'append failed' };
    const replaced = this.#held.rows(cut);
    const result = await this.options.storage.replaceSnapshot(this.id, state, cut.base, replaced);
    if (!result.replaced) {
      // Busy: another process is compacting it right now, and will say what it replaced. Stale:
      // see `HeldStorage.refusedAsStale`; once this copy gives up, storage merges.
      if (result.reason === 'busy') return { skipped: 'busy' };
      return this.#held.refusedAsStale(cut) ? { skipped: 'stale' } : null;
    }
    this.#held.replaced(cut, result.stamp);
    this.#storedBytes = state.byteLength + (this.#storedBytes - bytesBefore);
    this.options.fanout.publish(this.id, { kind: 'compacted', payload: encodeCompacted({ base: cut.base, stamp: result.stamp, seqs: replaced }) });
    return { merged: result.deleted, snapshotBytes: state.byteLength };
  }

  #queueCompaction(): void {
    if (this.#compactionQueued) return;
    this.#compactionQueued = true;
    this.compact()
      .catch((err: unknown) => this.logger.error({ err, documentId: this.id }, 'compaction failed; will retry'))
      .finally(() => (this.#compactionQueued = false));
  }

  /** What a client that has nothing yet is sent (see `FullStateCache`). */
  fullStateMessages(): Uint8Array[] {
    return this.#fullState.messages();
  }

  /** How many times the whole document was encoded for newcomers. */
  get fullStateEncodes(): number {
    return this.#fullState.encodes;
  }

  #afterTransaction = (): void => {
    if (!this.#fullState.held) return;
    const known = this.#knownChange;
    if (known === 'observed') return; // #observed adds the updates once it has them
    if (known) this.#fullState.extend(known);
    else this.#fullState.drop();
  };

  /**
   * Runs `apply` and returns the updates its transactions produced, each with its frame (for
   * relaying or storing); the frames also extend the newcomers' cache.
   */
  #observed(apply: () => void): Observed[] {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.ydoc.on('update', collect);
    this.#knownChange = 'observed';
    try {
      apply();
    } finally {
      this.#knownChange = null;
      this.ydoc.off('update', collect);
    }
    return updates.map((update) => {
      const frame = encodeUpdate(update);
      this.#fullState.extend(frame);
      return { update, frame };
    });
  }

  /**
   * Sends `message` to every connection but `except`, once what it reflects is stored. The recipients
   * are those connected now: one that joins meanwhile gets the state in its sync reply instead.
   */
  #broadcast(message: Uint8Array, except: unknown, then?: () => void): void {
    const shared = new SharedFrame(message);
    if (this.#outbox.clear) {
      for (const conn of this.connections) if (conn !== except) conn.send(message, shared);
      then?.();
      return;
    }
    const recipients = [...this.connections];
    this.#outbox.run(() => {
      for (const conn of recipients) if (conn !== except) conn.send(message, shared);
      then?.();
    });
  }

  #relayAwareness({ added, updated, removed }: PresenceChange, origin: unknown): void {
    const owner = this.connections.has(origin as Connection) ? (origin as Connection) : undefined;
    if (owner) {
      // A state set again after its removal counts as updated, not added: it is this connection's too.
      for (const id of added) owner.awarenessIds.add(id);
      for (const id of updated) owner.awarenessIds.add(id);
      for (const id of removed) owner.awarenessIds.delete(id);
    }
    // A frame being applied (a connection's, or one from another process) is relayed as it arrived.
    const incoming = owner || origin === 'remote' ? this.#incomingPresence : null;
    const payload = incoming?.payload ?? this.presence.encode([...added, ...updated, ...removed]);
    const message = incoming?.frame ?? encodeAwarenessMessage(payload);
    // Presence set here (or removed because a socket here closed) is announced to other processes.
    const publish = owner !== undefined || origin === null;
    this.#broadcast(message, origin, publish ? () => this.options.fanout.publish(this.id, { kind: 'awareness', payload }) : undefined);
  }

  destroy(): void {
    if (this.state === 'destroyed') return;
    this.state = 'destroyed';
    this.#outbox.abandon();
    this.options.fanout.unsubscribe(this.id).catch((err: unknown) => this.logger.warn({ err, documentId: this.id }, 'unsubscribe failed'));
    this.ydoc.off('afterTransaction', this.#afterTransaction);
    this.presence.destroy();
    this.ydoc.destroy();
  }
}
