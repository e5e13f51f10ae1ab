import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { Fanout, FanoutKind, FanoutMessage } from './fanout.ts';

const KIND_BYTES: Record<FanoutKind, number> = { update: 1, awareness: 2 };
const KINDS: Record<number, FanoutKind> = { 1: 'update', 2: 'awareness' };
/** First byte of a frame: its format (a process drops frames of a format it does not know). */
const FORMAT = 0x21;
const ORIGIN_BYTES = 8;
const HEADER_BYTES = 1 + ORIGIN_BYTES;
/** Each message in a frame: kind (1 byte), payload length (4 bytes, big-endian), payload. */
const ENTRY_HEADER_BYTES = 5;

/** Splits a frame's messages; throws if the frame is not well-formed. */
export function decodeFrame(frame: Buffer): FanoutMessage[] {
  const messages: FanoutMessage[] = [];
  for (let at = HEADER_BYTES; at < frame.length; ) {
    if (at + ENTRY_HEADER_BYTES > frame.length) throw new Error('truncated message header');
    const kind = KINDS[frame[at]!];
    const length = frame.readUInt32BE(at + 1);
    const start = at + ENTRY_HEADER_BYTES;
    if (!kind) throw new Error(`unknown message kind ${frame[at]}`);
    if (start + length > frame.length) throw new Error('truncated message');
    messages.push({ kind, payload: new Uint8Array(frame.buffer, frame.byteOffset + start, length) });
    at = start + length;
  }
  return messages;
}

/**
 * Redis pub/sub between server processes, one channel per loaded document. A frame is
 * `[format][8-byte process id]` followed by one or more `[kind][length][payload]` messages; a
 * process ignores its own frames. What one document publishes during one tick (an edit and the
 * caret move that came with it, say) goes out as one frame, in order: one PUBLISH instead of several.
 *
 * Guarantees: while connected, a subscriber gets every frame published after `subscribe`
 * resolved, in publish order per publisher. Pub/sub keeps nothing for a subscriber that is away,
 * so after any reconnect (`ready` following a lost connection) every `onResync` handler runs and the
 * documents reload their state from storage, where each update was written before it was published.
 */
export class RedisFanout implements Fanout {
  readonly #origin = randomBytes(ORIGIN_BYTES);
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #handlers = new Map<string, (message: FanoutMessage) => void>();
  readonly #resyncHandlers: (() => void)[] = [];
  #hadConnection = false;
  /** Messages published during this tick, per document, sent together when it ends. */
  readonly #outgoing = new Map<string, FanoutMessage[]>();

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    // Auto-pipelining: the publishes of one tick (several documents) leave in one write.
    this.#pub = new Redis(url, { ...options, enableAutoPipelining: true });
    this.#sub = new Redis(url, options);
    for (const conn of [this.#pub, this.#sub]) conn.on('error', (err) => this.logger.warn({ err }, 'redis connection error'));
    this.#sub.on('messageBuffer', (channel: Buffer, frame: Buffer) => this.#deliver(channel.toString(), frame));
    this.#sub.on('ready', () => {
      // ioredis re-subscribes our channels on reconnect; what was published meanwhile is gone.
      if (this.#hadConnection) {
        this.logger.warn('redis reconnected: resyncing loaded documents from storage');
        for (const handler of this.#resyncHandlers) handler();
      }
      this.#hadConnection = true;
    });
  }

  static channel(documentId: string): string {
    return `lcs:doc:${documentId}`;
  }

  async subscribe(documentId: string, handler: (message: FanoutMessage) => void): Promise<void> {
    this.#handlers.set(documentId, handler);
    await this.#sub.subscribe(RedisFanout.channel(documentId));
  }

  async unsubscribe(documentId: string): Promise<void> {
    this.#handlers.delete(documentId);
    await this.#sub.unsubscribe(RedisFanout.channel(documentId));
  }

  publish(documentId: string, message: FanoutMessage): void {
    const pending = this.#outgoing.get(documentId);
    if (pending) return void pending.push(message);
    if (this.#outgoing.size === 0) process.nextTick(this.#flush);
    this.#outgoing.set(documentId, [message]);
  }

  #flush = (): void => {
    for (const [documentId, messages] of this.#outgoing) {
      const frame = Buffer.allocUnsafe(HEADER_BYTES + messages.reduce((n, m) => n + ENTRY_HEADER_BYTES + m.payload.byteLength, 0));
      frame[0] = FORMAT;
      this.#origin.copy(frame, 1);
      let at = HEADER_BYTES;
      for (const { kind, payload } of messages) {
        frame[at] = KIND_BYTES[kind];
        frame.writeUInt32BE(payload.byteLength, at + 1);
        frame.set(payload, at + ENTRY_HEADER_BYTES);
        at += ENTRY_HEADER_BYTES + payload.byteLength;
      }
      this.#pub.publish(RedisFanout.channel(documentId), frame).catch((err: unknown) => this.logger.error({ err, documentId }, 'redis publish failed'));
    }
    this.#outgoing.clear();
  };

  onResync(handler: () => void): void {
    this.#resyncHandlers.push(handler);
  }

  #deliver(channel: string, frame: Buffer): void {
    if (frame.length < HEADER_BYTES || frame.subarray(1, HEADER_BYTES).equals(this.#origin)) return;
    const documentId = channel.slice('lcs:doc:'.length);
    const handler = this.#handlers.get(documentId);
    if (!handler) return;
    let messages: FanoutMessage[];
    try {
      if (frame[0] !== FORMAT) throw new Error(`unknown frame format ${frame[0]}`);
      messages = decodeFrame(frame);
    } catch (err) {
      // Whatever it carried is in storage (published only once stored): catch up from there.
      this.logger.warn({ err, documentId }, 'unreadable frame from another process; resyncing from storage');
      for (const resync of this.#resyncHandlers) resync();
      return;
    }
    for (const message of messages) handler(message);
  }

  async close(): Promise<void> {
    this.#flush();
    await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
  }
}
