import { drilldownShape, exportShape, ZDrilldownPage, ZReportFilter } from '@qianke/contracts/reports/filter';
import { ZTrafficReport } from '@qianke/contracts/reports/traffic';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { TrafficService } from './traffic.service';

/** Showroom traffic: figures, the customers behind a figure, the .xlsx export. */
export const trafficRoutes =
  (traffic: TrafficService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/traffic',
      {
        config: { access: 'reports.traffic' },
        schema: {
          tags: ['reports'],
          summary:
            'Showroom traffic: visits by hour and weekday, first/repeat, party size, stay, retention, per consultant',
          description:
            'Visits that arrived in the period (store days). Information retention rate = first-time visitors who left details / first-time visitors not closed on the spot.',
          querystring: ZReportFilter,
          response: { 200: ZTrafficReport },
        },
      },
      async (request) => traffic.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/traffic/customers',
      {
        config: { access: 'reports.traffic' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a traffic figure (key = a duty consultant id)',
          querystring: ZReportFilter.extend(drilldownShape),
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => traffic.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/traffic/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the showroom traffic report as .xlsx; audited',
          querystring: ZReportFilter.extend(exportShape),
        },
      },
      async (request, reply) =>
        traffic.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
