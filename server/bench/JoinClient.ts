import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;

/** What a new, empty Y.Doc says in the sync handshake; computed once, sent by every joiner. */
const emptyDoc = new Y.Doc();
const encodeSync = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
};
const STEP1 = encodeSync((e) => syncProtocol.writeSyncStep1(e, emptyDoc));
const STEP2 = encodeSync((e) => syncProtocol.writeSyncStep2(e, emptyDoc));

/**
 * A joiner with an empty document that only syncs: sends the same frames as a fresh stock provider
 * (step 1 with an empty state vector, an empty step 2 in answer to the server's step 1) but keeps
 * no Y.Doc, so 100 of them can take a multi-megabyte document without the generator applying it
 * 100 times. Resolves with the payload of the server's sync step 2.
 */
export function joinDocument(url: string, cookie: string | undefined, timeoutMs = 120_000): { done: Promise<Uint8Array>; close(): void } {
  const ws = new WebSocket(url, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
  const done = new Promise<Uint8Array>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`join did not sync within ${timeoutMs} ms`)), timeoutMs);
    ws.on('open', () => ws.send(STEP1));
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) ws.send(STEP2);
      else if (syncType === syncProtocol.messageYjsSyncStep2) {
        clearTimeout(timer);
        resolve(decoding.readVarUint8Array(decoder));
      }
    });
    ws.on('error', (err) => reject(err));
    ws.on('close', (code) => reject(new Error(`closed with ${code} before syncing`)));
  });
  return { done, close: () => ws.close(1000) };
}
