import { createContext } from 'react';
import type { Identity } from '../lib/identity.ts';

export interface IdentityContextValue {
  identity: Identity;
  /** Changes and stores the identity; an empty name is ignored. */
  setIdentity(next: Identity): void;
}

/** The local identity of this browser; provided by IdentityProvider. */
export const IdentityContext = createContext<IdentityContextValue | null>(null);
