import { useSession } from '../hooks/useSession.ts';

/** "Offline" in the header while the app runs on what this device last heard from the server. */
export function OfflineBadge() {
  const { session } = useSession();
  if (session.status !== 'signed-in' || !session.offline) return null;
  return (
    <span
      className="offline-badge"
      role="status"
      data-testid="offline-notice"
      title="The server cannot be reached. You see what this device last loaded; your edits are kept here and sync when it is back."
    >
      Offline
    </span>
  );
}
