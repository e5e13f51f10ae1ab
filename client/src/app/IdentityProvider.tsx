import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { identityStorageKey, loadIdentity, normalizeName, parseIdentity, saveIdentity } from '../lib/identity.ts';
import type { Identity } from '../lib/identity.ts';
import { IdentityContext } from './identityContext.ts';

/** localStorage, or null where the browser refuses it (some privacy settings throw on access). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Holds the local identity, keeps it in localStorage and in step with other tabs. */
export function IdentityProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentityState] = useState<Identity>(() => loadIdentity(browserStorage()));

  const setIdentity = useCallback((next: Identity) => {
    const name = normalizeName(next.name);
    if (!name) return;
    const identity = { name, color: next.color.toLowerCase() };
    setIdentityState(identity);
    saveIdentity(browserStorage(), identity);
  }, []);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== identityStorageKey) return;
      const stored = parseIdentity(event.newValue);
      if (stored) setIdentityState(stored);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo(() => ({ identity, setIdentity }), [identity, setIdentity]);
  return <IdentityContext value={value}>{children}</IdentityContext>;
}
