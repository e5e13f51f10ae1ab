import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../logger.ts';
import { MemoryStorage } from '../storage/memoryStorage.ts';
import { LocalFanout } from './fanout/fanout.ts';
import { SharedDocument } from './SharedDocument.ts';

const build = () =>
  new SharedDocument('d', { storage: new MemoryStorage(), fanout: new LocalFanout(), logger: createLogger('silent'), hooks: [], compactAfterUpdates: 500 });

describe('full-state cache for newcomers', () => {
  it('encodes the whole document once for any number of newcomers', () => {
    const doc = build();
    doc.ydoc.getText('t').insert(0, 'Nairobi');
    const [first] = doc.fullStateMessages();
    expect(doc.fullStateMessages()).toEqual([first]);
    expect(doc.fullStateMessages()[0]).toBe(first);
    expect(doc.fullStateEncodes).toBe(1);
  });

  it('is encoded again after a change it could not record, and carries the latest state', () => {
    const doc = build();
    doc.ydoc.getText('t').insert(0, 'Rabat');
    const [before] = doc.fullStateMessages();
    doc.ydoc.getText('t').insert(5, ' الرباط');
    const messages = doc.fullStateMessages();
    expect(messages).toHaveLength(1);
    const after = messages[0]!;
    expect(after).not.toBe(before);
    // message = [sync=0][step2=1][varUint8Array update]
    const client = new Y.Doc();
    Y.applyUpdate(client, after.subarray(after.length - Y.encodeStateAsUpdate(doc.ydoc).length));
    expect(client.getText('t').toString()).toBe('Rabat الرباط');
  });
});
