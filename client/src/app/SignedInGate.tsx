import { Outlet } from 'react-router';
import { NoticePage } from '../components/NoticePage.tsx';
import { useSession } from '../hooks/useSession.ts';
import { NotSignedInPage } from './NotSignedInPage.tsx';

/** Renders the pages below it only for a signed-in person; everyone else is told how to get in. */
export function SignedInGate() {
  const { session, reload } = useSession();
  switch (session.status) {
    case 'loading':
      return (
        <p className="muted" role="status">
          Loading…
        </p>
      );
    case 'unavailable':
      return (
        <NoticePage title="Cannot reach the server">
          <p>{session.message}</p>
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </NoticePage>
      );
    case 'signed-out':
      return <NotSignedInPage byUser={session.byUser} />;
    case 'signed-in':
      return <Outlet />;
  }
}
