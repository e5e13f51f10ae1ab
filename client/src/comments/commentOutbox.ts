import type { CreateThreadBody } from '@lcs/shared';
import { readJson, writeJson } from '../lib/keyValueStore.ts';
import type { KeyValueStore } from '../lib/keyValueStore.ts';

type CommentText = { body: string; mentions: string[] };

/**
 * A comment action taken while the server could not be reached, kept in the order it was taken:
 * a new thread or reply, an edit or deletion of one's own comment, resolving or reopening a
 * thread, or a decision on a suggestion. The panel offers no action on a thread or reply still
 * waiting here, so every one names a thread or comment the server has (or was sent before it).
 */
export type OutboxRequest =
  | { kind: 'thread'; body: CreateThreadBody }
  | { kind: 'reply'; threadId: string; body: CommentText }
  | { kind: 'edit'; threadId: string; commentId: string; body: CommentText }
  | { kind: 'delete'; threadId: string; commentId: string }
  | { kind: 'resolve'; threadId: string; resolved: boolean }
  /**
   * `text`, for an accept: the text the suggestion would replace as it was when the person accepted
   * it. If it is not the same when the accept is sent, the accept is refused rather than applied to
   * text they never saw.
   */
  | { kind: 'decide'; threadId: string; decision: 'accepted' | 'rejected'; text?: string };

export type OutboxEntry = OutboxRequest & {
  /**
   * Local id, for the panel's list keys and for discarding; also what makes sending it twice
   * harmless: the new thread's or reply's id, and a decision's request id (see the threads API).
   */
  id: string;
  createdAt: string;
  /** Why the server refused it; a refused entry waits for the person to discard it. */
  error: string | null;
};

/** Where a person's unsent comments on a document wait, on this device. */
export function outboxKey(personId: string, documentId: string): string {
  return `lcs-outbox:${personId}:${documentId}`;
}

type Loose = Record<string, unknown>;
const isText = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as Loose).body === 'string';

/** Whether the fields `kind` needs are there (what an older or damaged store holds is dropped). */
function hasFieldsOf(entry: Loose): boolean {
  const inThread = typeof entry.threadId === 'string';
  switch (entry.kind) {
    case 'thread':
      return typeof entry.body === 'object' && entry.body !== null;
    case 'reply':
      return inThread && isText(entry.body);
    case 'edit':
      return inThread && typeof entry.commentId === 'string' && isText(entry.body);
    case 'delete':
      return inThread && typeof entry.commentId === 'string';
    case 'resolve':
      return inThread && typeof entry.resolved === 'boolean';
    case 'decide':
      return inThread && (entry.decision === 'accepted' || entry.decision === 'rejected') && (entry.text === undefined || typeof entry.text === 'string');
    default:
      return false;
  }
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Loose;
  return hasFieldsOf(entry) && typeof entry.id === 'string' && typeof entry.createdAt === 'string' && (entry.error === null || typeof entry.error === 'string');
}

/** Entries still to send (not refused). */
export const waitingEntries = (entries: readonly OutboxEntry[]): OutboxEntry[] => entries.filter((e) => e.error === null);

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
