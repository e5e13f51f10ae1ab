import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from '@lcs/shared';
import { CloseError } from './CloseError.ts';
import type { Connection } from './Connection.ts';
import type { SharedDocument } from './SharedDocument.ts';
import { rootsWrittenBy, SERVER_OWNED_ROOTS } from './updateScope.ts';

/** A y-websocket frame, parsed and checked before anything touches the document. */
type ParsedMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** `frame` is set when the frame itself is an update message, so it can be relayed as it is. */
  | { kind: 'update'; update: Uint8Array; frame?: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; frame: Uint8Array }
  | { kind: 'queryAwareness' };

/**
 * Parses one frame completely (truncated or malformed varints, unknown types and trailing bytes are
 * all `badMessage`) so that a bad frame is refused before it has any effect.
 */
export function parseMessage(data: Uint8Array): ParsedMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: ParsedMessage;
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) message = { kind: 'syncStep1', stateVector: payload };
        else if (syncType === syncProtocol.messageYjsUpdate) message = { kind: 'update', update: payload, frame: data };
        else if (syncType === syncProtocol.messageYjsSyncStep2) message = { kind: 'update', update: payload };
        else throw new CloseError('badMessage', `unknown sync message type ${syncType}`);
        break;
      }
      case MessageType.awareness:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder), frame: data };
        break;
      case MessageType.queryAwareness:
        message = { kind: 'queryAwareness' };
        break;
      default:
        throw new CloseError('badMessage', `unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new CloseError('badMessage', 'trailing bytes after message');
    return message;
  } catch (err) {
    if (err instanceof CloseError) throw err;
    throw new CloseError('badMessage', `malformed message: ${(err as Error).message}`);
  }
}

/**
 * Checks an update before it is stored: it must decode completely (else 4422), and it may not write
 * the roots only the server writes, such as comment threads and the template record (else 4403).
 * One that depends on content the server lacks is refused with a transient code (4510) so the client
 * reconnects and sends it again together with what it depends on.
 */
export function checkClientUpdate(ydoc: Y.Doc, update: Uint8Array): void {
  let scope: ReturnType<typeof rootsWrittenBy>;
  try {
    scope = rootsWrittenBy(ydoc, update);
  } catch (err) {
    throw new CloseError('badUpdate', `update does not decode: ${(err as Error).message}`);
  }
  for (const root of scope.roots) {
    if (SERVER_OWNED_ROOTS.has(root)) throw new CloseError('forbidden', `clients may not write "${root}"`);
  }
  if (scope.unresolved) throw new CloseError('outOfSync', 'update depends on content the server has not seen');
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Wraps an encoded awareness update as a y-websocket frame. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Applies one parsed message on behalf of a connection, synchronously (storage is waited for by the
 * document's outbox, not here). Replies go through `doc.reply`, so they never run ahead of storage.
 */
export function handleMessage(doc: SharedDocument, conn: Connection, message: ParsedMessage): void {
  switch (message.kind) {
    case 'syncStep1': {
      // A newcomer (empty state vector) gets the cached full state: a join storm encodes it once.
      if (message.stateVector.byteLength === 1 && message.stateVector[0] === 0) {
        for (const message of doc.fullStateMessages()) doc.reply(conn, message);
        return;
      }
      let reply: Uint8Array;
      try {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        syncProtocol.writeSyncStep2(encoder, doc.ydoc, message.stateVector);
        reply = encoding.toUint8Array(encoder);
      } catch (err) {
        throw new CloseError('badMessage', `bad state vector: ${(err as Error).message}`);
      }
      doc.reply(conn, reply);
      return;
    }
    case 'update':
      // A read-only client's sync step 2 carries nothing it may write; ignore it rather than close,
      // so stock providers stay connected. Anything it did change never reaches the document.
      if (conn.context.readOnly) {
        if (message.update.byteLength > 2) doc.logger.warn({ documentId: doc.id, userId: conn.context.userId }, 'refused update from read-only connection');
        return;
      }
      checkClientUpdate(doc.ydoc, message.update);
      doc.applyClientUpdate(message.update, conn, message.frame);
      return;
    case 'awareness':
      try {
        doc.applyPresence(message.update, message.frame, conn);
      } catch (err) {
        throw new CloseError('badMessage', `bad awareness update: ${(err as Error).message}`);
      }
      return;
    case 'queryAwareness':
      doc.reply(conn, encodeAwarenessMessage(doc.presence.encode(doc.presence.clientIds)));
      return;
  }
}
