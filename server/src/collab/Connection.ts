import type { WebSocket } from 'ws';
import type { Logger } from '../logger.ts';
import type { CloseError } from './CloseError.ts';
import type { ConnectionContext } from './hooks/types.ts';

/** The part of the underlying TCP socket used to batch writes and to send frames built once. */
export interface Corkable {
  cork(): void;
  uncork(): void;
  write(chunk: Uint8Array): boolean;
}

/**
 * A binary message relayed to many sockets, framed (RFC 6455: FIN, binary opcode, unmasked, length)
 * once, when the first recipient needs it, and then written to each socket as it is. With `ws`, a
 * send frames the message again for every recipient and writes header and payload separately.
 */
export class SharedFrame {
  #frame: Uint8Array | null = null;

  constructor(readonly message: Uint8Array) {}

  get frame(): Uint8Array {
    return (this.#frame ??= frameBinary(this.message));
  }
}

/** One unfragmented, unmasked binary frame (what a server sends), header and payload in one buffer. */
export function frameBinary(payload: Uint8Array): Uint8Array {
  const n = payload.byteLength;
  const header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + n);
  frame[0] = 0x82;
  if (n < 126) frame[1] = n;
  else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, header);
  return frame;
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
   * frame is the largest single cost of relaying. A relay passes `shared`, framed once for all its
   * recipients, and that frame is written to the socket directly: `ws` sends synchronously in call
   * order when messages are not compressed (`perMessageDeflate` is off, see `CollabServer`), so it
   * keeps its place among the frames `ws` itself writes. Write errors reach `ws` through the socket.
   */
  send(message: Uint8Array, shared?: SharedFrame): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (!this.socket) return this.ws.send(message, this.#afterSend);
    if (!this.#corked) {
      this.#corked = true;
      this.socket.cork();
      process.nextTick(this.#uncork);
    }
    if (shared) this.socket.write(shared.frame);
    else this.ws.send(message, this.#afterSend);
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
