import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import {
  ZKpiDrilldownQuery,
  ZKpiExportQuery,
  ZKpiQuery,
  ZKpiReport,
  ZKpiTargets,
  ZKpiTargetsQuery,
  ZSetKpiTargets,
} from '@qianke/contracts/reports/kpi';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { KpiService } from './kpi.service';

const MONTH_NOTE =
  "The month of `from` in the store's calendar, compared with the month before; a month still running stands now. A consultant or DCC agent sees only their own figures.";

/** The KPI dashboard (store, consultants, group roll-up) and the monthly targets the sales manager sets. */
export const kpiRoutes =
  (kpi: KpiService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/kpi',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'KPI dashboard: leads, visits, test drives, orders, deliveries and three rates against the monthly targets',
          description: `Attainment = actual / target. A group admin with \`dealerId=all\` gets the stores side by side and the roll-up. ${MONTH_NOTE}`,
          querystring: ZKpiQuery,
          response: { 200: ZKpiReport },
        },
      },
      async (request) => kpi.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/kpi/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a KPI count (metric, key = consultant)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZKpiDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => kpi.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/kpi/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the KPI dashboard as .xlsx; audited',
          querystring: ZKpiExportQuery,
        },
      },
      async (request, reply) =>
        kpi.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );

    app.get(
      '/api/v1/kpi-targets',
      {
        config: { access: 'kpi_targets.manage' },
        schema: {
          tags: ['reports'],
          summary: "The month's KPI targets of the store and its consultants",
          querystring: ZKpiTargetsQuery,
          response: { 200: ZKpiTargets },
        },
      },
      async (request) => kpi.targets(authOf(request), request.query.month),
    );

    app.put(
      '/api/v1/kpi-targets',
      {
        config: { access: 'kpi_targets.manage' },
        schema: {
          tags: ['reports'],
          summary: 'Set or remove monthly KPI targets (store: consultantId null); each change is audited',
          description: 'Counts are whole numbers, rates between 0 and 1; `target: null` removes a target.',
          body: ZSetKpiTargets,
          response: { 200: ZKpiTargets },
        },
      },
      async (request) => kpi.setTargets(authOf(request), request.body, request.id),
    );
  };
