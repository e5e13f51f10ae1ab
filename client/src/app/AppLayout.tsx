import { Outlet } from 'react-router';
import { AppHeader } from '../components/AppHeader.tsx';

/** The frame around every page: the app name and who is signed in, then the page itself. */
export function AppLayout() {
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
