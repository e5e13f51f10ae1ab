import type { WebSocket } from 'ws';
import type { Logger } from '../logger.ts';
import type { CloseError } from './CloseError.ts';
import type { ConnectionContext } from './hooks/types.ts';

/** The part of the underlying TCP socket used to batch writes. */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

/** One client's socket on one document. */
export class Connection {
  /** Awareness client ids this socket has announced, removed for everyone when it goes away. */
  readonly awarenessIds = new Set<number>();
  /** Set on pong, cleared on ping: a socket that misses a whole interval is terminated. */
  alive = true;
  closed = false;
  #corked = false;

  constructor(
    readonly ws: WebSocket,
    readonly documentId: string,
    readonly context: ConnectionContext,
    readonly logger: Logger,
    /** The socket under `ws`; frames sent in one tick then leave in one write. */
    readonly socket?: Corkable,
  ) {}

  /**
   * Sends one frame. Frames sent during the same tick (an edit's update and the caret move that
   * came with it, say) are corked and leave in one `writev` when the tick ends: the system call per
   * frame is the largest single cost of relaying.
   */
  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.socket && !this.#corked) {
      this.#corked = true;
      this.socket.cork();
      process.nextTick(this.#uncork);
    }
    this.ws.send(message, this.#afterSend);
  }

  #uncork = (): void => {
    this.#corked = false;
    this.socket?.uncork();
  };

  #afterSend = (err?: Error): void => {
    if (!err) return;
    this.logger.warn({ err, documentId: this.documentId }, 'send failed; closing socket');
    this.ws.terminate();
  };

  /** Closes with a code from the shared table; logs why, with context. */
  close(error: CloseError): void {
    if (this.closed) return;
    this.closed = true;
    const level = error.code >= 4500 ? 'error' : 'warn';
    this.logger[level]({ documentId: this.documentId, userId: this.context.userId, code: error.code, detail: error.message }, 'closing connection');
    this.ws.close(error.code, error.reason);
  }
}
