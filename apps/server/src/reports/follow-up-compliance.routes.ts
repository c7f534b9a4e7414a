import { ZDrilldownPage } from '@qianke/contracts/reports/filter';
import {
  ZComplianceDrilldownQuery,
  ZComplianceExportQuery,
  ZComplianceQuery,
  ZComplianceReport,
} from '@qianke/contracts/reports/follow-up-compliance';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ComplianceReportService } from './follow-up-compliance.service';

const FILTER_NOTE =
  "Period: store days `from`..`to` (included) in the store's time zone; the previous period is the same number of days before `from`. A consultant or DCC agent sees only their own figures.";

export const followUpComplianceRoutes =
  (compliance: ComplianceReportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/reports/follow-up-compliance',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary:
            'Follow-up compliance: 24 h call-back rate, on-time follow-up rate, overdue tasks by user now, first response time of portal leads',
          description: `Call-backs and tasks count in the period their due time falls in, once decided (done, or due time passed); a call-back is met when the first contact came by its due time, a task when it was done by its due time. Overdue = open tasks past due now, whatever the period. Portal leads: created in the period, minutes to first contact (median, p90). ${FILTER_NOTE}`,
          querystring: ZComplianceQuery,
          response: { 200: ZComplianceReport },
        },
      },
      async (request) => compliance.report(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/follow-up-compliance/customers',
      {
        config: { access: 'reports.view' },
        schema: {
          tags: ['reports'],
          summary: 'The customers behind a compliance figure (metric; key = `user:<id>`)',
          description: 'Phones are masked unless the caller may see them in full.',
          querystring: ZComplianceDrilldownQuery,
          response: { 200: ZDrilldownPage },
        },
      },
      async (request) => compliance.customers(authOf(request), request.query),
    );

    app.get(
      '/api/v1/reports/follow-up-compliance/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['reports'],
          summary: 'Download the compliance table by user as .xlsx; audited',
          querystring: ZComplianceExportQuery,
        },
      },
      async (request, reply) =>
        compliance.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
