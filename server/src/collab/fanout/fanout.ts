/** What crosses between server processes for one document. */
export type FanoutKind = 'update' | 'awareness';

export interface FanoutMessage {
  kind: FanoutKind;
  payload: Uint8Array;
}

/**
 * Carries document updates and presence between server processes. Updates are published only
 * after they are stored, so a process that misses messages can always catch up from storage:
 * `onResync` fires whenever delivery may have had a gap (e.g. after a reconnect to Redis).
 */
export interface Fanout {
  /** Starts delivery for a document; resolves once messages published from now on will arrive. */
  subscribe(documentId: string, handler: (message: FanoutMessage) => void): Promise<void>;
  unsubscribe(documentId: string): Promise<void>;
  publish(documentId: string, message: FanoutMessage): void;
  /** Registers what to do after a possible gap in delivery. */
  onResync(handler: () => void): void;
  close(): Promise<void>;
}

/** One process: nothing to fan out. */
export class LocalFanout implements Fanout {
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  publish(): void {}
  onResync(): void {}
  async close(): Promise<void> {}
}
