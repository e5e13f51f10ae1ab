import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import type { FanoutMessage } from './fanout.ts';
import { decodeFrame, RedisFanout } from './redisFanout.ts';
import { eventually } from '../../../test/waiting.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const logger = createLogger('silent');

const bytes = (...values: number[]) => new Uint8Array(values);
const plain = (messages: FanoutMessage[]) => messages.map((m) => ({ kind: m.kind, payload: Array.from(m.payload) }));

describe('RedisFanout (real Redis)', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  function open(): RedisFanout {
    const fanout = new RedisFanout(REDIS_URL, logger);
    closing.push(() => fanout.close());
    return fanout;
  }

  it("delivers another process's messages in order, sends one frame per document per tick, and skips its own", async () => {
    const documentId = `fanout-test-${process.pid}-${Date.now()}`;
    const a = open();
    const b = open();
    const seenByA: FanoutMessage[] = [];
    const seenByB: FanoutMessage[] = [];
    await a.subscribe(documentId, (m) => seenByA.push(m));
    await b.subscribe(documentId, (m) => seenByB.push(m));
    const raw = new Redis(REDIS_URL);
    closing.push(() => raw.quit());
    const frames: Buffer[] = [];
    raw.on('messageBuffer', (_channel: Buffer, frame: Buffer) => frames.push(frame));
    await raw.subscribe(RedisFanout.channel(documentId));

    const sent: FanoutMessage[] = [
      { kind: 'update', payload: bytes(1, 2, 3) },
      { kind: 'awareness', payload: bytes(9) },
      { kind: 'update', payload: bytes() },
    ];
    for (const m of sent) a.publish(documentId, m);

    await eventually(() => expect(plain(seenByB)).toEqual(plain(sent)));
    expect(frames).toHaveLength(1);
    expect(plain(decodeFrame(frames[0]!))).toEqual(plain(sent));
    await new Promise((r) => setTimeout(r, 50));
    expect(seenByA).toEqual([]);
  });

  it('treats an unreadable frame as a gap: it resyncs from storage instead of applying anything', async () => {
    const documentId = `fanout-bad-${process.pid}-${Date.now()}`;
    const b = open();
    const seen: FanoutMessage[] = [];
    let resyncs = 0;
    b.onResync(() => (resyncs += 1));
    await b.subscribe(documentId, (m) => seen.push(m));
    const raw = new Redis(REDIS_URL);
    closing.push(() => raw.quit());
    // Right format and a foreign origin, but the message claims more bytes than the frame holds.
    const frame = Buffer.concat([Buffer.from([0x21]), Buffer.alloc(8, 7), Buffer.from([1, 0, 0, 0, 9, 1, 2])]);
    await raw.publish(RedisFanout.channel(documentId), frame);
    await eventually(() => expect(resyncs).toBe(1));
    expect(seen).toEqual([]);
  });
});
