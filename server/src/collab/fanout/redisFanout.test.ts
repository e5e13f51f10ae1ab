import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import type { FanoutMessage, FanoutSubscriber } from './fanout.ts';
import { decodeFrame, encodeFrame, RedisFanout } from './redisFanout.ts';
import { redisProxy } from '../../../test/redisProxy.ts';
import { eventually } from '../../../test/waiting.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');

const bytes = (...values: number[]) => new Uint8Array(values);
const plain = (messages: { kind: string; payload: Uint8Array; seq?: number }[]) =>
  messages.map((m) => ({ kind: m.kind, payload: Array.from(m.payload), ...(m.seq === undefined ? {} : { seq: m.seq }) }));
const update = (...values: number[]): FanoutMessage => ({ kind: 'update', payload: bytes(...values) });

/** A subscriber that records what it hears. */
function recorder() {
  const heard = { messages: [] as FanoutMessage[], resyncs: 0, peersJoined: 0 };
  const subscriber: FanoutSubscriber = {
    message: (m) => heard.messages.push(m),
    resync: () => (heard.resyncs += 1),
    peerJoined: () => (heard.peersJoined += 1),
  };
  return { heard, subscriber };
}

describe('RedisFanout (real Redis)', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  function open(url = REDIS_URL, options?: { subscribeWaitMs?: number }): RedisFanout {
    const fanout = new RedisFanout(url, logger, options);
    closing.push(() => fanout.close());
    return fanout;
  }

  /**
   * Two processes holding `documentId`, once the first has heard the second arrive (and answered);
   * the first reaches Redis at `firstUrl`.
   */
  async function twoHolding(documentId: string, firstUrl = REDIS_URL) {
    const a = open(firstUrl);
    const b = open();
    const onA = recorder();
    const onB = recorder();
    await a.subscribe(documentId, onA.subscriber);
    await b.subscribe(documentId, onB.subscriber);
    await eventually(() => expect(onA.heard.peersJoined).toBe(1));
    return { a, b, onA, onB };
  }

  function rawSubscriber(documentId: string) {
    const raw = new Redis(REDIS_URL);
    closing.push(() => raw.quit());
    const frames: Buffer[] = [];
    raw.on('messageBuffer', (_channel: Buffer, frame: Buffer) => frames.push(frame));
    return { frames, ready: raw.subscribe(RedisFanout.channel(documentId)), raw };
  }

  it("delivers another process's messages in order, sends one frame per document per tick, and skips its own", async () => {
    const documentId = `fanout-test-${process.pid}-${Date.now()}`;
    const watcher = rawSubscriber(documentId);
    await watcher.ready;
    // B's arrival reaches A (A answers it).
    const { a, onA, onB } = await twoHolding(documentId);

    const sent: FanoutMessage[] = [
      update(1, 2, 3),
      { kind: 'awareness', payload: bytes(9) },
      update(),
      // With its row number, up to the largest a row or stamp can be; and word of a compaction.
      { kind: 'update', payload: bytes(4, 5), seq: 2 ** 53 - 1 },
      { kind: 'update', payload: bytes(6), seq: 4_294_967_297 },
      { kind: 'compacted', payload: bytes(0, 1, 2) },
    ];
    for (const m of sent) a.publish(documentId, m);

    await eventually(() => expect(plain(onB.heard.messages)).toEqual(plain(sent)));
    const carrying = watcher.frames.map(decodeFrame).filter((entries) => entries.some((e) => e.kind !== 'announce'));
    expect(carrying).toHaveLength(1);
    expect(plain(carrying[0]!)).toEqual(plain(sent));
    await new Promise((r) => setTimeout(r, 50));
    expect(onA.heard.messages).toEqual([]);
    // Nobody reported a gap.
    expect([onA.heard.resyncs, onB.heard.resyncs]).toEqual([0, 0]);
  });

  it('publishes nothing while it holds a document alone; a newcomer reads storage if something went unpublished', async () => {
    const documentId = `fanout-alone-${process.pid}-${Date.now()}`;
    const a = open();
    const onA = recorder();
    await a.subscribe(documentId, onA.subscriber);
    // Its own announce reached nobody else.
    await eventually(() => expect(a.isAlone(documentId)).toBe(true));

    // A process joins while nothing went unpublished: no need to read storage again.
    const b = open();
    const onB = recorder();
    await b.subscribe(documentId, onB.subscriber);
    await eventually(() => expect(onA.heard.peersJoined).toBe(1));
    a.publish(documentId, update(1));
    await eventually(() => expect(plain(onB.heard.messages)).toEqual(plain([update(1)])));
    expect(onB.heard.resyncs).toBe(0);
    await b.unsubscribe(documentId);

    // B has gone: the next publish reaches only A's own subscription, after which A goes quiet.
    a.publish(documentId, update(2));
    await eventually(() => expect(a.isAlone(documentId)).toBe(true));
    const published = a.stats.framesPublished;
    const dropped = a.stats.messagesDropped;
    a.publish(documentId, update(3));
    a.publish(documentId, { kind: 'awareness', payload: bytes(7) });
    await new Promise((r) => setTimeout(r, 50));
    expect(a.stats.framesPublished).toBe(published);
    expect(a.stats.messagesDropped).toBe(dropped + 2);

    // C arrives: A answers that something went unpublished, so C reads storage once, then A
    // publishes again and C's updates reach A.
    const c = open();
    const onC = recorder();
    await c.subscribe(documentId, onC.subscriber);
    await eventually(() => expect(onC.heard.resyncs).toBe(1));
    expect(onA.heard.peersJoined).toBe(2);
    expect(a.isAlone(documentId)).toBe(false);
    a.publish(documentId, update(4));
    c.publish(documentId, update(5));
    await eventually(() => {
      expect(plain(onC.heard.messages)).toEqual(plain([update(4)]));
      expect(plain(onA.heard.messages)).toEqual(plain([update(5)]));
    });
    // A told C once; a later arrival is not sent to storage for what C already read.
    const d = open();
    const onD = recorder();
    await d.subscribe(documentId, onD.subscriber);
    await eventually(() => expect(onA.heard.peersJoined).toBe(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(onD.heard.resyncs).toBe(0);
    expect(onC.heard.resyncs).toBe(1);
  });

  it('after its subscriber connection comes back, a process catches up from storage, announces itself again and is not taken for alone', async () => {
    const documentId = `fanout-reconnect-${process.pid}-${Date.now()}`;
    const { a, b, onA, onB } = await twoHolding(documentId);

    const admin = new Redis(REDIS_URL);
    closing.push(() => admin.quit());
    const list = (await admin.call('CLIENT', 'LIST')) as string;
    const line = list.split('\n').find((l) => l.includes(`name=${b.subscriberName}`));
    expect(line, 'the subscriber connection is named').toBeDefined();
    await admin.call('CLIENT', 'KILL', 'ID', /\bid=(\d+)/.exec(line!)![1]!);
    // While B's subscription is down, B publishes: the receiver count (A only) must not make B quiet.
    b.publish(documentId, update(7));
    await eventually(() => expect(plain(onA.heard.messages)).toEqual(plain([update(7)])));

    // Back: B reads storage for whatever it missed and announces itself; A answers.
    await eventually(() => expect(onB.heard.resyncs).toBe(1), 10_000);
    await eventually(() => expect(onA.heard.peersJoined).toBe(2));
    expect(b.isAlone(documentId)).toBe(false);
    a.publish(documentId, update(8));
    b.publish(documentId, update(9));
    await eventually(() => {
      expect(plain(onB.heard.messages)).toEqual(plain([update(8)]));
      expect(plain(onA.heard.messages)).toEqual(plain([update(7), update(9)]));
    });
  });

  it('while Redis is unreachable it queues nothing; once back, the others read storage for what was not sent', async () => {
    const documentId = `fanout-outage-${process.pid}-${Date.now()}`;
    const proxy = await redisProxy(REDIS_URL);
    closing.push(proxy.down);
    const { a, onA, onB } = await twoHolding(documentId, proxy.url);
    a.publish(documentId, update(1));
    await eventually(() => expect(plain(onB.heard.messages)).toEqual(plain([update(1)])));

    await proxy.down();
    await eventually(() => expect(a.publishing).toBe(false));
    // One frame per tick, none kept: ioredis would hold every PUBLISH until Redis came back.
    for (let i = 0; i < 50; i++) {
      a.publish(documentId, update(2, i));
      a.publish(documentId, { kind: 'awareness', payload: bytes(i) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(a.stats.framesUnsent).toBe(50);
    expect(onB.heard.resyncs).toBe(0);

    await proxy.up();
    // B hears that updates went unsent and reads storage; A catches up too (its subscription was down)
    // and sends its presence again (its renewals went unsent).
    await eventually(() => expect(onB.heard.resyncs).toBe(1), 10_000);
    await eventually(() => expect(onA.heard.resyncs).toBe(1), 10_000);
    await eventually(() => expect(onA.heard.peersJoined).toBe(2));
    a.publish(documentId, update(3));
    await eventually(() => expect(plain(onB.heard.messages).at(-1)).toEqual(plain([update(3)])[0]));
    // Nothing of the outage arrived late.
    expect(plain(onB.heard.messages)).toEqual(plain([update(1), update(3)]));
  });

  it('a document opened while Redis is unreachable does not wait for it, and reads storage once its subscription is up', async () => {
    const documentId = `fanout-late-${process.pid}-${Date.now()}`;
    const proxy = await redisProxy(REDIS_URL);
    closing.push(proxy.down);
    const a = open(proxy.url, { subscribeWaitMs: 200 });
    await eventually(() => expect(a.publishing).toBe(true));
    await proxy.down();
    await eventually(() => expect(a.publishing).toBe(false));

    const onA = recorder();
    // Resolves without Redis (were it to wait, Redis would never come back: the proxy is brought up below).
    await a.subscribe(documentId, onA.subscriber);
    expect(onA.heard.resyncs).toBe(0);
    const b = open();
    const onB = recorder();
    await b.subscribe(documentId, onB.subscriber);
    b.publish(documentId, update(4));

    await proxy.up();
    // Subscribed at last: A reads what it missed from storage, announces itself, and hears B from now on.
    await eventually(() => expect(onA.heard.resyncs).toBeGreaterThanOrEqual(1), 10_000);
    // (Once or twice: the reconnection announces every document held as well.)
    await eventually(() => expect(onB.heard.peersJoined).toBeGreaterThanOrEqual(1));
    b.publish(documentId, update(5));
    await eventually(() => expect(plain(onA.heard.messages)).toEqual(plain([update(5)])));
  });

  it('treats an unreadable frame as a gap: that document resyncs from storage instead of applying anything', async () => {
    const documentId = `fanout-bad-${process.pid}-${Date.now()}`;
    const b = open();
    const onB = recorder();
    const other = recorder();
    await b.subscribe(documentId, onB.subscriber);
    await b.subscribe(`${documentId}-other`, other.subscriber);
    const raw = new Redis(REDIS_URL);
    closing.push(() => raw.quit());
    // Right format and a foreign origin, but the message claims more bytes than the frame holds.
    const frame = Buffer.concat([Buffer.from([0x22]), Buffer.alloc(8, 7), Buffer.from([1, 0, 0, 0, 9, 1, 2])]);
    await raw.publish(RedisFanout.channel(documentId), frame);
    await eventually(() => expect(onB.heard.resyncs).toBe(1));
    expect(onB.heard.messages).toEqual([]);
    // Only that document: the others it holds heard nothing wrong.
    expect(other.heard.resyncs).toBe(0);
  });

  it("refuses a frame with a message kind it does not know (a newer version's), so the receiver resyncs", () => {
    const frame = encodeFrame(Buffer.alloc(8, 1), [update(1)]);
    frame[9] = 9;
    expect(() => decodeFrame(frame)).toThrow(/unknown message kind 9/);
  });

  it('refuses a frame whose stored update is too short to carry its row number', () => {
    const good = encodeFrame(Buffer.alloc(8, 1), [{ kind: 'update', payload: bytes(7), seq: 42 }]);
    expect(plain(decodeFrame(good))).toEqual([{ kind: 'update', payload: [7], seq: 42 }]);
    // The same message claiming a body of 7 bytes: not even the row number fits.
    const short = Buffer.concat([good.subarray(0, 9), Buffer.from([4, 0, 0, 0, 7]), Buffer.alloc(7)]);
    expect(() => decodeFrame(short)).toThrow(/row number/);
  });
});
