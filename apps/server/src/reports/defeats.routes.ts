import {
  ZDefeatsDrilldownQuery,
  ZDefeatsExportQuery,
  ZDefeatsQuery,
  ZDefeatsReport,
} from '@qianke/contracts/reports/defeats';
import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { DefeatsReportService } from './defeats.service';

const FILTER_NOTE =
  "Period: store days `from`..`to` (included) in the store's time zone; the previous period is the same number of days before `from`. A consultant or DCC agent sees only their own figures.";

export const defeatsRoutes =
  (defeats: DefeatsReportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/defeats',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'Defeat statistics: confirmed defeats by reason, competitor, consultant and series; rejected requests apart; approval time',
          description: `A confirmed defeat counts in the period its approval falls in; a rejected request is counted apart (the lead stayed open); approval time = hours from request to decision, median and average, per deciding manager. ${FILTER_NOTE}`,
          querystring: ZDefeatsQuery,
          response: { 200: ZDefeatsReport },
        },
      },
      async (request) => defeats.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/defeats/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a defeat figure (metric; key = a row such as `reason:<id>`)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZDefeatsDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => defeats.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/defeats/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary:
            "Download the period's defeat requests as .xlsx (one line each, phones as the caller may see them); audited",
          querystring: ZDefeatsExportQuery,
        },
      },
      async (request, reply) =>
        defeats.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
