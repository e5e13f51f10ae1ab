import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage, isUnauthenticated } from '../lib/apiClient.ts';
import { getMe, signOut as postSignOut, updateMe as patchMe } from '../lib/meApi.ts';
import { SessionContext } from './sessionContext.ts';
import type { SessionState } from './sessionContext.ts';

/** Loads the signed-in person once and keeps them current as they rename themselves or sign out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setSession({ status: 'signed-in', ...me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSession(isUnauthenticated(error) ? { status: 'signed-out', byUser: false } : { status: 'unavailable', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const lost = useCallback(() => setSession({ status: 'signed-out', byUser: false }), []);

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
    setSession({ status: 'signed-out', byUser: true });
  }, []);

  const value = useMemo(() => ({ session, reload, lost, updateMe, signOut }), [session, reload, lost, updateMe, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}
