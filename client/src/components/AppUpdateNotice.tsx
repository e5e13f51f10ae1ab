import { useSyncExternalStore } from 'react';
import { isAppOutdated, subscribeToAppUpdate } from '../app/serviceWorker.ts';

/** A bar at the top once a new version of the app is installed and this page still runs the old one. */
export function AppUpdateNotice() {
  const outdated = useSyncExternalStore(subscribeToAppUpdate, isAppOutdated, () => false);
  if (!outdated) return null;
  return (
    <div className="app-notice" role="status" data-testid="app-update-notice">
      <span>A new version of Learning City Studio is available. Your work is kept on this device.</span>
      <button type="button" className="button button--small" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
