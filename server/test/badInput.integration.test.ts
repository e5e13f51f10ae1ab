import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@lcs/shared';
import { MemoryStorage } from '../src/storage/memoryStorage.ts';
import { mergeStoredState } from '../src/storage/mergeState.ts';
import type { Storage } from '../src/storage/storage.ts';
import { connectClient, eventually, startServer, waitForSync } from './harness.ts';
import type { Client, RunningServer } from './harness.ts';
import { captureLogs } from './logCapture.ts';
import { frame } from './frames.ts';

const MAX_MESSAGE_BYTES = 4096;

const concat = (...arrays: Uint8Array[]) => new Uint8Array(arrays.flatMap((a) => [...a]));
const halfOf = (a: Uint8Array) => a.slice(0, Math.floor(a.length / 2));
const updateFrame = (update: Uint8Array) => frame(MessageType.sync, syncProtocol.messageYjsUpdate, update);

/** A real update that must never reach the document: if any bad frame smuggles it in, the text shows it. */
function injectedUpdate(text = 'INJECTED'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Awareness payload for one client (id 4242, clock 1) whose state is not JSON. */
const awarenessWithBadJson = () => frame(1, 4242, 1, new TextEncoder().encode('{"user": nope'));

type BadFrame = {
  name: string;
  data: () => Uint8Array | string;
  code: number;
  reason: string;
  /** What the server's warning about it must contain. */
  logged: Record<string, unknown>;
};

const bad = (name: string, data: BadFrame['data'], kind: 'badMessage' | 'badUpdate'): BadFrame => ({
  name,
  data,
  code: CloseCode[kind].code,
  reason: CloseCode[kind].reason,
  logged: { msg: 'closing connection', code: CloseCode[kind].code },
});

const badFrames: BadFrame[] = [
  bad('an empty frame', () => new Uint8Array(), 'badMessage'),
  bad('an unknown top-level message type', () => frame(7), 'badMessage'),
  bad('the auth message type, which this server does not speak', () => frame(MessageType.auth, 0), 'badMessage'),
  bad('a truncated varint', () => new Uint8Array([0x80]), 'badMessage'),
  bad('an overlong varint (beyond 2^53)', () => new Uint8Array([0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 'badMessage'),
  bad('a sync message with an unknown sync type', () => frame(MessageType.sync, 9, injectedUpdate()), 'badMessage'),
  bad('a sync update frame cut in half', () => halfOf(updateFrame(injectedUpdate())), 'badMessage'),
  bad('trailing bytes after a valid sync update', () => concat(updateFrame(injectedUpdate()), new Uint8Array([0])), 'badMessage'),
  bad('an awareness message whose payload is truncated', () => frame(MessageType.awareness, new Uint8Array([5])), 'badMessage'),
  bad('an awareness message whose state is not JSON', () => frame(MessageType.awareness, awarenessWithBadJson()), 'badMessage'),
  bad('an awareness message whose state is not UTF-8', () => frame(MessageType.awareness, frame(1, 4242, 1, Uint8Array.of(0x22, 0xff, 0x22))), 'badMessage'),
  bad('a sync update whose payload is garbage', () => updateFrame(new TextEncoder().encode('this is not a yjs update')), 'badUpdate'),
  bad('a sync step 2 carrying a real update cut in half', () => frame(MessageType.sync, syncProtocol.messageYjsSyncStep2, halfOf(injectedUpdate())), 'badUpdate'),
  bad('a text frame', () => 'hello, is this JSON?', 'badMessage'),
  {
    name: 'a frame over MAX_MESSAGE_BYTES carrying a real update',
    data: () => updateFrame(injectedUpdate('INJECTED '.repeat(MAX_MESSAGE_BYTES / 8))),
    code: CloseCode.messageTooBig.code,
    // ws refuses the frame itself, before any handler runs, and closes with the bare code: no reason.
    reason: '',
    logged: { msg: 'socket error', err: expect.objectContaining({ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }) },
  },
];

/** Text of what storage holds for a document, and the bytes themselves for an exact comparison. */
async function stored(storage: Storage, id: string) {
  const state = await storage.loadState(id);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeStoredState(state).update);
  return { state, text: doc.getText('t').toString() };
}

/** A raw `ws` client speaking bytes, admitted once the server greeted it with its sync step 1. */
async function openRawSocket(server: RunningServer, id: string) {
  const ws = new WebSocket(`${server.wsUrl}/${id}`, { headers: { cookie: server.cookie } });
  ws.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server kept the socket open for 5 s after the frame')), 5_000);
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
  await new Promise((resolve, reject) => {
    ws.once('message', resolve);
    ws.once('close', (code) => reject(new Error(`raw socket closed with ${code} before the greeting`)));
  });
  return { ws, closed };
}

/** Memory storage whose lookups of one document are slow, to hold its sockets in the admission hooks. */
class SlowLookupStorage extends MemoryStorage {
  slowDocumentId: string | undefined;
  slowLookupsDone = 0;
  override async getDocument(id: string) {
    if (id !== this.slowDocumentId) return super.getDocument(id);
    await new Promise((r) => setTimeout(r, 150));
    const doc = await super.getDocument(id);
    this.slowLookupsDone += 1;
    return doc;
  }
}

/** Masks one client-to-server WebSocket frame by hand (RFC 6455 §5.2), for a client `ws` would not let us write. */
function rawWsFrame(opcode: number, payload: Uint8Array): Buffer {
  const mask = randomBytes(4);
  const header = payload.length < 126 ? Buffer.from([0x80 | opcode, 0x80 | payload.length]) : Buffer.from([0x80 | opcode, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([header, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

describe('bad input on the collaboration socket', () => {
  const storage = new SlowLookupStorage();
  const logs = captureLogs('info');
  let server: RunningServer;
  const clients: Client[] = [];
  const connect = (id: string) => {
    const c = connectClient(server.wsUrl, id);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer({ MAX_MESSAGE_BYTES }, storage, logs.logger);
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy());
    storage.slowDocumentId = undefined;
  });
  afterAll(() => server.stop());

  it.each(badFrames)('$name closes only that socket ($code), leaves the document unchanged, and the others carry on', async ({ data, code, reason, logged }) => {
    const id = await server.createDocument('Nairobi learning city strategy');
    const a = connect(id);
    const b = connect(id);
    await Promise.all([waitForSync(a), waitForSync(b)]);
    const interruptions: string[] = [];
    for (const [name, c] of Object.entries({ a, b })) c.provider.on('connection-close', (e: { code: number } | null) => interruptions.push(`${name}:${e?.code}`));
    a.text.insert(0, 'Vision: ');
    await eventually(() => expect(b.text.toString()).toBe('Vision: '));
    b.text.insert(b.text.length, 'everyone learns.');
    await eventually(async () => expect((await stored(server.app.storage, id)).text).toBe('Vision: everyone learns.'));
    await eventually(() => expect(b.text.toString()).toBe('Vision: everyone learns.'));
    const before = await stored(server.app.storage, id);

    const raw = await openRawSocket(server, id);
    raw.ws.send(data());
    expect(await raw.closed).toEqual({ code, reason });

    // The stored document and what a newcomer loads are exactly as before.
    expect(await stored(server.app.storage, id)).toEqual(before);
    const fresh = connect(id);
    await waitForSync(fresh);
    expect(fresh.text.toString()).toBe(before.text);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(a.doc));

    // The error was logged with the document it happened on.
    expect(logs.entries.filter((e) => e.documentId === id && e.level >= 40)).toContainEqual(expect.objectContaining(logged));

    // The healthy clients never noticed and keep syncing through the server.
    a.text.insert(a.text.length, ' Still here.');
    await eventually(() => expect(b.text.toString()).toBe('Vision: everyone learns. Still here.'));
    await eventually(() => expect(fresh.text.toString()).toBe('Vision: everyone learns. Still here.'));
    expect(interruptions).toEqual([]);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', storage: server.app.storage.kind });
  });

  it('ignores frames that follow a refused text frame while the socket is still being admitted', async () => {
    const id = await server.createDocument('Rabat learning city strategy');
    const before = await stored(server.app.storage, id);
    storage.slowDocumentId = id;

    // A client that sends a text frame and then an update, and never answers the server's close frame.
    const socket = net.connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    const upgrade = [
      `GET /collab/${id} HTTP/1.1`,
      `Host: 127.0.0.1:${server.port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      `Cookie: ${server.cookie}`,
      '',
      '',
    ].join('\r\n');
    socket.write(Buffer.concat([Buffer.from(upgrade), rawWsFrame(0x1, new TextEncoder().encode('not binary')), rawWsFrame(0x2, updateFrame(injectedUpdate()))]));
    try {
      // The hooks look the document up twice (documentExists, sessionAccess); then admission is decided.
      await eventually(() => expect(storage.slowLookupsDone).toBe(2));
      await new Promise((r) => setTimeout(r, 100));
      expect(await stored(server.app.storage, id)).toEqual(before);
      expect(server.app.collab.registry.loaded.get(id)?.ydoc.getText('t').toString() ?? '').toBe('');
      expect(logs.entries.filter((e) => e.documentId === id && e.level >= 40)).toContainEqual(expect.objectContaining({ code: CloseCode.badMessage.code }));
    } finally {
      socket.destroy();
    }
  });
});
