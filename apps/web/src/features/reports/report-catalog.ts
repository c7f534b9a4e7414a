import type { Permission } from '@qianke/core/accounts/roles';

/**
 * The reports the /reports page lists (one entry per report page under /reports/<key>). A new report
 * adds its entry here; the title and description keys live under `reports.<key>` in i18n.
 */
export type ReportEntry = {
  key: string;
  path: string;
  permission: Permission;
  title: `reports.${string}.title`;
  description: `reports.${string}.description`;
};

export const REPORT_CATALOG: readonly ReportEntry[] = [
  {
    key: 'funnel',
    path: '/reports/funnel',
    permission: 'reports.view',
    title: 'reports.funnel.title',
    description: 'reports.funnel.description',
  },
  {
    key: 'traffic',
    path: '/reports/traffic',
    permission: 'reports.traffic',
    title: 'reports.traffic.title',
    description: 'reports.traffic.description',
  },
  {
    key: 'sources',
    path: '/reports/sources',
    permission: 'reports.view',
    title: 'reports.sources.title',
    description: 'reports.sources.description',
  },
  {
    key: 'defeats',
    path: '/reports/defeats',
    permission: 'reports.view',
    title: 'reports.defeats.title',
    description: 'reports.defeats.description',
  },
  {
    key: 'follow-up-compliance',
    path: '/reports/follow-up-compliance',
    permission: 'reports.view',
    title: 'reports.followUpCompliance.title',
    description: 'reports.followUpCompliance.description',
  },
  {
    key: 'dcc',
    path: '/reports/dcc',
    permission: 'reports.view',
    title: 'reports.dcc.title',
    description: 'reports.dcc.description',
  },
  {
    key: 'kpi',
    path: '/reports/kpi',
    permission: 'reports.view',
    title: 'reports.kpi.title',
    description: 'reports.kpi.description',
  },
  {
    key: 'progress',
    path: '/reports/progress',
    permission: 'reports.view',
    title: 'reports.progress.title',
    description: 'reports.progress.description',
  },
  {
    key: 'daily-activity',
    path: '/reports/daily-activity',
    permission: 'reports.view',
    title: 'reports.dailyActivity.title',
    description: 'reports.dailyActivity.description',
  },
  {
    key: 'monthly-plan',
    path: '/reports/monthly-plan',
    permission: 'reports.view',
    title: 'reports.monthlyPlan.title',
    description: 'reports.monthlyPlan.description',
  },
];
