import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';
import type { Fanout, FanoutKind, FanoutMessage, FanoutSubscriber } from './fanout.ts';

/** A message in a frame: what the documents exchange, or a process announcing itself. */
export type FrameEntryKind = FanoutKind | 'announce';
export interface FrameEntry {
  kind: FrameEntryKind;
  payload: Uint8Array;
  seq?: number;
}

const KIND_BYTES: Record<FrameEntryKind, number> = { update: 1, awareness: 2, announce: 3, compacted: 5 };
/** An update with its row number: the payload starts with the number (8 bytes, big-endian). */
const STORED_UPDATE = 4;
const SEQ_BYTES = 8;
const KINDS: Record<number, FrameEntryKind> = { 1: 'update', 2: 'awareness', 3: 'announce', [STORED_UPDATE]: 'update', 5: 'compacted' };
/** First byte of a frame: its format (a process drops frames of a format it does not know). */
const FORMAT = 0x22;
const ORIGIN_BYTES = 8;
const HEADER_BYTES = 1 + ORIGIN_BYTES;
/** Each message in a frame: kind (1 byte), body length (4 bytes, big-endian), body (the payload, after the row number for a stored update). */
const ENTRY_HEADER_BYTES = 5;

/** Flags of an announce (its one payload byte). */
export const ANNOUNCE_JOINED = 1; // "I have just started holding the document (or reconnected): answer me"
export const ANNOUNCE_DROPPED = 2; // "I left updates unpublished since I last announced: read them from storage"

/** Splits a frame's messages; throws if the frame is not well-formed. */
export function decodeFrame(frame: Buffer): FrameEntry[] {
  const messages: FrameEntry[] = [];
  for (let at = HEADER_BYTES; at < frame.length; ) {
    if (at + ENTRY_HEADER_BYTES > frame.length) throw new Error('truncated message header');
    const kind = KINDS[frame[at]!];
    const length = frame.readUInt32BE(at + 1);
    const start = at + ENTRY_HEADER_BYTES;
    if (!kind) throw new Error(`unknown message kind ${frame[at]}`);
    if (start + length > frame.length) throw new Error('truncated message');
    if (frame[at] === STORED_UPDATE) {
      if (length < SEQ_BYTES) throw new Error('truncated row number');
      const seq = frame.readUInt32BE(start) * 2 ** 32 + frame.readUInt32BE(start + 4);
      messages.push({ kind, seq, payload: new Uint8Array(frame.buffer, frame.byteOffset + start + SEQ_BYTES, length - SEQ_BYTES) });
    } else {
      messages.push({ kind, payload: new Uint8Array(frame.buffer, frame.byteOffset + start, length) });
    }
    at = start + length;
  }
  return messages;
}

// Module-level rather than closures in `encodeFrame`: see `rootsWrittenBy` (collab/updateScope.ts).
function hasSeq(m: FrameEntry): boolean {
  return m.kind === 'update' && m.seq !== undefined;
}

function bodyBytes(m: FrameEntry): number {
  return (hasSeq(m) ? SEQ_BYTES : 0) + m.payload.byteLength;
}

/** A frame from `origin` carrying `messages`, in order (see `RedisFanout`). */
export function encodeFrame(origin: Buffer, messages: readonly FrameEntry[]): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + messages.reduce((n, m) => n + ENTRY_HEADER_BYTES + bodyBytes(m), 0));
  frame[0] = FORMAT;
  origin.copy(frame, 1);
  let at = HEADER_BYTES;
  for (const m of messages) {
    const withSeq = hasSeq(m);
    frame[at] = withSeq ? STORED_UPDATE : KIND_BYTES[m.kind];
    frame.writeUInt32BE(bodyBytes(m), at + 1);
    at += ENTRY_HEADER_BYTES;
    if (withSeq) {
      frame.writeUInt32BE(Math.floor(m.seq! / 2 ** 32), at);
      frame.writeUInt32BE(m.seq! >>> 0, at + 4);
      at += SEQ_BYTES;
    }
    frame.set(m.payload, at);
    at += m.payload.byteLength;
  }
  return frame;
}

/** A document this process holds, as the fan-out sees it. */
interface Channel {
  subscriber: FanoutSubscriber;
  /** The reply to one of our publishes said nobody else was subscribed: publish nothing for now. */
  alone: boolean;
  /** An update was left unpublished (being alone) since this process last announced itself here. */
  dropped: boolean;
  /** Frames heard from other processes; a receiver count that predates one of them is stale. */
  heard: number;
}

/**
 * Redis pub/sub between server processes, one channel per loaded document. A frame is
 * `[format][8-byte process id]` followed by one or more `[kind][length][payload]` messages; a
 * process ignores its own frames. What one document publishes during one tick (an edit and the
 * caret move that came with it, say) goes out as one frame, in order: one PUBLISH instead of several.
 *
 * **Publishing only while someone listens.** PUBLISH replies with the number of subscribers that
 * received the frame. When that is just this process, nobody else holds the document, and its
 * updates and presence are not published at all (no PUBLISH, no echo of our own frame to parse):
 * a document held by one process costs Redis nothing. A process that starts holding a document
 * subscribes, then announces itself (`joined`); a process that hears anything from another one on
 * a channel publishes again, and answers a `joined` announce with its own, flagged `dropped` if it
 * left updates unpublished since it last announced; a process that hears `dropped` reads storage
 * again. That closes the gap: an update left unpublished was stored before the decision, which came
 * before the newcomer's announce arrived, which came before the answer that makes it read storage.
 * A receiver count only counts if nothing was heard on the channel since that publish was sent
 * and this process's own subscription was up throughout. An answer also carries presence
 * (`peerJoined`), so people on the other process appear at once rather than at their next renewal.
 *
 * Guarantees: while connected, a subscriber gets every frame published after `subscribe`
 * resolved, in publish order per publisher, and every update published or announced as dropped.
 * Pub/sub keeps nothing for a subscriber that is away, so after any reconnect, once the
 * subscriptions are back, every subscriber resyncs: its document reloads its state from storage
 * (where each update was written before it was published), and the process announces itself again.
 * While the publishing connection is down nothing is queued (memory stays bounded however long
 * Redis is away): each document that left frames unsent announces itself once it is back, flagged
 * `dropped` if an update was among them, so the other processes read storage.
 */
export class RedisFanout implements Fanout {
  readonly kind = 'redis';
  readonly #origin = randomBytes(ORIGIN_BYTES);
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #channels = new Map<string, Channel>();
  /** Incremented whenever the subscriber connection is (re)established; 1 after the first connection. */
  #epoch = 0;
  /** Messages to publish during this tick, per document, sent together when it ends. */
  readonly #outgoing = new Map<string, FrameEntry[]>();
  /** Documents whose frames were not sent because the publishing connection was down. */
  readonly #unsent = new Set<string>();
  /**
   * Frames published; messages left unpublished because nobody else held their document; frames
   * not sent because the publishing connection was down.
   */
  readonly stats = { framesPublished: 0, messagesDropped: 0, framesUnsent: 0 };

  /** How long a document's load waits for its subscription before going on without it. */
  readonly #subscribeWaitMs: number;

  constructor(
    url: string,
    private readonly logger: Logger,
    { subscribeWaitMs = 1_000 }: { subscribeWaitMs?: number } = {},
  ) {
    this.#subscribeWaitMs = subscribeWaitMs;
    const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
    // No auto-pipelining: each document's publishes of one tick are one frame already, and ioredis's
    // pipeline per tick cost more than the writes it saved (two processes: 15 % more CPU per
    // delivery, docs/PERFORMANCE.md "What changed" 23). Commands leave in the order they are issued.
    this.#pub = new Redis(url, { ...options, enableAutoPipelining: false, connectionName: `lcs-pub-${this.#origin.toString('hex')}` });
    this.#sub = new Redis(url, { ...options, connectionName: this.subscriberName });
    for (const conn of [this.#pub, this.#sub]) conn.on('error', (err) => this.logger.warn({ err }, 'redis connection error'));
    this.#sub.on('messageBuffer', (channel: Buffer, frame: Buffer) => this.#deliver(channel.toString(), frame));
    this.#pub.on('ready', () => this.#announceUnsent());
    this.#sub.on('ready', () => {
      this.#epoch += 1;
      if (this.#epoch === 1) return;
      // ioredis re-subscribes our channels on reconnect; what was published meanwhile is gone. A
      // PING answered on this connection comes after the re-subscriptions.
      this.#sub
        .ping()
        .then(() => {
          this.logger.warn('redis reconnected: resyncing loaded documents from storage');
          for (const [documentId, channel] of this.#channels) {
            this.#announce(documentId, channel, ANNOUNCE_JOINED);
            channel.subscriber.resync();
          }
        })
        .catch((err: unknown) => this.logger.warn({ err }, 'redis reconnect check failed'));
    });
  }

  /** The subscriber connection's name in Redis (`CLIENT LIST`), as an operator would look for it. */
  get subscriberName(): string {
    return `lcs-sub-${this.#origin.toString('hex')}`;
  }

  static channel(documentId: string): string {
    return `lcs:doc:${documentId}`;
  }

  async subscribe(documentId: string, subscriber: FanoutSubscriber): Promise<void> {
    const channel: Channel = { subscriber, alone: false, dropped: false, heard: 0 };
    this.#channels.set(documentId, channel);
    const subscribed = this.#sub.subscribe(RedisFanout.channel(documentId)).then(
      () => true,
      (err: unknown) => {
        this.logger.warn({ err, documentId }, 'redis subscribe failed');
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([subscribed, new Promise<false>((resolve) => (timer = setTimeout(resolve, this.#subscribeWaitMs, false)))]);
    clearTimeout(timer);
    const started = () => this.#channels.get(documentId) === channel;
    if (inTime) {
      if (started()) this.#announce(documentId, channel, ANNOUNCE_JOINED);
      return;
    }
    // Redis is away (or slow): the document does not wait for it to load. Once the subscription is
    // up, it reads storage again for whatever was published before then.
    this.logger.warn({ documentId }, 'redis subscription not confirmed in time; the document will read storage again once it is');
    void subscribed.then((ok) => {
      if (!ok || !started()) return;
      this.#announce(documentId, channel, ANNOUNCE_JOINED);
      subscriber.resync();
    });
  }

  async unsubscribe(documentId: string): Promise<void> {
    this.#channels.delete(documentId);
    await this.#sub.unsubscribe(RedisFanout.channel(documentId));
  }

  publish(documentId: string, message: FanoutMessage): void {
    const channel = this.#channels.get(documentId);
    if (channel?.alone) {
      if (message.kind === 'update') channel.dropped = true;
      this.stats.messagesDropped += 1;
      return;
    }
    this.#queue(documentId, message);
  }

  /** Whether the publishing connection is up (while it is not, frames are left unsent, not queued). */
  get publishing(): boolean {
    return this.#pub.status === 'ready';
  }

  /** Both connections up: what this process publishes goes out, and what the others publish comes in. */
  get connected(): boolean {
    return this.publishing && this.#sub.status === 'ready';
  }

  /** Whether, as far as this process can tell, nobody else holds the document now. */
  isAlone(documentId: string): boolean {
    return this.#channels.get(documentId)?.alone ?? false;
  }

  #announce(documentId: string, channel: Channel, flags: number): void {
    if (channel.dropped) flags |= ANNOUNCE_DROPPED;
    channel.dropped = false;
    channel.alone = false;
    this.#queue(documentId, { kind: 'announce', payload: Uint8Array.of(flags) });
  }

  #queue(documentId: string, entry: FrameEntry): void {
    const pending = this.#outgoing.get(documentId);
    if (pending) return void pending.push(entry);
    if (this.#outgoing.size === 0) process.nextTick(this.#flush);
    this.#outgoing.set(documentId, [entry]);
  }

  #flush = (): void => {
    // While the publishing connection is down, ioredis would queue every PUBLISH in memory, without
    // bound, and send them all, stale, once it is back. Nothing is queued instead: what is not sent
    // is in storage already, and the document announces itself once the connection is back.
    if (!this.publishing) {
      for (const [documentId, messages] of this.#outgoing) this.#leaveUnsent(documentId, messages);
      this.#outgoing.clear();
      return;
    }
    for (const [documentId, messages] of this.#outgoing) {
      const frame = encodeFrame(this.#origin, messages);
      const channel = this.#channels.get(documentId);
      const sent = channel && { channel, heard: channel.heard, epoch: this.#epoch, subscribed: this.#sub.status === 'ready' };
      this.stats.framesPublished += 1;
      this.#pub.publish(RedisFanout.channel(documentId), frame).then(
        (receivers) => {
          if (sent) this.#noteReceivers(documentId, sent, receivers);
        },
        (err: unknown) => this.logger.error({ err, documentId }, 'redis publish failed'),
      );
    }
    this.#outgoing.clear();
  };

  #leaveUnsent(documentId: string, messages: readonly FrameEntry[]): void {
    this.stats.framesUnsent += 1;
    const channel = this.#channels.get(documentId);
    if (!channel) return;
    // An unsent update, compaction or `dropped` announce means the others must read storage. (Lost
    // presence is renewed by its clients; a lost `joined` is made good by the announce below.)
    if (messages.some((m) => m.kind === 'update' || m.kind === 'compacted' || (m.kind === 'announce' && (m.payload[0]! & ANNOUNCE_DROPPED) !== 0))) {
      channel.dropped = true;
    }
    this.#unsent.add(documentId);
  }

  /**
   * The publishing connection is (back) up: each document that left frames unsent announces itself
   * as new (`joined`, so the other processes also send their presence), flagged `dropped` if an
   * update (or a compaction, or an announce) was among them, so that they read storage, and sends
   * its own presence again (what went unsent may have been its people's renewals).
   */
  #announceUnsent(): void {
    for (const documentId of this.#unsent) {
      const channel = this.#channels.get(documentId);
      if (!channel) continue;
      this.#announce(documentId, channel, ANNOUNCE_JOINED);
      channel.subscriber.peerJoined();
    }
    this.#unsent.clear();
  }

  /** Goes quiet on a channel when a publish reached only our own subscription, and nothing contradicts it since. */
  #noteReceivers(documentId: string, sent: { channel: Channel; heard: number; epoch: number; subscribed: boolean }, receivers: number): void {
    const { channel } = sent;
    if (receivers > 1 || !sent.subscribed || sent.epoch !== this.#epoch || sent.heard !== channel.heard) return;
    if (this.#channels.get(documentId) !== channel) return;
    channel.alone = true;
  }

  #deliver(channelName: string, frame: Buffer): void {
    if (frame.length < HEADER_BYTES || frame.subarray(1, HEADER_BYTES).equals(this.#origin)) return;
    const documentId = channelName.slice('lcs:doc:'.length);
    const channel = this.#channels.get(documentId);
    if (!channel) return;
    // Somebody else holds the document: publish to it again.
    channel.heard += 1;
    channel.alone = false;
    let entries: FrameEntry[];
    try {
      if (frame[0] !== FORMAT) throw new Error(`unknown frame format ${frame[0]}`);
      entries = decodeFrame(frame);
    } catch (err) {
      // Whatever it carried is in storage (published only once stored): catch up from there.
      this.logger.warn({ err, documentId }, 'unreadable frame from another process; resyncing from storage');
      channel.subscriber.resync();
      return;
    }
    for (const entry of entries) {
      if (entry.kind !== 'announce') {
        channel.subscriber.message(entry as FanoutMessage);
        continue;
      }
      const flags = entry.payload[0] ?? 0;
      if (flags & ANNOUNCE_DROPPED) channel.subscriber.resync();
      if (flags & ANNOUNCE_JOINED) {
        this.#announce(documentId, channel, 0);
        channel.subscriber.peerJoined();
      }
    }
  }

  async close(): Promise<void> {
    this.#flush();
    await Promise.allSettled([this.#pub.quit(), this.#sub.quit()]);
  }
}
