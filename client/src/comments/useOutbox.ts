import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { WebsocketProvider } from 'y-websocket';
import { readThreads } from '@lcs/shared';
import { addComment, createThread, decideSuggestion, deleteComment, editComment, setThreadResolved } from '../lib/threadsApi.ts';
import { outboxKey, readOutbox, replayOutbox, waitingEntries, writeOutbox } from './commentOutbox.ts';
import type { OutboxEntry, OutboxRequest } from './commentOutbox.ts';
import { browserStore } from '../lib/keyValueStore.ts';
import { CannotApplyError, classifySendError } from './sendErrors.ts';
import { sendAccept } from './suggestionDecisions.ts';

/** How often waiting comments are tried again while the document is connected (ms). */
const retryMs = 15_000;

function newLocalId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface Outbox {
  /** Comment actions waiting to be sent (or refused), in the order they were taken. */
  entries: readonly OutboxEntry[];
  /**
   * Sends a comment action now, or queues it when the server cannot be reached (or earlier ones are
   * still waiting, so it cannot overtake them). Rejects when it is refused.
   */
  submit(request: OutboxRequest): Promise<'sent' | 'queued'>;
  /** Forgets a waiting or refused action. */
  discard(id: string): void;
}

/**
 * Comment actions taken while offline wait in localStorage (per person and document) and are sent
 * in order once the document's connection is back and in sync. `editor` applies accepted
 * suggestions: an accept is a decision by the server followed by an edit of the text here.
 */
export function useOutbox(documentId: string, personId: string, provider: WebsocketProvider, editor: Editor): Outbox {
  const key = outboxKey(personId, documentId);
  const [entries, setEntries] = useState<readonly OutboxEntry[]>(() => readOutbox(browserStore(), key));
  // One replay at a time; a request meanwhile runs another one right after.
  const replaying = useRef(false);
  const replayAgain = useRef(false);

  const save = useCallback(
    (next: readonly OutboxEntry[]) => {
      writeOutbox(browserStore(), key, next);
      setEntries(next);
    },
    [key],
  );

  // The entry's id makes each request safe to send twice (see OutboxEntry.id).
  const send = useCallback(
    async (entry: OutboxEntry) => {
      switch (entry.kind) {
        case 'thread':
          return void (await createThread(documentId, { ...entry.body, id: entry.id }));
        case 'reply':
          return addComment(documentId, entry.threadId, { ...entry.body, id: entry.id });
        case 'edit':
          return editComment(documentId, entry.threadId, entry.commentId, entry.body);
        case 'delete':
          return deleteComment(documentId, entry.threadId, entry.commentId);
        case 'resolve':
          return setThreadResolved(documentId, entry.threadId, entry.resolved);
        case 'decide': {
          if (entry.decision === 'rejected') return decideSuggestion(documentId, entry.threadId, 'rejected', entry.id);
          // The thread as this device has it now: in sync with the server whenever this runs.
          const thread = readThreads(provider.doc).find((t) => t.id === entry.threadId);
          if (!thread) throw new CannotApplyError('This suggestion no longer exists.');
          return sendAccept(editor, documentId, thread, entry.id, entry.text);
        }
      }
    },
    [documentId, provider, editor],
  );

  const replay = useCallback(async () => {
    if (replaying.current) {
      replayAgain.current = true;
      return;
    }
    replaying.current = true;
    try {
      do {
        replayAgain.current = false;
        const snapshot = readOutbox(browserStore(), key);
        const snapshotIds = new Set(snapshot.map((e) => e.id));
        await replayOutbox(snapshot, send, classifySendError, (remaining) => {
          // Keep what was queued meanwhile, and do not bring back what was discarded meanwhile.
          const latest = readOutbox(browserStore(), key);
          const latestIds = new Set(latest.map((e) => e.id));
          save([...remaining.filter((e) => latestIds.has(e.id)), ...latest.filter((e) => !snapshotIds.has(e.id))]);
        });
      } while (replayAgain.current && provider.synced);
    } finally {
      replaying.current = false;
    }
  }, [key, provider, save, send]);

  useEffect(() => {
    const onSync = (synced: boolean) => {
      if (synced) void replay();
    };
    // The socket may outlive a short network loss without a new sync, so the browser's own
    // "back online" counts too, and so does a periodic retry while something waits.
    const onOnline = () => {
      if (provider.synced) void replay();
    };
    provider.on('sync', onSync);
    window.addEventListener('online', onOnline);
    if (provider.synced) void replay();
    return () => {
      provider.off('sync', onSync);
      window.removeEventListener('online', onOnline);
    };
  }, [provider, replay]);

  const waiting = waitingEntries(entries).length > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (provider.synced && navigator.onLine) void replay();
    }, retryMs);
    return () => clearInterval(timer);
  }, [waiting, provider, replay]);

  const submit = useCallback(
    async (request: OutboxRequest): Promise<'sent' | 'queued'> => {
      // One id whether it goes now or later, so a request whose answer was lost is not applied twice.
      const entry: OutboxEntry = { ...request, id: newLocalId(), createdAt: new Date().toISOString(), error: null };
      const enqueue = () => {
        save([...readOutbox(browserStore(), key), entry]);
        if (provider.synced) void replay();
        return 'queued' as const;
      };
      if (waitingEntries(readOutbox(browserStore(), key)).length > 0) return enqueue();
      try {
        await send(entry);
        return 'sent';
      } catch (error) {
        if (classifySendError(error).retry) return enqueue();
        throw error;
      }
    },
    [key, provider, replay, save, send],
  );

  const discard = useCallback((id: string) => save(readOutbox(browserStore(), key).filter((e) => e.id !== id)), [key, save]);

  return useMemo(() => ({ entries, submit, discard }), [entries, submit, discard]);
}
