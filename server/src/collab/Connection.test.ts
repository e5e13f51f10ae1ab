import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createLogger } from '../logger.ts';
import { CloseError } from './CloseError.ts';
import { Connection, SharedFrame, frameBinary } from './Connection.ts';

/** A real server socket wrapped in a Connection, and a real `ws` client on the other end. */
async function connectedPair(): Promise<{ conn: Connection; client: WebSocket; received: Buffer[]; close: () => Promise<void> }> {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const accepted = new Promise<Connection>((resolve) => {
    server.on('upgrade', (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        resolve(new Connection(ws, 'doc', { userId: 'u', access: 'edit', readOnly: false }, createLogger('silent'), socket));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  const conn = await accepted;
  return {
    conn,
    client,
    received,
    close: async () => {
      client.terminate();
      wss.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const payload = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('Connection', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('frames a message once with the right length header for every size class', () => {
    expect([...frameBinary(payload(3, 1)).subarray(0, 2)]).toEqual([0x82, 3]);
    const medium = frameBinary(payload(126, 1));
    expect([...medium.subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    const large = frameBinary(payload(70_000, 1));
    expect(large[1]).toBe(127);
    expect(Buffer.from(large).readBigUInt64BE(2)).toBe(70_000n);
    expect(Buffer.from(large.subarray(10)).equals(Buffer.from(payload(70_000, 1)))).toBe(true);
    const shared = new SharedFrame(payload(10, 2));
    expect(shared.frame).toBe(shared.frame);
  });

  it('delivers shared frames and ws sends to a real client intact and in the order they were sent', async () => {
    const pair = await connectedPair();
    cleanup = pair.close;
    // Sizes on both sides of the 7-bit, 16-bit and 64-bit length forms, interleaved with plain sends.
    const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const sent: Uint8Array[] = [];
    sizes.forEach((n, i) => {
      const relayed = payload(n, i);
      pair.conn.send(relayed, new SharedFrame(relayed));
      sent.push(relayed);
      const replied = payload(i + 5, 100 + i);
      pair.conn.send(replied);
      sent.push(replied);
    });
    await expect.poll(() => pair.received.length, { timeout: 5_000 }).toBe(sent.length);
    pair.received.forEach((got, i) => expect(Buffer.from(got).equals(Buffer.from(sent[i]!)), `message ${i}`).toBe(true));
  });

  it('sends nothing once closed', async () => {
    const pair = await connectedPair();
    cleanup = pair.close;
    const closed = new Promise((resolve) => pair.client.once('close', resolve));
    pair.conn.close(new CloseError('badMessage', 'test'));
    const message = payload(4, 9);
    pair.conn.send(message, new SharedFrame(message));
    await closed;
    expect(pair.received).toEqual([]);
  });
});
