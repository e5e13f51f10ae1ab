import type { Thread } from '@lcs/shared';
import { isDetached } from '../editor/comments/threadAnchors.ts';
import type { AnchorRange } from '../editor/comments/threadAnchors.ts';

/** A thread with where its text is now; `range` is null when it is detached. */
export interface PlacedThread {
  thread: Thread;
  range: AnchorRange | null;
}

/** Threads in the order of their text in the document; detached ones last, oldest first. */
export function orderThreads(threads: readonly Thread[], ranges: ReadonlyMap<string, AnchorRange | null>): PlacedThread[] {
  const placed = threads.map((thread) => {
    const range = ranges.get(thread.id) ?? null;
    return { thread, range: isDetached(thread, range) ? null : range };
  });
  return placed.sort((a, b) => {
    if (a.range && b.range) return a.range.from - b.range.from || a.range.to - b.range.to || a.thread.createdAt.localeCompare(b.thread.createdAt);
    if (a.range || b.range) return a.range ? -1 : 1;
    return a.thread.createdAt.localeCompare(b.thread.createdAt);
  });
}
