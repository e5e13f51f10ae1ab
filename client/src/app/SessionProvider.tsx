import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { browserStore } from '../lib/keyValueStore.ts';
import { errorMessage, isUnauthenticated } from '../lib/apiClient.ts';
import { isServerUnreachable } from '../lib/isServerUnreachable.ts';
import { getMe, signOut as postSignOut, updateMe as patchMe } from '../lib/meApi.ts';
import type { Me } from '../lib/meApi.ts';
import { forgetCachedSession, readCachedMe, writeCachedMe } from '../lib/offlineCache.ts';
import { SessionContext } from './sessionContext.ts';
import type { SessionState } from './sessionContext.ts';

/** While the app runs on the person remembered on this device, how often the server is asked again (ms). */
const offlineRetryMs = 10_000;

function signedIn(me: Me, offline: boolean): SessionState {
  return { status: 'signed-in', ...me, offline };
}

/**
 * Loads the signed-in person once and keeps them current as they rename themselves or sign out.
 * When the server cannot be reached, the person this device last saw signed in is used (offline),
 * so an open strategy can still be reloaded and edited; the server is asked again until it answers.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setSession(signedIn(me, false)),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthenticated(error)) {
          forgetCachedSession(browserStore());
          setSession({ status: 'signed-out', byUser: false });
          return;
        }
        const cached = isServerUnreachable(error) ? readCachedMe(browserStore()) : null;
        // A retry that fails again leaves the pages alone rather than re-render them with a copy.
        setSession((current) =>
          current.status === 'signed-in' && current.offline ? current : cached ? signedIn(cached.data, true) : { status: 'unavailable', message: errorMessage(error) },
        );
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // What the server last said, for a reload while it cannot be reached.
  useEffect(() => {
    if (session.status === 'signed-in' && !session.offline) writeCachedMe(browserStore(), { person: session.person, workshop: session.workshop });
  }, [session]);

  // Offline: ask again now and then, and as soon as the browser says the network is back. The
  // pages stay on screen meanwhile (no loading state), and get the server's answer when it comes.
  const offline = session.status === 'signed-in' && session.offline;
  useEffect(() => {
    if (!offline) return;
    const retry = () => setAttempt((n) => n + 1);
    const timer = setInterval(retry, offlineRetryMs);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [offline]);

  const reload = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const lost = useCallback(() => {
    forgetCachedSession(browserStore());
    setSession({ status: 'signed-out', byUser: false });
  }, []);

  const updateMe = useCallback(
    async (patch: { displayName?: string; color?: string }) => {
      try {
        const person = await patchMe(patch);
        setSession((current) => (current.status === 'signed-in' ? { ...current, person } : current));
      } catch (error) {
        if (isUnauthenticated(error)) lost();
        throw error;
      }
    },
    [lost],
  );

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
    }
    forgetCachedSession(browserStore());
    setSession({ status: 'signed-out', byUser: true });
  }, []);

  const value = useMemo(() => ({ session, reload, lost, updateMe, signOut }), [session, reload, lost, updateMe, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}
