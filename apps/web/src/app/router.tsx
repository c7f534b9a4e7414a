import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { paths } from '@/lib/paths';
import { RequirePermission } from './components/require-permission';
import { lazyPage, preloadRoutes, type RouteHandle } from './preload';
import { NotFoundPage } from './routes/not-found';
import { RootGate } from './routes/root';
import { RouteErrorPage } from './routes/route-error';

// Each page is its own chunk: the first load carries only the gate, the login page loads on demand, and
// the page of the address the app opens on is asked for at once (preloadRoutes in AppRouter).
const LoginPage = lazyPage(() => import('./routes/login').then((m) => ({ default: m.LoginPage })));
const AppLayout = lazyPage(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const HomePage = lazyPage(() => import('./routes/home').then((m) => ({ default: m.HomePage })));
const UsersPage = lazyPage(() => import('./routes/users').then((m) => ({ default: m.UsersPage })));
const StoreSettingsPage = lazyPage(() =>
  import('./routes/store-settings').then((m) => ({ default: m.StoreSettingsPage })),
);
const ApiKeysPage = lazyPage(() => import('./routes/api-keys').then((m) => ({ default: m.ApiKeysPage })));
const ShowroomPage = lazyPage(() => import('./routes/showroom').then((m) => ({ default: m.ShowroomPage })));

const TodayPage = lazyPage(() => import('./routes/today').then((m) => ({ default: m.TodayPage })));
const FollowUpRulesPage = lazyPage(() =>
  import('./routes/follow-up-rules').then((m) => ({ default: m.FollowUpRulesPage })),
);

const CustomersPage = lazyPage(() =>
  import('./routes/customers').then((m) => ({ default: m.CustomersPage })),
);
const NewCustomerPage = lazyPage(() =>
  import('./routes/customer-new').then((m) => ({ default: m.NewCustomerPage })),
);
const CustomerDetailPage = lazyPage(() =>
  import('./routes/customer-detail').then((m) => ({ default: m.CustomerDetailPage })),
);
const SourcesPage = lazyPage(() => import('./routes/sources').then((m) => ({ default: m.SourcesPage })));

const ImportsPage = lazyPage(() => import('./routes/imports').then((m) => ({ default: m.ImportsPage })));
const ImportJobPage = lazyPage(() =>
  import('./routes/import-job').then((m) => ({ default: m.ImportJobPage })),
);
const DistributionPage = lazyPage(() =>
  import('./routes/distribution').then((m) => ({ default: m.DistributionPage })),
);
const AssignmentRulesPage = lazyPage(() =>
  import('./routes/assignment-rules').then((m) => ({ default: m.AssignmentRulesPage })),
);
const DefeatApprovalsPage = lazyPage(() =>
  import('./routes/defeat-approvals').then((m) => ({ default: m.DefeatApprovalsPage })),
);
const DefeatRequestsPage = lazyPage(() =>
  import('./routes/defeat-requests').then((m) => ({ default: m.DefeatRequestsPage })),
);
const DefeatReasonsPage = lazyPage(() =>
  import('./routes/defeat-reasons').then((m) => ({ default: m.DefeatReasonsPage })),
);
const FollowUpReviewPage = lazyPage(() =>
  import('./routes/follow-up-review').then((m) => ({ default: m.FollowUpReviewPage })),
);
// DCC and invitations (issue 5)
const DccPage = lazyPage(() => import('./routes/dcc').then((m) => ({ default: m.DccPage })));
const InvitationsPage = lazyPage(() =>
  import('./routes/invitations').then((m) => ({ default: m.InvitationsPage })),
);
// Test drives (issue 5)
const TestDrivesPage = lazyPage(() =>
  import('./routes/test-drives').then((m) => ({ default: m.TestDrivesPage })),
);
// Stock vehicles, orders and owners (issue 5)
const OrdersPage = lazyPage(() => import('./routes/orders').then((m) => ({ default: m.OrdersPage })));
const NewOrderPage = lazyPage(() => import('./routes/order-new').then((m) => ({ default: m.NewOrderPage })));
const OrderDetailPage = lazyPage(() =>
  import('./routes/order-detail').then((m) => ({ default: m.OrderDetailPage })),
);
const OrderSheetPage = lazyPage(() =>
  import('./routes/order-sheet').then((m) => ({ default: m.OrderSheetPage })),
);
const StockPage = lazyPage(() => import('./routes/stock').then((m) => ({ default: m.StockPage })));
const OwnersPage = lazyPage(() => import('./routes/owners').then((m) => ({ default: m.OwnersPage })));
// Reports (issue 6): each report its own chunk; ECharts loads with the first chart.
const ReportsPage = lazyPage(() => import('./routes/reports').then((m) => ({ default: m.ReportsPage })));
const FunnelReportPage = lazyPage(() =>
  import('./routes/report-funnel').then((m) => ({ default: m.FunnelReportPage })),
);
const TrafficReportPage = lazyPage(() =>
  import('./routes/report-traffic').then((m) => ({ default: m.TrafficReportPage })),
);
const SourceAnalysisReportPage = lazyPage(() =>
  import('./routes/report-sources').then((m) => ({ default: m.SourceAnalysisReportPage })),
);
const DefeatsReportPage = lazyPage(() =>
  import('./routes/report-defeats').then((m) => ({ default: m.DefeatsReportPage })),
);
const FollowUpComplianceReportPage = lazyPage(() =>
  import('./routes/report-follow-up-compliance').then((m) => ({ default: m.FollowUpComplianceReportPage })),
);
const DccReportPage = lazyPage(() =>
  import('./routes/report-dcc').then((m) => ({ default: m.DccReportPage })),
);
const ProgressReportPage = lazyPage(() =>
  import('./routes/report-progress').then((m) => ({ default: m.ProgressReportPage })),
);
const DailyActivityReportPage = lazyPage(() =>
  import('./routes/report-daily-activity').then((m) => ({ default: m.DailyActivityReportPage })),
);
const MonthlyPlanReportPage = lazyPage(() =>
  import('./routes/report-monthly-plan').then((m) => ({ default: m.MonthlyPlanReportPage })),
);
const KpiReportPage = lazyPage(() =>
  import('./routes/report-kpi').then((m) => ({ default: m.KpiReportPage })),
);

// The list opened from the address bar asks for its first page beside its code, not after drawing.
const customersHandle: RouteHandle = {
  prefetch: (queryClient, search) =>
    import('./routes/customers').then((m) => m.prefetchCustomers(queryClient, search)),
};

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
          {
            path: paths.showroom.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              // The receptionist logs; consultants, DCC and managers may watch the board read-only.
              <RequirePermission permission="showroom.view">
                <ShowroomPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.apiKeys.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="api_keys.manage">
                <ApiKeysPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.today.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="customers.edit">
                <TodayPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.followUpRules.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="follow_up_rules.manage">
                <FollowUpRulesPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.customers.slice(1),
            errorElement: <RouteErrorPage />,
            handle: customersHandle,
            element: (
              <RequirePermission permission="customers.view">
                <CustomersPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.newCustomer.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="customers.create">
                <NewCustomerPage />
              </RequirePermission>
            ),
          },
          {
            path: `${paths.customers.slice(1)}/:customerId`,
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="customers.view">
                <CustomerDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.sources.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="sources.manage">
                <SourcesPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.imports.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="imports.run">
                <ImportsPage />
              </RequirePermission>
            ),
          },
          {
            path: `${paths.imports.slice(1)}/:id`,
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="imports.run">
                <ImportJobPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.distribution.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="leads.assign">
                <DistributionPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.assignmentRules.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="assignment_rules.manage">
                <AssignmentRulesPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.defeatApprovals.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="defeat.approve">
                <DefeatApprovalsPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.defeatRequests.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="defeat.request">
                <DefeatRequestsPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.defeatReasons.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="defeat_reasons.manage">
                <DefeatReasonsPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.followUpReview.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="follow_ups.comment">
                <FollowUpReviewPage />
              </RequirePermission>
            ),
          },
          // DCC and invitations (issue 5)
          {
            path: paths.dcc.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="dcc.call">
                <DccPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.invitations.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="invitations.manage">
                <InvitationsPage />
              </RequirePermission>
            ),
          },
          // Test drives (issue 5)
          {
            path: paths.testDrives.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="test_drives.book">
                <TestDrivesPage />
              </RequirePermission>
            ),
          },
          // Stock vehicles, orders and owners (issue 5)
          {
            path: paths.orders.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="orders.view">
                <OrdersPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.newOrder.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="orders.manage">
                <NewOrderPage />
              </RequirePermission>
            ),
          },
          {
            path: `${paths.orders.slice(1)}/:orderId`,
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="orders.view">
                <OrderDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: `${paths.orders.slice(1)}/:orderId/sheet`,
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="orders.view">
                <OrderSheetPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.stock.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="vehicles.view">
                <StockPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.owners.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="orders.view">
                <OwnersPage />
              </RequirePermission>
            ),
          },
          // Reports (issue 6)
          {
            path: paths.reportProgress.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <ProgressReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportDailyActivity.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <DailyActivityReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportMonthlyPlan.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <MonthlyPlanReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportKpi.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <KpiReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reports.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.traffic">
                <ReportsPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportFunnel.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <FunnelReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportTraffic.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.traffic">
                <TrafficReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportSources.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <SourceAnalysisReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportDefeats.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <DefeatsReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportFollowUpCompliance.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <FollowUpComplianceReportPage />
              </RequirePermission>
            ),
          },
          {
            path: paths.reportDcc.slice(1),
            errorElement: <RouteErrorPage />,
            element: (
              <RequirePermission permission="reports.view">
                <DccReportPage />
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
  const queryClient = useQueryClient();
  const [router] = useState(() => {
    preloadRoutes(routes, window.location, queryClient);
    return createBrowserRouter(routes);
  });
  return <RouterProvider router={router} />;
};
