import type { Thread } from '@lcs/shared';

/** The panel's filter tabs. */
export type ThreadFilter = 'open' | 'resolved' | 'mine' | 'mentioning';

export const threadFilters: readonly { id: ThreadFilter; label: string }[] = [
  { id: 'open', label: 'Open' },
  { id: 'resolved', label: 'Resolved' },
  { id: 'mine', label: 'Mine' },
  { id: 'mentioning', label: 'Mentioning me' },
];

/**
 * Still waiting for someone: not resolved, and not a suggestion that was already accepted or
 * rejected (a decided suggestion is done, like a resolved thread, and is no longer highlighted).
 */
export function isOpenThread(thread: Pick<Thread, 'resolved' | 'suggestion'>): boolean {
  return !thread.resolved && (thread.suggestion === null || thread.suggestion.status === 'pending');
}

/** Whether `thread` belongs under `filter` for the person `meId`. */
export function matchesFilter(thread: Thread, filter: ThreadFilter, meId: string): boolean {
  switch (filter) {
    case 'open':
      return isOpenThread(thread);
    case 'resolved':
      return !isOpenThread(thread);
    case 'mine':
      // Started it, or took part in it.
      return thread.authorId === meId || thread.comments.some((c) => !c.deleted && c.authorId === meId);
    case 'mentioning':
      return thread.comments.some((c) => !c.deleted && c.mentions.includes(meId));
  }
}
