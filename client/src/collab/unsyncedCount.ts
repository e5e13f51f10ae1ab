import type { KeyValueStore } from '../lib/keyValueStore.ts';

/**
 * How many local changes of a document had not reached the server when this page last counted,
 * kept on this device so a reload while offline still says "Offline — 3 unsynced changes" (the
 * changes themselves are in y-indexeddb; the sync indicator only counts them).
 */
export const unsyncedCountKey = (documentId: string) => `lcs-unsynced:${documentId}`;

export function readUnsyncedCount(store: KeyValueStore, documentId: string): number {
  try {
    const value = Number(store.getItem(unsyncedCountKey(documentId)));
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

export function writeUnsyncedCount(store: KeyValueStore, documentId: string, count: number): void {
  try {
    if (count > 0) store.setItem(unsyncedCountKey(documentId), String(count));
    else store.removeItem(unsyncedCountKey(documentId));
  } catch {
    // A full store only loses the count, never the changes.
  }
}
