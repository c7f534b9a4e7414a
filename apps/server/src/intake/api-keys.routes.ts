import { ZIdParams } from '@qianke/contracts/common';
import { ZApiKey, ZApiKeyList, ZCreateApiKeyRequest, ZCreatedApiKey } from '@qianke/contracts/intake';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ApiKeysService } from './api-keys.service';

export const apiKeysRoutes =
  (apiKeys: ApiKeysService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/api-keys',
      {
        config: { access: 'api_keys.manage' },
        schema: {
          tags: ['api-keys'],
          summary: "The store's intake API keys, masked",
          response: { 200: ZApiKeyList },
        },
      },
      async (request) => apiKeys.list(authOf(request)),
    );

    app.post(
      '/api/v1/api-keys',
      {
        config: { access: 'api_keys.manage' },
        schema: {
          tags: ['api-keys'],
          summary: 'Make an intake API key; the answer holds the whole key, shown this once',
          body: ZCreateApiKeyRequest,
          response: { 201: ZCreatedApiKey },
        },
      },
      async (request, reply) => reply.code(201).send(await apiKeys.create(authOf(request), request.body)),
    );

    app.post(
      '/api/v1/api-keys/:id/revoke',
      {
        config: { access: 'api_keys.manage' },
        schema: {
          tags: ['api-keys'],
          summary: 'Revoke an intake API key for good: its sender gets 401 from now on',
          params: ZIdParams,
          response: { 200: ZApiKey },
        },
      },
      async (request) => apiKeys.revoke(authOf(request), request.params.id),
    );
  };
