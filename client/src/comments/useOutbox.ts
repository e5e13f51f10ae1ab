import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { ApiError, errorMessage, NetworkError } from '../lib/apiClient.ts';
import { addComment, createThread } from '../lib/threadsApi.ts';
import { outboxKey, readOutbox, replayOutbox, writeOutbox } from './commentOutbox.ts';
import type { OutboxEntry, OutboxRequest, SendFailure } from './commentOutbox.ts';
import { browserStore } from '../lib/keyValueStore.ts';

/** Offline, or the server is in trouble: worth sending again later. Anything else was refused. */
export function classifySendError(error: unknown): SendFailure {
  if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) return { retry: true };
  return { retry: false, message: errorMessage(error) };
}

/** How often waiting comments are tried again while the document is connected (ms). */
const retryMs = 15_000;

function newLocalId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface Outbox {
  /** Comments waiting to be sent (or refused), in the order they were written. */
  entries: readonly OutboxEntry[];
  /**
   * Sends a new thread or reply now, or queues it when the server cannot be reached (or earlier
   * comments are still waiting, so it cannot overtake them). Rejects when the server refuses it.
   */
  submit(request: OutboxRequest): Promise<'sent' | 'queued'>;
  /** Forgets a waiting or refused comment. */
  discard(id: string): void;
}

/**
 * Comments written while offline wait in localStorage (per person and document) and are sent in
 * order once the document's connection is back and in sync.
 */
export function useOutbox(documentId: string, personId: string, provider: WebsocketProvider): Outbox {
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

  const send = useCallback(
    async (request: OutboxRequest) => {
      if (request.kind === 'thread') await createThread(documentId, request.body);
      else await addComment(documentId, request.threadId, request.body);
    },
    [documentId],
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

  const waiting = entries.some((e) => e.error === null);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      if (provider.synced && navigator.onLine) void replay();
    }, retryMs);
    return () => clearInterval(timer);
  }, [waiting, provider, replay]);

  const submit = useCallback(
    async (request: OutboxRequest): Promise<'sent' | 'queued'> => {
      const enqueue = () => {
        save([...readOutbox(browserStore(), key), { ...request, id: newLocalId(), createdAt: new Date().toISOString(), error: null }]);
        if (provider.synced) void replay();
        return 'queued' as const;
      };
      if (readOutbox(browserStore(), key).some((e) => e.error === null)) return enqueue();
      try {
        await send(request);
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
