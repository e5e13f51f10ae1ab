import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { isTerminalCloseCode } from '@lcs/shared';
import { collabServerUrl } from './collabServerUrl.ts';
import type { SyncEvent } from './syncStatus.ts';

/** One open document: its Y.Doc, the server connection and the on-device copy. */
export interface CollabSession {
  documentId: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Stops syncing and reporting. Safe to call twice. */
  destroy(): void;
}

/**
 * How long the connection may wait for IndexedDB before it connects anyway (ms). Loading the local
 * copy first lets the first sync exchange only the difference; a browser without IndexedDB
 * (some private modes) never answers, and must still be able to edit online.
 */
const localLoadTimeoutMs = 1000;
/** How often the socket buffer is checked while changes are being saved (ms). */
const drainPollMs = 100;
/** "Saving…" stays up until typing pauses this long, so the indicator does not flicker per key (ms). */
const savingSettleMs = 300;

/** IndexedDB database name of a document's on-device copy. */
export function localDatabaseName(documentId: string): string {
  return `lcs-doc-${documentId}`;
}

/**
 * Opens a document: loads the on-device copy from IndexedDB, connects to the sync server over the
 * stock y-websocket protocol, and reports every event the sync indicator needs to `report`.
 */
export function createCollabSession(documentId: string, report: (event: SyncEvent) => void): CollabSession {
  const ydoc = new Y.Doc();
  const persistence = new IndexeddbPersistence(localDatabaseName(documentId), ydoc);
  const provider = new WebsocketProvider(collabServerUrl(window.location), documentId, ydoc, {
    connect: false,
    // Spelled out so the provider and the sync indicator follow the one rule in @lcs/shared.
    shouldReconnect: (event) => !isTerminalCloseCode(event.code),
  });

  let destroyed = false;
  const emit = (event: SyncEvent) => {
    if (!destroyed) report(event);
  };

  let lastLocalUpdate = 0;
  let drainTimer: ReturnType<typeof setTimeout> | undefined;
  const watchDrain = () => {
    if (drainTimer !== undefined) return;
    const check = () => {
      drainTimer = undefined;
      const buffered = provider.ws?.bufferedAmount ?? 0;
      if (buffered === 0 && Date.now() - lastLocalUpdate >= savingSettleMs) emit({ type: 'flushed' });
      else drainTimer = setTimeout(check, drainPollMs);
    };
    drainTimer = setTimeout(check, drainPollMs);
  };

  provider.on('status', ({ status }) => emit({ type: 'status', status }));
  provider.on('sync', (synced: boolean) => {
    emit({ type: 'sync', synced });
    if (synced) watchDrain();
  });
  provider.on('connection-close', (event) => {
    emit({ type: 'connection-close', code: event?.code ?? null, reason: event?.reason ?? '' });
  });
  ydoc.on('update', (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    // Remote changes arrive with the provider as origin, the on-device copy with the persistence.
    if (!transaction.local || origin === provider || origin === persistence) return;
    lastLocalUpdate = Date.now();
    emit({ type: 'local-update' });
    watchDrain();
  });

  let connectStarted = false;
  const connectOnce = () => {
    if (destroyed || connectStarted) return;
    connectStarted = true;
    provider.connect();
  };
  const connectTimer = setTimeout(connectOnce, localLoadTimeoutMs);
  void persistence.whenSynced.then(connectOnce);

  return {
    documentId,
    ydoc,
    provider,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(connectTimer);
      clearTimeout(drainTimer);
      provider.destroy();
      void persistence.destroy();
      // The Y.Doc itself is left to the garbage collector: @tiptap/react tears the editor (and its
      // Yjs binding) down a tick after unmount, and it must not find a destroyed document.
    },
  };
}
