import { RouterProvider } from 'react-router';
import { IdentityProvider } from './IdentityProvider.tsx';
import { router } from './router.tsx';

export function App() {
  return (
    <IdentityProvider>
      <RouterProvider router={router} />
    </IdentityProvider>
  );
}
