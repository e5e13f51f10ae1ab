import type { WebSocket } from 'ws';
import type { Logger } from '../logger.ts';
import type { CloseError } from './CloseError.ts';
import type { ConnectionContext } from './hooks/types.ts';

/** One client's socket on one document. */
export class Connection {
  /** Awareness client ids this socket has announced, removed for everyone when it goes away. */
  readonly awarenessIds = new Set<number>();
  /** Set on pong, cleared on ping: a socket that misses a whole interval is terminated. */
  alive = true;
  closed = false;

  constructor(
    readonly ws: WebSocket,
    readonly documentId: string,
    readonly context: ConnectionContext,
    readonly logger: Logger,
  ) {}

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (err) => {
      if (err) {
        this.logger.warn({ err, documentId: this.documentId }, 'send failed; closing socket');
        this.ws.terminate();
      }
    });
  }

  /** Closes with a code from the shared table; logs why, with context. */
  close(error: CloseError): void {
    if (this.closed) return;
    this.closed = true;
    const level = error.code >= 4500 ? 'error' : 'warn';
    this.logger[level]({ documentId: this.documentId, userId: this.context.userId, code: error.code, detail: error.message }, 'closing connection');
    this.ws.close(error.code, error.reason);
  }
}
