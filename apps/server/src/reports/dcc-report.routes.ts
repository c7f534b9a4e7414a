import {
  ZDccReport,
  ZDccReportDrilldownQuery,
  ZDccReportExportQuery,
  ZDccReportQuery,
} from '@qianke/contracts/reports/dcc';
import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { DccReportService } from './dcc-report.service';

const FILTER_NOTE =
  "Period: store days `from`..`to` (included) in the store's time zone; the previous period is the same number of days before `from`. A consultant or DCC agent sees only their own figures.";

export const dccReportRoutes =
  (dcc: DccReportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/dcc',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'DCC report per agent: calls, reach rate, invitations, arrivals and invitation-to-order',
          description: `Calls by when they happened; invitations by when they were booked, with their arrivals and the orders their customers placed afterwards (not cancelled). ${FILTER_NOTE}`,
          querystring: ZDccReportQuery,
          response: { 200: ZDccReport },
        },
      },
      async (request) => dcc.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/dcc/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a DCC figure (metric; key = `agent:<id>`)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZDccReportDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => dcc.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/dcc/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the DCC table by agent as .xlsx; audited',
          querystring: ZDccReportExportQuery,
        },
      },
      async (request, reply) =>
        dcc.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
