import { Link } from 'react-router';
import { useSession } from '../hooks/useSession.ts';
import { AccountMenu } from './AccountMenu.tsx';

/** The app name, and once someone is signed in, who they are. */
export function AppHeader() {
  const { session } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        Learning City Studio
      </Link>
      {session.status === 'signed-in' && <AccountMenu key={session.person.id} />}
    </header>
  );
}
