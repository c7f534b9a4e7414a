import { drilldownShape, exportShape, ZDrilldownPage } from '@qianke/contracts/reports/filter';
import { ZFunnelQuery, ZFunnelReport } from '@qianke/contracts/reports/funnel';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { FunnelService } from './funnel.service';

const FILTER_NOTE =
  "Period: store days `from`..`to` (included) in the store's time zone; the previous period is the same number of days before `from`. A consultant or DCC agent sees only their own figures.";

/** The sales funnel: figures, the customers behind a figure, and the .xlsx export. */
export const funnelRoutes =
  (funnel: FunnelService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/funnel',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'Sales funnel: leads -> contacted -> visited -> test drive -> order -> delivered',
          description: `Cohort: the leads created in the period; each later step counted for them whenever it happened. ${FILTER_NOTE}`,
          querystring: ZFunnelQuery,
          response: { 200: ZFunnelReport },
        },
      },
      async (request) => funnel.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/funnel/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a funnel figure (metric = step, key = a row of the breakdown)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZFunnelQuery.extend(drilldownShape),
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => funnel.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/funnel/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the funnel as .xlsx (totals, previous period and the breakdown); audited',
          querystring: ZFunnelQuery.extend(exportShape),
        },
      },
      async (request, reply) =>
        funnel.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
