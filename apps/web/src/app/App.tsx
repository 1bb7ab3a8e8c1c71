import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { I18nProvider } from '../i18n/i18n';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import { createQueryClient } from './query-client';
import { RequireRole } from './RequireRole';
import { RequireSession } from './RequireSession';
import { RouteError } from './RouteError';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    // For wall screens: a display link or a person's session, without the console's header.
    path: '/wall',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('../features/wall/WallPage')).WallPage }),
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/overview/OverviewPage')).OverviewPage }),
      },
      {
        path: 'inbox',
        lazy: async () => ({ Component: (await import('../features/inbox/InboxPage')).InboxPage }),
      },
      {
        path: 'accounts/:accountId/applications',
        lazy: async () => ({
          Component: (await import('../features/applications/ApplicationListPage')).ApplicationListPage,
        }),
      },
      {
        path: 'accounts/:accountId/applications/:appId',
        lazy: async () => ({
          Component: (await import('../features/applications/ApplicationDetailPage')).ApplicationDetailPage,
        }),
      },
      {
        path: 'accounts/:accountId/rollouts/:rolloutId',
        lazy: async () => ({ Component: (await import('../features/rollouts/RolloutPage')).RolloutPage }),
      },
      {
        path: 'accounts/:accountId/namespaces',
        lazy: async () => ({
          Component: (await import('../features/namespaces/NamespacesPage')).NamespacesPage,
        }),
      },
      {
        path: 'accounts/:accountId/namespaces/:namespaceId/rollouts',
        lazy: async () => ({
          Component: (await import('../features/namespaces/NamespaceRolloutsPage')).NamespaceRolloutsPage,
        }),
      },
      {
        path: 'accounts/:accountId/namespaces/:namespaceId/config-maps',
        lazy: async () => ({
          Component: (await import('../features/config-maps/ConfigMapsPage')).ConfigMapsPage,
        }),
      },
      {
        path: 'accounts/:accountId/namespaces/:namespaceId/ingresses',
        lazy: async () => ({
          Component: (await import('../features/networking/IngressesPage')).IngressesPage,
        }),
      },
      {
        path: 'accounts/:accountId/retailcloud/apps',
        lazy: async () => ({
          Component: (await import('../features/retailcloud/apps/RetailCloudAppsPage')).RetailCloudAppsPage,
        }),
      },
      {
        path: 'accounts/:accountId/retailcloud/cluster',
        lazy: async () => ({
          Component: (await import('../features/retailcloud/cluster/RetailCloudClusterPage'))
            .RetailCloudClusterPage,
        }),
      },
      {
        path: 'accounts/:accountId/as',
        lazy: async () => ({ Component: (await import('../features/huawei/as/AsPage')).AsPage }),
      },
      {
        path: 'accounts/:accountId/aos',
        lazy: async () => ({ Component: (await import('../features/huawei/aos/AosPage')).AosPage }),
      },
      {
        path: 'admin/accounts',
        element: <RequireRole needed="admin" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/accounts/AccountsAdminPage')).AccountsAdminPage,
            }),
          },
        ],
      },
      {
        path: 'admin/display-links',
        element: <RequireRole needed="admin" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/display-links/DisplayLinksPage')).DisplayLinksPage,
            }),
          },
        ],
      },
      {
        path: 'audit',
        element: <RequireRole needed="admin" />,
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('../features/audit/AuditPage')).AuditPage }),
          },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
