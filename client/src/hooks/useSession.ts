import { useContext } from 'react';
import type { PersonDto, WorkshopDto } from '@lcs/shared';
import { SessionContext } from '../app/sessionContext.ts';
import type { SessionContextValue } from '../app/sessionContext.ts';

/** The session and what can be done with it. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in person; for pages that AppLayout only renders once someone is signed in. */
export function useSignedIn(): { person: PersonDto; workshop: WorkshopDto | null } {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useSignedIn must be used on a page behind the sign-in gate');
  return session;
}
