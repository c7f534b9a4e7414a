import { drilldownShape, exportShape, ZDrilldownPage, ZReportFilter } from '@qianke/contracts/reports/filter';
import { ZSourceAnalysisReport } from '@qianke/contracts/reports/source-analysis';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { SourceAnalysisService } from './source-analysis.service';

/** Source analysis: figures, the customers behind a figure, the .xlsx export. */
export const sourceAnalysisRoutes =
  (sources: SourceAnalysisService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/sources',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'Leads, visits, orders and cost per source in the period, with the previous period',
          description: 'Cost only where a campaign records one: none does yet, so cost is null (—).',
          querystring: ZReportFilter,
          response: { 200: ZSourceAnalysisReport },
        },
      },
      async (request) => sources.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/sources/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a source figure (metric leads|visits|orders, key = a source id)',
          querystring: ZReportFilter.extend(drilldownShape),
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => sources.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/sources/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the source analysis as .xlsx; audited',
          querystring: ZReportFilter.extend(exportShape),
        },
      },
      async (request, reply) =>
        sources.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
