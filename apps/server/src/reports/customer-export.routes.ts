import { ZListCustomersQuery } from '@qianke/contracts/customers';
import { exportShape } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { CustomerExportService } from './customer-export.service';

/** The customer list as .xlsx (issue 6). */
export const customerExportRoutes =
  (customers: CustomerExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/customers/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['customers'],
          summary: 'Download the customer list as .xlsx, with the list’s own filters and order; audited',
          description:
            'Every matching customer (no paging). Phones are masked as in the list unless the caller may see them in full.',
          querystring: ZListCustomersQuery.omit({ cursor: true, limit: true }).extend(exportShape),
        },
      },
      async (request, reply) =>
        customers.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
