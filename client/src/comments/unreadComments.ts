import type { Thread, ThreadComment } from '@lcs/shared';
import { readJson, writeJson } from '../lib/keyValueStore.ts';
import type { KeyValueStore } from '../lib/keyValueStore.ts';

/** Where the ids of the comments a person has seen on a document are kept, on this device. */
export function seenKey(personId: string, documentId: string): string {
  return `lcs-seen:${personId}:${documentId}`;
}

export function readSeen(store: KeyValueStore, key: string): Set<string> {
  const value = readJson(store, key, []);
  return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
}

/** Saves the seen ids, keeping only those of comments that still exist so the list stays small. */
export function writeSeen(store: KeyValueStore, key: string, seen: ReadonlySet<string>, threads: readonly Thread[]): void {
  const existing = new Set(threads.flatMap((t) => t.comments.map((c) => c.id)));
  writeJson(store, key, [...seen].filter((id) => existing.has(id)));
}

/** Comments by others that this person has not seen yet (their own never count, nor deleted ones). */
export function unseenComments(thread: Thread, seen: ReadonlySet<string>, meId: string): ThreadComment[] {
  return thread.comments.filter((c) => !c.deleted && c.authorId !== meId && !seen.has(c.id));
}

/** `seen` plus every comment of `thread`; the same set when there was nothing new. */
export function markThreadSeen(seen: ReadonlySet<string>, thread: Thread): ReadonlySet<string> {
  if (thread.comments.every((c) => seen.has(c.id))) return seen;
  return new Set([...seen, ...thread.comments.map((c) => c.id)]);
}
