import { useEffect, useEffectEvent } from 'react';
import { CloseCode } from '@lcs/shared';
import type { CollabSession } from './createCollabSession.ts';

/** Close codes after which the person's access to the document is no longer what the page shows. */
const accessCloseCodes: ReadonlySet<number> = new Set([CloseCode.permissionsChanged.code, CloseCode.forbidden.code, CloseCode.unauthenticated.code]);

/**
 * Calls `recheck` whenever the person's access may have changed while the document was open: the
 * server closed the socket because their role or teams changed (4509, after which the provider
 * reconnects by itself), took access away (4403) or ended the session (4401); or a socket opened,
 * after a drop during which a change could have gone unannounced, or for the first time (the access
 * may have changed since the page loaded it, or that load may have failed while offline).
 */
export function useAccessRecheck(session: CollabSession | null, recheck: () => void): void {
  const onChange = useEffectEvent(recheck);

  useEffect(() => {
    if (!session) return;
    const { provider } = session;
    const onClose = (event: CloseEvent | null) => {
      if (event && accessCloseCodes.has(event.code)) onChange();
    };
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') onChange();
    };
    provider.on('connection-close', onClose);
    provider.on('status', onStatus);
    return () => {
      provider.off('connection-close', onClose);
      provider.off('status', onStatus);
    };
  }, [session]);
}
