import { describe, expect, it } from 'vitest';
import { CloseCode } from '@lcs/shared';
import { deriveSyncView, initialSyncMachine, syncReducer } from './syncStatus.ts';
import type { SyncEvent, SyncMachine } from './syncStatus.ts';

const connected: SyncEvent = { type: 'status', status: 'connected' };
const synced: SyncEvent = { type: 'sync', synced: true };
const localUpdate: SyncEvent = { type: 'local-update' };
const flushed: SyncEvent = { type: 'flushed' };
const closed = (code: number | null = 1006): SyncEvent => ({ type: 'connection-close', code, reason: '' });
const disconnected: SyncEvent = { type: 'status', status: 'disconnected' };

/** Feeds events in order, as the provider would emit them. */
function run(...events: SyncEvent[]): SyncMachine {
  return events.reduce(syncReducer, initialSyncMachine);
}

/** A connection that opened, synced and dropped (the provider emits close, then disconnected). */
const drop = [closed(CloseCode.goingAway.code), disconnected];

describe('sync status', () => {
  it('shows connecting until the first sync', () => {
    expect(deriveSyncView(run()).state).toBe('connecting');
    expect(deriveSyncView(run(connected)).state).toBe('connecting');
    expect(deriveSyncView(run(connected)).label).toBe('Connecting…');
  });

  it('shows all changes saved once connected and synced', () => {
    const view = deriveSyncView(run(connected, synced));
    expect(view).toMatchObject({ state: 'saved', label: 'All changes saved', unsynced: 0 });
  });

  it('shows saving while a local change sits in the socket buffer, then saved when it drains', () => {
    const typing = run(connected, synced, localUpdate, localUpdate);
    expect(deriveSyncView(typing)).toMatchObject({ state: 'saving', label: 'Saving…', unsynced: 0 });
    expect(deriveSyncView(syncReducer(typing, flushed)).state).toBe('saved');
  });

  it('ignores a drained buffer when nothing was being saved', () => {
    const state = run(connected, synced);
    expect(syncReducer(state, flushed)).toBe(state);
  });

  it('shows reconnecting when a live connection drops', () => {
    expect(deriveSyncView(run(connected, synced, ...drop))).toMatchObject({ state: 'reconnecting', label: 'Reconnecting…' });
  });

  it('goes offline when a reconnect attempt fails, counting every local change since the last sync', () => {
    const state = run(connected, synced, ...drop, localUpdate, closed(), localUpdate, localUpdate);
    expect(deriveSyncView(state)).toMatchObject({ state: 'offline', label: 'Offline — 3 unsynced changes', unsynced: 3 });
  });

  it('uses the singular for one unsynced change', () => {
    expect(deriveSyncView(run(closed(), localUpdate)).label).toBe('Offline — 1 unsynced change');
  });

  it('goes offline when the very first connection attempt fails, e.g. a reload while the server is down', () => {
    expect(deriveSyncView(run({ type: 'status', status: 'connecting' }, closed())).state).toBe('offline');
  });

  it('stays offline while retries keep failing and reconnects quietly until the server syncs', () => {
    const retrying = run(closed(), localUpdate, { type: 'status', status: 'connecting' }, closed());
    expect(deriveSyncView(retrying).state).toBe('offline');
    const opened = syncReducer(retrying, connected);
    expect(deriveSyncView(opened)).toMatchObject({ state: 'connecting', label: 'Connecting… (1 unsynced change)' });
  });

  it('counts changes made before the first sync and sends them when the connection syncs', () => {
    const offline = run(closed(), localUpdate, localUpdate, connected);
    expect(offline.unsynced).toBe(2);
    const back = syncReducer(offline, synced);
    expect(deriveSyncView(back)).toMatchObject({ state: 'saving', unsynced: 0 });
    expect(deriveSyncView(syncReducer(back, flushed)).state).toBe('saved');
  });

  it('resets the count only when a connection syncs, not when it merely opens', () => {
    const state = run(connected, synced, ...drop, localUpdate, connected);
    expect(deriveSyncView(state)).toMatchObject({ state: 'reconnecting', unsynced: 1 });
  });

  it('forgets pending saves when the socket closes, since the buffer went with it', () => {
    const state = run(connected, synced, localUpdate, ...drop);
    expect(state.flushing).toBe(false);
  });

  it.each([
    [CloseCode.notFound.code, 'This document no longer exists'],
    [CloseCode.forbidden.code, 'You no longer have access to this document'],
    [CloseCode.unauthenticated.code, 'You are signed out'],
    [CloseCode.badUpdate.code, 'The server rejected a change from this device'],
  ])('stops at terminal close code %i with a clear message instead of reconnecting', (code, message) => {
    const state = run(connected, synced, closed(code), disconnected, localUpdate);
    const view = deriveSyncView(state);
    expect(view.state).toBe('offline');
    expect(view.label).toBe(`${message} — 1 unsynced change`);
    expect(view.detail).toMatch(/reload/);
  });

  it.each([CloseCode.storageError.code, CloseCode.permissionsChanged.code, CloseCode.goingAway.code, CloseCode.messageTooBig.code])(
    'keeps reconnecting after non-terminal close code %i',
    (code) => {
      const state = run(connected, synced, closed(code), disconnected);
      expect(state.terminal).toBeNull();
      expect(deriveSyncView(state).state).toBe('reconnecting');
    },
  );

  it('treats a close the client made itself (no close event) as a drop, not a terminal error', () => {
    const state = run(connected, synced, closed(null), disconnected);
    expect(state.terminal).toBeNull();
    expect(deriveSyncView(state).state).toBe('reconnecting');
  });
});
