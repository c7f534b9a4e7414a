import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import {
  ZProgressDrilldownQuery,
  ZProgressExportQuery,
  ZProgressQuery,
  ZProgressReport,
} from '@qianke/contracts/reports/progress';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ProgressService } from './progress.service';

const MONTH_NOTE =
  "The month of `from` in the store's calendar, compared with the month before; a month still running stands now. A consultant or DCC agent sees only their own figures.";

/** The intention customer progress table: figures, the customers behind a figure, the .xlsx export. */
export const progressRoutes =
  (progress: ProgressService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/progress',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'Intention customer progress table (意向客户进度管制表) per consultant, with the month-end roll-over',
          description: `Opening (carried in) by level, new, level changes, sold and defeated (struck out), and what rolls over by level. ${MONTH_NOTE}`,
          querystring: ZProgressQuery,
          response: { 200: ZProgressReport },
        },
      },
      async (request) => progress.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/progress/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a progress-table figure (metric, key = consultant, level)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZProgressDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => progress.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/progress/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the progress table as .xlsx (one line per lead); audited',
          querystring: ZProgressExportQuery,
        },
      },
      async (request, reply) =>
        progress.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
