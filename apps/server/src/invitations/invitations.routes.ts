import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCreateInvitationRequest,
  ZInvitation,
  ZInvitationChange,
  ZInvitationInput,
  ZInvitationList,
  ZInvitationOptions,
  ZListInvitationsQuery,
} from '@qianke/contracts/dcc';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { InvitationsService } from './invitations.service';

export const invitationsRoutes =
  (invitations: InvitationsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/invitations',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary:
            'Invite a lead to the showroom (邀约): a reminder task is planned for you before the visit',
          description:
            'The reminder falls the day before at 17:00 in the store, or 2 hours before for a visit the same day.',
          body: ZCreateInvitationRequest,
          response: { 201: ZInvitation },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await invitations.create(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/invitations',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: "Invitations by day (store's calendar), status, agent or customer",
          querystring: ZListInvitationsQuery,
          response: { 200: ZInvitationList },
        },
      },
      async (request) => invitations.list(authOf(request), request.query),
    );

    app.get(
      '/api/v1/invitations/options',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: "The store's consultants (to receive an invited customer) and DCC agents",
          response: { 200: ZInvitationOptions },
        },
      },
      async (request) => invitations.options(authOf(request)),
    );

    app.post(
      '/api/v1/invitations/:id/cancel',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: 'Cancel a scheduled invitation; its reminder is cancelled',
          params: ZIdParams,
          body: ZInvitationChange,
          response: { 200: ZInvitation },
        },
      },
      async (request) => invitations.cancel(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/invitations/:id/no-show',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: 'Mark a scheduled invitation as a no-show (the timer does it when the day has ended)',
          params: ZIdParams,
          body: ZInvitationChange,
          response: { 200: ZInvitation },
        },
      },
      async (request) => invitations.noShow(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/invitations/:id/reinvite',
      {
        config: { access: 'invitations.manage' },
        schema: {
          tags: ['invitations'],
          summary: 'Re-invite after a no-show: a new invitation naming this one as previous',
          params: ZIdParams,
          body: ZInvitationInput,
          response: { 201: ZInvitation },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await invitations.reinvite(authOf(request), request.params.id, request.body, request.id)),
    );
  };
