/**
 * What crosses between server processes for one document: an update (already stored, with the
 * number of the log row it was stored in when known), a presence change, or word that the sender
 * compacted the document from its copy in memory (`payload` encodes which snapshot it replaced,
 * the new one's stamp and the rows it deleted; see `SharedDocument`).
 */
export type FanoutKind = 'update' | 'awareness' | 'compacted';

export interface FanoutMessage {
  kind: FanoutKind;
  payload: Uint8Array;
  /** For an update: its row in the update log. */
  seq?: number;
}

/** What a loaded document hears from the other processes that hold it. */
export interface FanoutSubscriber {
  /** An update or presence change made on another process (updates are already stored there). */
  message(message: FanoutMessage): void;
  /** Delivery to this document may have had a gap: catch up from storage. */
  resync(): void;
  /**
   * The other processes need this one's presence (which storage does not hold): one has just
   * started holding the document, or this one's presence went unsent while Redis was away.
   */
  peerJoined(): void;
}

/**
 * Carries document updates and presence between server processes. Updates are published only
 * after they are stored, so a process that misses messages can always catch up from storage: a
 * subscriber's `resync` runs whenever delivery to its document may have had a gap (after a
 * reconnect to Redis, an unreadable frame, or another process saying it left updates unpublished).
 */
export interface Fanout {
  /** `local`: one process, nothing to fan out; `redis`: several, through Redis. */
  readonly kind: 'local' | 'redis';
  /** Whether messages reach the other processes now (always true for one process). */
  readonly connected: boolean;
  /**
   * Starts delivery for a document; resolves once messages published from now on will arrive, or,
   * when that is not confirmed in time (Redis unreachable), without it, and then calls the
   * subscriber's `resync` once delivery has started.
   */
  subscribe(documentId: string, subscriber: FanoutSubscriber): Promise<void>;
  unsubscribe(documentId: string): Promise<void>;
  publish(documentId: string, message: FanoutMessage): void;
  close(): Promise<void>;
}

/** One process: nothing to fan out. */
export class LocalFanout implements Fanout {
  readonly kind = 'local';
  readonly connected = true;
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  publish(): void {}
  async close(): Promise<void> {}
}
