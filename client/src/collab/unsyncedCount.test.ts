import { describe, expect, it } from 'vitest';
import { memoryStore } from '../lib/keyValueStore.ts';
import { readUnsyncedCount, unsyncedCountKey, writeUnsyncedCount } from './unsyncedCount.ts';

describe('unsynced count', () => {
  it('carries the count of unsynced changes over a reload', () => {
    const store = memoryStore();
    writeUnsyncedCount(store, 'doc-1', 3);
    expect(readUnsyncedCount(store, 'doc-1')).toBe(3);
    expect(readUnsyncedCount(store, 'doc-2')).toBe(0);
  });

  it('forgets the count once everything is synced', () => {
    const store = memoryStore();
    writeUnsyncedCount(store, 'doc-1', 3);
    writeUnsyncedCount(store, 'doc-1', 0);
    expect(store.getItem(unsyncedCountKey('doc-1'))).toBeNull();
    expect(readUnsyncedCount(store, 'doc-1')).toBe(0);
  });

  it('reads a damaged count as none', () => {
    const store = memoryStore();
    for (const junk of ['abc', '-2', '1.5', '']) {
      store.setItem(unsyncedCountKey('doc-1'), junk);
      expect(readUnsyncedCount(store, 'doc-1')).toBe(0);
    }
  });
});
