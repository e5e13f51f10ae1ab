import { Link, Outlet } from 'react-router';
import { IdentityEditor } from '../components/IdentityEditor.tsx';

/** The frame around every page: the app name, the local identity, then the page itself. */
export function AppLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          Learning City Studio
        </Link>
        <IdentityEditor />
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
