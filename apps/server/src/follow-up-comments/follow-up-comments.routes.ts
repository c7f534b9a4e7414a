import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCreateFollowUpComment,
  ZFollowUpComment,
  ZFollowUpCommentList,
  ZListStoreFollowUpsQuery,
  ZStoreFollowUpList,
} from '@qianke/contracts/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { FollowUpCommentsService } from './follow-up-comments.service';

export const followUpCommentsRoutes =
  (comments: FollowUpCommentsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/follow-ups',
      {
        config: { access: 'follow_ups.comment' },
        schema: {
          tags: ['follow-ups'],
          summary: "The store's recent follow-ups, newest first, for a manager's review and comments",
          querystring: ZListStoreFollowUpsQuery,
          response: { 200: ZStoreFollowUpList },
        },
      },
      async (request) => comments.listStore(authOf(request), request.query),
    );

    app.post(
      '/api/v1/follow-ups/:id/comments',
      {
        config: { access: 'follow_ups.comment' },
        schema: {
          tags: ['follow-ups'],
          summary: 'Comment on (批复) a follow-up; its author is notified',
          params: ZIdParams,
          body: ZCreateFollowUpComment,
          response: { 201: ZFollowUpComment },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await comments.add(authOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/follow-ups/:id/comments',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['follow-ups'],
          summary: "The comments on a follow-up, oldest first (consultants: their own customers' only)",
          params: ZIdParams,
          response: { 200: ZFollowUpCommentList },
        },
      },
      async (request) => comments.list(authOf(request), request.params.id),
    );
  };
