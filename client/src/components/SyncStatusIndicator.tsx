import type { SyncView } from '../collab/syncStatus.ts';

/**
 * The always-visible sync status. `data-state` is one of connecting, saved, saving, offline,
 * reconnecting; e2e tests read it. Announced politely so screen readers hear when work is at risk.
 */
export function SyncStatusIndicator({ sync }: { sync: SyncView }) {
  return (
    <p
      className={`sync-status sync-status--${sync.state}`}
      data-testid="sync-status"
      data-state={sync.state}
      data-unsynced={sync.unsynced}
      role="status"
      title={sync.detail ?? sync.label}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label">{sync.label}</span>
    </p>
  );
}
