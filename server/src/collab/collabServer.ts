import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CloseCode, COLLAB_PATH } from '@lcs/shared';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';
import { CloseError } from './CloseError.ts';
import { Connection } from './Connection.ts';
import { DocumentRegistry } from './DocumentRegistry.ts';
import type { Fanout } from './fanout/fanout.ts';
import type { CollabHook, ConnectionContext, RevalidatePayload } from './hooks/types.ts';
import type { SharedDocument } from './SharedDocument.ts';

export interface CollabServerOptions {
  storage: Storage;
  fanout: Fanout;
  logger: Logger;
  hooks: readonly CollabHook[];
  maxMessageBytes: number;
  unloadDelayMs: number;
  compactAfterUpdates: number;
  /** Interval of keep-alive pings; a socket that misses one is terminated. Default 30 s. */
  pingIntervalMs?: number;
  /** Interval at which every open socket's session and access are checked again. Default 15 s. */
  revalidateIntervalMs?: number;
}

/** The collaboration endpoint: `/collab/<documentId>`, stock y-websocket protocol. */
export class CollabServer {
  readonly wss: WebSocketServer;
  readonly registry: DocumentRegistry;
  readonly #logger: Logger;
  readonly #pingTimer: NodeJS.Timeout;
  readonly #revalidateTimer: NodeJS.Timeout;
  #closing = false;

  constructor(readonly options: CollabServerOptions) {
    this.#logger = options.logger.child({ category: 'collab' });
    // No compression: relays write frames built once straight to the socket (see `Connection.send`).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
    this.registry = new DocumentRegistry({ ...options, logger: this.#logger });
    this.#pingTimer = setInterval(() => this.#ping(), options.pingIntervalMs ?? 30_000);
    this.#pingTimer.unref();
    // Catches what no request announces: expiry, and revocations made by the CLI in another process.
    this.#revalidateTimer = setInterval(() => void this.revalidate(), options.revalidateIntervalMs ?? 15_000);
    this.#revalidateTimer.unref();
  }

  /**
   * Re-checks open sockets (all, or one person's): a socket that lost access is closed (4401/4403);
   * one whose access changed is closed with 4409 so the client reconnects with its new rights.
   */
  async revalidate(personId?: string): Promise<void> {
    const checks: Promise<void>[] = [];
    const lookups = new Map<string, Promise<unknown>>();
    const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
      let found = lookups.get(key) as Promise<T> | undefined;
      if (!found) lookups.set(key, (found = load()));
      return found;
    };
    for (const doc of this.registry.loaded.values()) {
      for (const conn of doc.connections) {
        if (conn.closed || (personId !== undefined && conn.context.userId !== personId)) continue;
        checks.push(this.#revalidateConnection(conn, cached));
      }
    }
    await Promise.all(checks);
  }

  async #revalidateConnection(conn: Connection, cached: RevalidatePayload['cached']): Promise<void> {
    let next = conn.context;
    try {
      for (const hook of this.options.hooks) {
        const result = await hook.onRevalidate?.({ documentId: conn.documentId, context: conn.context, storage: this.options.storage, cached });
        if (result) next = { ...next, ...result };
      }
    } catch (err) {
      if (err instanceof CloseError) return conn.close(err);
      this.#logger.error({ err, documentId: conn.documentId }, 'revalidation failed; keeping the socket');
      return;
    }
    if (next.access !== conn.context.access || next.readOnly !== conn.context.readOnly) conn.close(new CloseError('permissionsChanged'));
  }

  /** Handles an HTTP upgrade; returns false if the path is not ours so others may take it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!path.startsWith(`${COLLAB_PATH}/`)) return false;
    let documentId: string;
    try {
      documentId = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
    } catch {
      documentId = '';
    }
    if (this.#closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => void this.#onConnection(ws, request, documentId, socket));
    return true;
  }

  async #onConnection(ws: WebSocket, request: IncomingMessage, documentId: string, socket: Duplex): Promise<void> {
    const { storage, hooks } = this.options;
    const early: Uint8Array[] = [];
    // Filled in once the hooks have admitted the socket; the listeners below are attached before that.
    const live: { conn?: Connection; doc?: SharedDocument; receive?: (data: Uint8Array) => void } = {};

    // Listen at once: frames that arrive while hooks run are kept, in order, not dropped.
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        const error = new CloseError('badMessage', 'text frames are not part of the protocol');
        if (live.conn) return live.conn.close(error);
        this.#logger.warn({ documentId, code: error.code, detail: error.message }, 'closing connection');
        return ws.close(error.code, error.reason);
      }
      const bytes = toBytes(data);
      if (live.receive) live.receive(bytes);
      else early.push(bytes);
    });
    ws.on('error', (err) => this.#logger.warn({ err, documentId }, 'socket error'));
    ws.on('pong', () => {
      if (live.conn) live.conn.alive = true;
    });
    ws.on('close', () => {
      if (live.conn && live.doc) {
        live.conn.closed = true;
        this.registry.release(live.doc, live.conn);
      }
    });

    // Deny by default: a hook must grant access explicitly.
    let context: ConnectionContext = { userId: 'unknown', access: 'none', readOnly: true };
    try {
      for (const hook of hooks) await hook.onConnect?.({ documentId, request, storage });
      for (const hook of hooks) {
        const result = await hook.onAuthenticate?.({ documentId, request, storage });
        if (result) context = { ...context, ...result };
      }
    } catch (err) {
      const error = err instanceof CloseError ? err : new CloseError('storageError', (err as Error).message);
      if (!(err instanceof CloseError)) this.#logger.error({ err, documentId }, 'connection hook failed');
      else this.#logger.info({ documentId, code: error.code, detail: error.message }, 'connection refused');
      ws.close(error.code, error.reason);
      return;
    }
    // Closed, or refused by a bad frame, while the hooks ran: its early frames must not be applied.
    if (ws.readyState !== ws.OPEN || this.#closing) return;
    if (context.access === 'none') {
      ws.close(CloseCode.forbidden.code, CloseCode.forbidden.reason);
      return;
    }

    const doc = this.registry.acquire(documentId);
    const conn = new Connection(ws, documentId, context, this.#logger, socket);
    Object.assign(live, { doc, conn, receive: (data: Uint8Array) => doc.receive(conn, data) });
    doc.addConnection(conn);
    for (const data of early) doc.receive(conn, data);
    early.length = 0;
  }

  #ping(): void {
    for (const doc of this.registry.loaded.values()) {
      for (const conn of doc.connections) {
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }

  /** Stops accepting sockets, closes the open ones with 1001, stores and unloads every document. */
  async close(): Promise<void> {
    this.#closing = true;
    clearInterval(this.#pingTimer);
    clearInterval(this.#revalidateTimer);
    await this.registry.closeAll(new CloseError('goingAway'));
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
