import {
  ZDailyActivityDrilldownQuery,
  ZDailyActivityExportQuery,
  ZDailyActivityQuery,
  ZDailyActivityReport,
} from '@qianke/contracts/reports/daily-activity';
import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { DailyActivityService } from './daily-activity.service';

const DAYS_NOTE =
  "Days `from`..`to` (included; one day for the daily sheet) in the store's time zone; the previous period is the same number of days before `from`. A consultant or DCC agent sees only their own figures.";

/** The consultant daily activity report: figures, the customers behind a figure, the .xlsx export. */
export const dailyActivityRoutes =
  (daily: DailyActivityService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/daily-activity',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'Consultant daily activity report (销售人员活动日报表): new prospects, visits, calls, invitations, arrivals, test drives, orders, defeats',
          description: DAYS_NOTE,
          querystring: ZDailyActivityQuery,
          response: { 200: ZDailyActivityReport },
        },
      },
      async (request) => daily.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/daily-activity/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a daily-activity figure (metric = activity, key = consultant)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZDailyActivityDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => daily.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/daily-activity/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the daily activity report as .xlsx; audited',
          querystring: ZDailyActivityExportQuery,
        },
      },
      async (request, reply) =>
        daily.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
