import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { Fanout, FanoutKind, FanoutMessage } from './fanout.ts';

const KIND_BYTES: Record<FanoutKind, number> = { update: 1, awareness: 2 };
const KINDS: Record<number, FanoutKind> = { 1: 'update', 2: 'awareness' };
const ORIGIN_BYTES = 8;

/**
 * Redis pub/sub between server processes, one channel per loaded document. A frame is
 * `[kind][8-byte process id][payload]`; a process ignores its own frames.
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

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    this.#pub = new Redis(url, options);
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

  publish(documentId: string, { kind, payload }: FanoutMessage): void {
    const frame = Buffer.allocUnsafe(1 + ORIGIN_BYTES + payload.byteLength);
    frame[0] = KIND_BYTES[kind];
    this.#origin.copy(frame, 1);
    frame.set(payload, 1 + ORIGIN_BYTES);
    this.#pub.publish(RedisFanout.channel(documentId), frame).catch((err: unknown) => this.logger.error({ err, documentId }, 'redis publish failed'));
  }

  onResync(handler: () => void): void {
    this.#resyncHandlers.push(handler);
  }

  #deliver(channel: string, frame: Buffer): void {
    if (frame.length < 1 + ORIGIN_BYTES || frame.subarray(1, 1 + ORIGIN_BYTES).equals(this.#origin)) return;
    const kind = KINDS[frame[0]!];
    const handler = this.#handlers.get(channel.slice('lcs:doc:'.length));
    if (!kind || !handler) return;
    handler({ kind, payload: new Uint8Array(frame.buffer, frame.byteOffset + 1 + ORIGIN_BYTES, frame.length - 1 - ORIGIN_BYTES) });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
  }
}
