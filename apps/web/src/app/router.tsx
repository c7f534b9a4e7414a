import { lazy, useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/lib/paths';
import { RequirePermission } from './components/require-permission';
import { NotFoundPage } from './routes/not-found';
import { RootGate } from './routes/root';
import { RouteErrorPage } from './routes/route-error';

// Each page is its own chunk: the first load carries only the gate, the login page loads on demand.
const LoginPage = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazy(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const HomePage = lazy(() => import('./routes/home').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() => import('./routes/users').then((m) => ({ default: m.UsersPage })));
const StoreSettingsPage = lazy(() =>
  import('./routes/store-settings').then((m) => ({ default: m.StoreSettingsPage })),
);

const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootGate />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: paths.login.slice(1), element: <LoginPage />, errorElement: <RouteErrorPage /> },
      {
        element: <AppLayout />,
        // Each page below has its own error element, so a failing page keeps the menu and header.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <HomePage />, errorElement: <RouteErrorPage /> },
          {
            path: paths.users.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="users.manage">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.storeSettings.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="store.manage">
                <StoreSettingsPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const AppRouter = () => {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
};
