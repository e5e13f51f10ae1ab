import { describeCloseCode, isTerminalCloseCode } from '@lcs/shared';
import type { CloseCodeName } from '@lcs/shared';

/** What the sync indicator shows; also its `data-state` attribute, which e2e tests read. */
export type SyncState = 'connecting' | 'saved' | 'saving' | 'offline' | 'reconnecting';

/** Provider and document events, as the collaboration session reports them. */
export type SyncEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'sync'; synced: boolean }
  /** `code` is null when the client closed the socket itself (disconnect, dead-socket watchdog). */
  | { type: 'connection-close'; code: number | null; reason: string }
  /** A transaction made on this device changed the document. */
  | { type: 'local-update' }
  /** Everything handed to the socket has left it (`bufferedAmount` is back to 0). */
  | { type: 'flushed' };

/** The facts the indicator is derived from; see {@link syncReducer}. */
export interface SyncMachine {
  /** The socket is open. */
  connected: boolean;
  /** The server's state has been received on the current connection (sync step 2). */
  synced: boolean;
  /** The document was in sync with the server at least once since the page opened. */
  hasSynced: boolean;
  /** A connection attempt ended before it synced, so the server is (probably) unreachable. */
  attemptFailed: boolean;
  /** Local changes made since the provider was last connected and synced. */
  unsynced: number;
  /** Local changes were sent on an open socket and may still be in its buffer. */
  flushing: boolean;
  /** The server closed with a code after which reconnecting cannot help. Sticks until reload. */
  terminal: { code: number; reason: string } | null;
}

export const initialSyncMachine: SyncMachine = {
  connected: false,
  synced: false,
  hasSynced: false,
  attemptFailed: false,
  unsynced: 0,
  flushing: false,
  terminal: null,
};

export function syncReducer(state: SyncMachine, event: SyncEvent): SyncMachine {
  switch (event.type) {
    case 'status':
      if (event.status === 'connected') return { ...state, connected: true, synced: false, attemptFailed: false };
      return { ...state, connected: false, synced: false, flushing: false };
    case 'sync':
      if (!event.synced) return { ...state, synced: false };
      // Offline changes went out in our reply to the server's sync step 1, just before this.
      return { ...state, connected: true, synced: true, hasSynced: true, attemptFailed: false, unsynced: 0, flushing: state.flushing || state.unsynced > 0 };
    case 'connection-close': {
      const wasLive = state.connected && state.synced;
      const terminal =
        state.terminal ?? (event.code !== null && isTerminalCloseCode(event.code) ? { code: event.code, reason: event.reason } : null);
      // A live connection that drops is "reconnecting"; an attempt that never got going means offline.
      return { ...state, connected: false, synced: false, flushing: false, attemptFailed: !wasLive, terminal };
    }
    case 'local-update':
      if (state.connected && state.synced) return state.flushing ? state : { ...state, flushing: true };
      return { ...state, unsynced: state.unsynced + 1 };
    case 'flushed':
      return state.flushing ? { ...state, flushing: false } : state;
  }
}

/** What the indicator renders. */
export interface SyncView {
  state: SyncState;
  /** Short text shown at all times. */
  label: string;
  /** Longer explanation, for a tooltip; present when something needs the user's attention. */
  detail?: string;
  unsynced: number;
}

const terminalMessages: Partial<Record<CloseCodeName, string>> = {
  badMessage: 'The server rejected a change from this device',
  badUpdate: 'The server rejected a change from this device',
  unauthenticated: 'You are signed out',
  forbidden: 'You no longer have access to this document',
  notFound: 'This document no longer exists',
};

function pluralizeChanges(count: number): string {
  return `${count} unsynced ${count === 1 ? 'change' : 'changes'}`;
}

export function deriveSyncView(machine: SyncMachine): SyncView {
  const { unsynced } = machine;
  const pending = unsynced > 0 ? ` — ${pluralizeChanges(unsynced)}` : '';
  if (machine.terminal) {
    const name = describeCloseCode(machine.terminal.code);
    const headline = (name && terminalMessages[name]) ?? 'The server closed the connection';
    return {
      state: 'offline',
      label: `${headline}${pending}`,
      detail: 'Editing is no longer synced. Your changes are kept on this device; reload the page to try again.',
      unsynced,
    };
  }
  if (machine.connected && machine.synced) {
    return machine.flushing ? { state: 'saving', label: 'Saving…', unsynced } : { state: 'saved', label: 'All changes saved', unsynced };
  }
  if (machine.attemptFailed) {
    return {
      state: 'offline',
      label: `Offline${pending}`,
      detail: 'Cannot reach the server. Keep writing: changes are kept on this device and sync when the connection returns.',
      unsynced,
    };
  }
  const waiting = unsynced > 0 ? ` (${pluralizeChanges(unsynced)})` : '';
  if (machine.hasSynced) return { state: 'reconnecting', label: `Reconnecting…${waiting}`, unsynced };
  return { state: 'connecting', label: `Connecting…${waiting}`, unsynced };
}
