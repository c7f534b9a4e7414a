import { ZReportOptions } from '@qianke/contracts/reports/options';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ReportOptionsService } from './report-options.service';

export const reportOptionsRoutes =
  (reportOptions: ReportOptionsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/options',
      {
        config: { access: 'reports.traffic' },
        schema: {
          tags: ['reports'],
          summary: 'What the report filters offer: stores, consultants, sources, series, campaign codes',
          response: { 200: ZReportOptions },
        },
      },
      async (request) => reportOptions.options(authOf(request)),
    );
  };
