import {
  ZMonthlyPlan,
  ZMonthlyPlanExportQuery,
  ZMonthlyPlanQuery,
} from '@qianke/contracts/reports/monthly-plan';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { MonthlyPlanService } from './monthly-plan.service';

const MONTH_NOTE =
  "The month of `from` in the store's calendar, compared with the month before; a month still running stands now. A consultant or DCC agent sees only their own figures.";

/** The monthly sales activity plan and its .xlsx export. */
export const monthlyPlanRoutes =
  (plan: MonthlyPlanService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/monthly-plan',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'Monthly sales activity plan (月度销售活动计划表): prospects by level at month end, targets, attainment',
          description: `Per consultant and for the store; the drill-down of its figures is the progress table's (\`carried\` by level) and the KPI's. ${MONTH_NOTE}`,
          querystring: ZMonthlyPlanQuery,
          response: { 200: ZMonthlyPlan },
        },
      },
      async (request) => plan.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/monthly-plan/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the monthly plan as .xlsx; audited',
          querystring: ZMonthlyPlanExportQuery,
        },
      },
      async (request, reply) =>
        plan.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
