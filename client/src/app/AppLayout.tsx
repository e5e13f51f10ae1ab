import { Outlet } from 'react-router';
import { AppHeader } from '../components/AppHeader.tsx';
import { AppUpdateNotice } from '../components/AppUpdateNotice.tsx';
import '../components/appNotices.css';

/** The frame around every page: a new-version notice, the app name and who is signed in, then the page. */
export function AppLayout() {
  return (
    <div className="app">
      <AppUpdateNotice />
      <AppHeader />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
