import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { HomePage } from './HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Every page of the app. The document page (and the editor it pulls in) loads on first visit. */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: AppLayout,
    hydrateFallbackElement: null,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'd/:documentId',
        lazy: async () => ({ Component: (await import('./DocumentPage.tsx')).DocumentPage }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
