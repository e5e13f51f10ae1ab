import { Link } from 'react-router';
import { useSession } from '../hooks/useSession.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { OfflineBadge } from './OfflineBadge.tsx';

/** The app name, and once someone is signed in, who they are. */
export function AppHeader() {
  const { session } = useSession();
  return (
    <header className="app-header">
      <span className="app-header__start">
        <Link to="/" className="app-header__brand">
          Learning City Studio
        </Link>
        <OfflineBadge />
      </span>
      {session.status === 'signed-in' && <AccountMenu key={session.person.id} />}
    </header>
  );
}
