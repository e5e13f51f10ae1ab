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
    const first = doc.fullStateMessage();
    expect(doc.fullStateMessage()).toBe(first);
  });

  it('is refreshed after the document changes, and carries the latest state', () => {
    const doc = build();
    doc.ydoc.getText('t').insert(0, 'Rabat');
    const before = doc.fullStateMessage();
    doc.ydoc.getText('t').insert(5, ' الرباط');
    const after = doc.fullStateMessage();
    expect(after).not.toBe(before);
    // message = [sync=0][step2=1][varUint8Array update]
    const client = new Y.Doc();
    Y.applyUpdate(client, after.subarray(after.length - Y.encodeStateAsUpdate(doc.ydoc).length));
    expect(client.getText('t').toString()).toBe('Rabat الرباط');
  });
});
