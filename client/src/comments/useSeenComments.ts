import { useCallback, useState } from 'react';
import type { Thread } from '@lcs/shared';
import { browserStore } from '../lib/keyValueStore.ts';
import { markThreadSeen, readSeen, seenKey, writeSeen } from './unreadComments.ts';

/** The comments this person has seen on this document (kept on this device), and a way to add a card's. */
export function useSeenComments(personId: string, documentId: string, threads: readonly Thread[]) {
  const key = seenKey(personId, documentId);
  const [seen, setSeen] = useState(() => ({ key, ids: readSeen(browserStore(), key) as ReadonlySet<string> }));
  // Another person or document: start from what this device remembers for them.
  const current = seen.key === key ? seen.ids : readSeen(browserStore(), key);
  if (seen.key !== key) setSeen({ key, ids: current });

  const markSeen = useCallback(
    (thread: Thread) => {
      setSeen((previous) => {
        const ids = markThreadSeen(previous.ids, thread);
        if (ids === previous.ids) return previous;
        writeSeen(browserStore(), previous.key, ids, threads);
        return { key: previous.key, ids };
      });
    },
    [threads],
  );
  return { seen: current, markSeen };
}
