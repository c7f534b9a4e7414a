import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCreateSourceRequest,
  ZSourceNode,
  ZSourceTree,
  ZUpdateSourceRequest,
} from '@qianke/contracts/sources';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { SourcesService } from './sources.service';

export const sourcesRoutes =
  (sources: SourcesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/sources',
      {
        config: { access: 'sources.view' },
        schema: {
          tags: ['sources'],
          summary: "The store's lead-source tree: channel -> source -> sub-source",
          description: 'Inactive nodes are included (`active: false`): old leads still name them.',
          response: { 200: ZSourceTree },
        },
      },
      async (request) => sources.tree(authOf(request)),
    );

    app.post(
      '/api/v1/sources',
      {
        config: { access: 'sources.manage' },
        schema: {
          tags: ['sources'],
          summary: 'Add a channel, or a source or sub-source one tier below its parent',
          description: 'Codes are unique per store (409 conflict with a message on `code`).',
          body: ZCreateSourceRequest,
          response: { 201: ZSourceNode },
        },
      },
      async (request, reply) => reply.code(201).send(await sources.create(authOf(request), request.body)),
    );

    app.patch(
      '/api/v1/sources/:id',
      {
        config: { access: 'sources.manage' },
        schema: {
          tags: ['sources'],
          summary: 'Rename, reorder, deactivate or reactivate a node (never deleted: leads name it)',
          description: 'Send the `version` you read; a stale one is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateSourceRequest,
          response: { 200: ZSourceNode },
        },
      },
      async (request) => sources.update(authOf(request), request.params.id, request.body),
    );
  };
