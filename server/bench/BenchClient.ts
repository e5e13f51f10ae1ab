import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DeliveryLedger } from './DeliveryLedger.ts';
import { markerText } from './DeliveryLedger.ts';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/** How long a socket may take to open and sync before the client counts as failed. */
const CONNECT_TIMEOUT_MS = 60_000;

/**
 * One simulated editor: a Y.Doc and an Awareness behind a raw `ws` socket, speaking what the stock
 * `WebsocketProvider` speaks (sync step 1 on open, answer the server's step 1, updates, awareness,
 * and the Awareness class's own renewal every 15 s). Incoming presence is only counted, not
 * applied: the generator has to stay cheap next to the server it measures.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('t');
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  ws: WebSocket | undefined;
  /** Milliseconds from `connect()` until the socket opened, and until the first sync step 2. */
  openMs = NaN;
  syncMs = NaN;
  awarenessReceived = 0;
  /** Every frame and byte the server sent this client. */
  framesReceived = 0;
  bytesReceived = 0;
  awarenessSent = 0;
  unexpectedClose: number | undefined;
  #seq = 0;

  constructor(
    readonly index: number,
    readonly url: string,
    readonly cookie: string | undefined,
    readonly ledger: DeliveryLedger | undefined,
  ) {
    this.awareness.setLocalState({ user: { name: `Bench ${index}`, color: '#30bced' }, cursor: null });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.#send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'local') return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      if (this.#send(encoding.toUint8Array(encoder))) this.awarenessSent += 1;
    });
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket; resolves once the server's sync step 2 has been applied. */
  connect(): Promise<void> {
    const started = performance.now();
    const ws = new WebSocket(this.url, { headers: this.cookie ? { cookie: this.cookie } : {}, perMessageDeflate: false });
    this.ws = ws;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${this.index} did not sync within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`client ${this.index}: ${why}`));
      };
      ws.on('open', () => {
        this.openMs = performance.now() - started;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.#send(encoding.toUint8Array(encoder));
        this.awareness.setLocalState(this.awareness.getLocalState());
      });
      ws.on('message', (data: Buffer) => {
        const at = performance.now();
        if (this.#receive(data, at) === syncProtocol.messageYjsSyncStep2 && Number.isNaN(this.syncMs)) {
          this.syncMs = at - started;
          clearTimeout(timer);
          resolve();
        }
      });
      ws.on('error', (err) => fail(err.message));
      ws.on('close', (code) => {
        if (code !== 1000 && code !== 1005) this.unexpectedClose = code;
        if (Number.isNaN(this.syncMs)) fail(`closed with ${code} before syncing`);
      });
    });
  }

  /** Returns the sync message type handled, or -1 for anything else. */
  #receive(data: Buffer, at: number): number {
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.framesReceived += 1;
    this.bytesReceived += frame.byteLength;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) {
      this.awarenessReceived += 1;
      return -1;
    }
    if (type !== MESSAGE_SYNC) return -1;
    // The sync sub-type is one byte; a relayed edit is timed on arrival, before it is applied.
    if (frame[1] === syncProtocol.messageYjsUpdate) this.ledger?.receive(frame, this.index, at);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1) this.#send(encoding.toUint8Array(encoder));
    return syncType;
  }

  /**
   * Types a marker at a random place and moves the caret after it. `expected` is how many other
   * clients should receive it; the ledger notes the send time first.
   */
  edit(expected: number): void {
    const seq = this.#seq++;
    const marker = markerText(this.index, seq);
    const at = Math.floor(Math.random() * (this.text.length + 1));
    this.ledger?.sent(this.index, seq, expected, performance.now());
    this.text.insert(at, marker);
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.text, at + marker.length));
    this.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
  }

  #send(message: Uint8Array): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(message);
    return true;
  }

  close(): void {
    this.awareness.destroy();
    this.ws?.close(1000);
    this.doc.destroy();
  }
}
