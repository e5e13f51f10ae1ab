import { createBrowserRouter } from 'react-router';
import { AdminPage } from './AdminPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { HomePage } from './HomePage.tsx';
import { JoinPage } from './JoinPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SignedInGate } from './SignedInGate.tsx';
import { TeamPage } from './TeamPage.tsx';
import { WorkshopPage } from './WorkshopPage.tsx';

/**
 * Every page of the app. Only the join page is open to people without a session; the gate shows
 * everyone else how to get in. The document page (and the editor it pulls in) loads on first visit.
 */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    hydrateFallbackElement: null,
    children: [
      { path: 'join/:token', Component: JoinPage },
      {
        Component: SignedInGate,
        children: [
          { index: true, Component: HomePage },
          { path: 'w/:workshopId', Component: WorkshopPage },
          { path: 'w/:workshopId/t/:teamId', Component: TeamPage },
          { path: 'w/:workshopId/admin', Component: AdminPage },
          {
            path: 'd/:documentId',
            lazy: async () => ({ Component: (await import('./DocumentPage.tsx')).DocumentPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
