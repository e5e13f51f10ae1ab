import { createContext } from 'react';
import type { PersonDto, WorkshopDto } from '@lcs/shared';

/** Who this browser is signed in as, from `GET /api/me` (the session cookie itself is HttpOnly). */
export type SessionState =
  | { status: 'loading' }
  /** No live session. `byUser` when the person just signed out here, rather than never signed in. */
  | { status: 'signed-out'; byUser: boolean }
  /** The server could not be asked: offline, or the API is down. */
  | { status: 'unavailable'; message: string }
  /**
   * `offline`: the server could not be reached, so this is who signed in on this device last time
   * (see lib/offlineCache.ts); the provider keeps asking the server and replaces it when it answers.
   */
  | { status: 'signed-in'; person: PersonDto; workshop: WorkshopDto | null; offline: boolean };

export interface SessionContextValue {
  session: SessionState;
  /** Asks the server again, e.g. after joining through an invitation link. */
  reload(): void;
  /** Another request answered 401: the session ended (revoked, expired) while the page was open. */
  lost(): void;
  /** Renames or recolours the signed-in person; rejects with the API error. */
  updateMe(patch: { displayName?: string; color?: string }): Promise<void>;
  /** Ends the session on the server and here. */
  signOut(): Promise<void>;
}

/** Provided by SessionProvider around the router. */
export const SessionContext = createContext<SessionContextValue | null>(null);
