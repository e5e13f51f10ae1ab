import type { CreateThreadBody } from '@lcs/shared';
import { readJson, writeJson } from '../lib/keyValueStore.ts';
import type { KeyValueStore } from '../lib/keyValueStore.ts';

/** A comment written while the server could not be reached, in the order it was written. */
export type OutboxRequest = { kind: 'thread'; body: CreateThreadBody } | { kind: 'reply'; threadId: string; body: { body: string; mentions: string[] } };

export type OutboxEntry = OutboxRequest & {
  /** Local id, for the panel's list keys and for discarding. */
  id: string;
  createdAt: string;
  /** Why the server refused it; a refused entry waits for the person to discard it. */
  error: string | null;
};

/** Where a person's unsent comments on a document wait, on this device. */
export function outboxKey(personId: string, documentId: string): string {
  return `lcs-outbox:${personId}:${documentId}`;
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<OutboxEntry> & { threadId?: unknown };
  const known = entry.kind === 'thread' || (entry.kind === 'reply' && typeof entry.threadId === 'string');
  return known && typeof entry.id === 'string' && typeof entry.createdAt === 'string' && typeof entry.body === 'object' && entry.body !== null;
}

export function readOutbox(store: KeyValueStore, key: string): OutboxEntry[] {
  const value = readJson(store, key, []);
  return Array.isArray(value) ? value.filter(isEntry) : [];
}

export function writeOutbox(store: KeyValueStore, key: string, entries: readonly OutboxEntry[]): void {
  if (entries.length === 0) store.removeItem(key);
  else writeJson(store, key, entries);
}

/** What to do with an entry the server did not take. */
export type SendFailure = { retry: true } | { retry: false; message: string };

/**
 * Sends the entries in order, one at a time, and reports what is left after each step (so a page
 * closed half-way sends nothing twice). It stops at the first failure worth retrying (offline,
 * server trouble) so later comments never overtake earlier ones; an entry the server refuses is
 * kept with its error for the person to see and discard, and the rest carry on. Entries that
 * already carry an error are left alone.
 */
export async function replayOutbox(
  entries: readonly OutboxEntry[],
  send: (entry: OutboxEntry) => Promise<void>,
  classify: (error: unknown) => SendFailure,
  onProgress: (remaining: OutboxEntry[]) => void,
): Promise<OutboxEntry[]> {
  let remaining = [...entries];
  for (const entry of entries) {
    if (entry.error !== null) continue;
    try {
      await send(entry);
      remaining = remaining.filter((e) => e.id !== entry.id);
    } catch (error) {
      const failure = classify(error);
      if (failure.retry) break;
      remaining = remaining.map((e) => (e.id === entry.id ? { ...e, error: failure.message } : e));
    }
    onProgress(remaining);
  }
  return remaining;
}
