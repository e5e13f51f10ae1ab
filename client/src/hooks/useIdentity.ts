import { useContext } from 'react';
import { IdentityContext } from '../app/identityContext.ts';
import type { IdentityContextValue } from '../app/identityContext.ts';

/** The local identity (name and caret colour) and its setter. */
export function useIdentity(): IdentityContextValue {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity must be used inside <IdentityProvider>');
  return value;
}
