import { useEffect, useMemo, useReducer, useState } from 'react';
import { browserStore } from '../lib/keyValueStore.ts';
import { createCollabSession } from './createCollabSession.ts';
import type { CollabSession } from './createCollabSession.ts';
import { deriveSyncView, initialSyncMachine, syncReducer } from './syncStatus.ts';
import type { SyncView } from './syncStatus.ts';
import { readUnsyncedCount, writeUnsyncedCount } from './unsyncedCount.ts';

export interface CollabSessionState {
  /** Null until the session is opened (the first effect run) and after it is closed. */
  session: CollabSession | null;
  sync: SyncView;
}

/**
 * Opens the collaboration session of one document for as long as the calling component is mounted.
 * Give that component `key={documentId}` so that switching documents also resets the sync state.
 */
export function useCollabSession(documentId: string): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  // Changes made offline before a reload are still unsynced after it (they wait in y-indexeddb).
  const [machine, dispatch] = useReducer(syncReducer, documentId, (id) => ({ ...initialSyncMachine, unsynced: readUnsyncedCount(browserStore(), id) }));
  useEffect(() => writeUnsyncedCount(browserStore(), documentId, machine.unsynced), [documentId, machine.unsynced]);

  useEffect(() => {
    const opened = createCollabSession(documentId, dispatch);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [documentId]);

  const sync = useMemo(() => deriveSyncView(machine), [machine]);
  return { session, sync };
}
