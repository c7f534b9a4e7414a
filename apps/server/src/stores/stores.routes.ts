import { ZIdParams } from '@qianke/contracts/common';
import { ZStore, ZStoreList, ZUpdateStoreRequest } from '@qianke/contracts/stores';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { StoresService } from './stores.service';

export const storesRoutes =
  (stores: StoresService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/stores',
      {
        config: { access: 'self.use' },
        schema: { tags: ['stores'], summary: 'Stores you may work in', response: { 200: ZStoreList } },
      },
      async (request) => ({ items: await stores.listAccessible(authOf(request)) }),
    );

    app.get(
      '/api/v1/stores/:id',
      {
        config: { access: 'self.use' },
        schema: { tags: ['stores'], summary: 'One store', params: ZIdParams, response: { 200: ZStore } },
      },
      async (request) => stores.get(authOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/stores/:id',
      {
        config: { access: 'store.manage' },
        schema: {
          tags: ['stores'],
          summary: 'Store settings: name, code, time zone',
          params: ZIdParams,
          body: ZUpdateStoreRequest,
          response: { 200: ZStore },
        },
      },
      async (request) => stores.update(authOf(request), request.params.id, request.body),
    );
  };
