import { ZListOwnersQuery } from '@qianke/contracts/orders';
import { exportShape } from '@qianke/contracts/reports/filter';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { OwnerExportService } from './owner-export.service';

/** Owner cards as .xlsx (issue 6). */
export const ownerExportRoutes =
  (owners: OwnerExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/owners/export',
      {
        config: { access: 'reports.export' },
        schema: {
          tags: ['orders'],
          summary: 'Download the owner cards as .xlsx, with the list’s own filters; audited',
          description:
            'Every matching owner card (no paging), filed by licence month. Phones are masked as in the list unless the caller may see them in full.',
          querystring: ZListOwnersQuery.omit({ page: true, pageSize: true }).extend(exportShape),
        },
      },
      async (request, reply) =>
        owners.exportXlsx(authOf(request), request.query, reply, request.log, request.id),
    );
  };
