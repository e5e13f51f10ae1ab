import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '@lcs/shared';
import { CloseError } from './CloseError.ts';
import { checkClientUpdate, parseMessage } from './messageHandler.ts';
import { frame } from '../../test/frames.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (a: Uint8Array, b: Uint8Array) => new Uint8Array([...a, ...b]);

function realUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'Lifelong learning for all');
  return Y.encodeStateAsUpdate(doc);
}

function realAwarenessUpdate(): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name: 'Amina' } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return update;
}

const update = realUpdate();
const stateVector = Y.encodeStateVector(new Y.Doc());
const awarenessUpdate = realAwarenessUpdate();

describe('parseMessage accepts every stock y-websocket message', () => {
  it.each([
    ['sync step 1', frame(MessageType.sync, syncProtocol.messageYjsSyncStep1, stateVector), { kind: 'syncStep1', stateVector }],
    ['sync step 2', frame(MessageType.sync, syncProtocol.messageYjsSyncStep2, update), { kind: 'update', update }],
    ['sync update', frame(MessageType.sync, syncProtocol.messageYjsUpdate, update), { kind: 'update', update, frame: frame(MessageType.sync, syncProtocol.messageYjsUpdate, update) }],
    ['awareness', frame(MessageType.awareness, awarenessUpdate), { kind: 'awareness', update: awarenessUpdate, frame: frame(MessageType.awareness, awarenessUpdate) }],
    ['query awareness', frame(MessageType.queryAwareness), { kind: 'queryAwareness' }],
  ])('%s', (_name, data, expected) => {
    expect(parseMessage(data)).toEqual(expected);
  });
});

describe('parseMessage refuses malformed frames with bad_message', () => {
  it.each([
    ['an empty frame', bytes(), /malformed message/],
    ['an unknown top-level type', frame(7), /unknown message type 7/],
    ['the auth type, which this server does not speak', frame(MessageType.auth, 0), /unknown message type 2/],
    ['a truncated varint', bytes(0x80), /malformed message/],
    ['an overlong varint beyond 2^53', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), /malformed message/],
    ['a sync message without its sync type', frame(MessageType.sync), /malformed message/],
    ['an unknown sync type', frame(MessageType.sync, 9, update), /unknown sync message type 9/],
    ['a sync update without its payload', frame(MessageType.sync, syncProtocol.messageYjsUpdate), /malformed message/],
    ['a payload length longer than the frame', concat(frame(MessageType.sync, syncProtocol.messageYjsUpdate, 200), bytes(1, 2, 3)), /malformed message/],
    ['an awareness message without its payload', frame(MessageType.awareness), /malformed message/],
    ['trailing bytes after a sync update', concat(frame(MessageType.sync, syncProtocol.messageYjsUpdate, update), bytes(0)), /trailing bytes/],
    ['trailing bytes after query awareness', frame(MessageType.queryAwareness, 0), /trailing bytes/],
  ])('%s', (_name, data, detail) => {
    let thrown: unknown;
    try {
      parseMessage(data);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CloseError);
    expect(thrown).toMatchObject({ kind: 'badMessage', code: CloseCode.badMessage.code, reason: CloseCode.badMessage.reason });
    expect((thrown as CloseError).message).toMatch(detail);
  });
});

describe('checkClientUpdate', () => {
  it('accepts a real update and the empty update a stock client sends', () => {
    expect(() => checkClientUpdate(new Y.Doc(), update)).not.toThrow();
    expect(() => checkClientUpdate(new Y.Doc(), Y.encodeStateAsUpdate(new Y.Doc()))).not.toThrow();
  });

  it.each([
    ['garbage bytes', new TextEncoder().encode('not a yjs update')],
    ['a real update cut in half', update.slice(0, Math.floor(update.length / 2))],
    ['a lone continuation byte', bytes(0xff)],
  ])('refuses %s with bad_update', (_name, data) => {
    expect(() => checkClientUpdate(new Y.Doc(), data)).toThrow(expect.objectContaining({ kind: 'badUpdate', code: CloseCode.badUpdate.code }));
  });

  it.each([['threads'], ['suggestions'], ['meta']])('refuses a client write to the server-owned root %s with 4403', (root) => {
    const forged = new Y.Doc();
    forged.getMap(root).set('x', 'forged');
    expect(() => checkClientUpdate(new Y.Doc(), Y.encodeStateAsUpdate(forged))).toThrow(expect.objectContaining({ kind: 'forbidden', code: CloseCode.forbidden.code }));
  });
});
