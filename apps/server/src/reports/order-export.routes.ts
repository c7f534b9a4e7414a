import { ZListOrdersQuery } from '@qianke/contracts/orders';
import { exportShape } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { OrderExportService } from './order-export.service';

/** The order list as .xlsx (issue 6). */
export const orderExportRoutes =
  (orders: OrderExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/orders/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['orders'],
          summary: 'Download the order list as .xlsx, with the list’s own filters; audited',
          description:
            'Every matching order, newest first (no paging). Phones are masked as in the list unless the caller may see them in full.',
          querystring: ZListOrdersQuery.omit({ page: true, pageSize: true }).extend(exportShape),
        },
      },
      async (request, reply) =>
        orders.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
