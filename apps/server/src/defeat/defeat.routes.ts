import { ZIdParams } from '@qianke/contracts/common';
import {
  ZApproveDefeatRequest,
  ZCreateDefeatReasonRequest,
  ZCreateDefeatRequest,
  ZDefeatMonthly,
  ZDefeatMonthlyQuery,
  ZDefeatReason,
  ZDefeatReasonList,
  ZDefeatRequest,
  ZDefeatRequestList,
  ZEligibleLeadList,
  ZEligibleLeadsQuery,
  ZListDefeatRequestsQuery,
  ZRejectDefeatRequest,
  ZUpdateDefeatReasonRequest,
} from '@qianke/contracts/defeat';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { DefeatService } from './defeat.service';

export const defeatRoutes =
  (defeat: DefeatService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/defeat-reasons',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['defeat'],
          summary: "The store's defeat reasons (战败原因)",
          response: { 200: ZDefeatReasonList },
        },
      },
      async (request) => ({ items: await defeat.reasons(authOf(request)) }),
    );

    app.post(
      '/api/v1/defeat-reasons',
      {
        config: { access: 'defeat_reasons.manage' },
        schema: {
          tags: ['defeat'],
          summary: 'Add a defeat reason',
          body: ZCreateDefeatReasonRequest,
          response: { 201: ZDefeatReason },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await defeat.createReason(authOf(request), request.body, request.id)),
    );

    app.patch(
      '/api/v1/defeat-reasons/:id',
      {
        config: { access: 'defeat_reasons.manage' },
        schema: {
          tags: ['defeat'],
          summary: 'Rename, reorder or retire a defeat reason',
          description:
            'Send the `version` you read; if someone changed the reason since, the answer is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateDefeatReasonRequest,
          response: { 200: ZDefeatReason },
        },
      },
      async (request) => defeat.updateReason(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/leads/:id/defeat-requests',
      {
        config: { access: 'defeat.request' },
        schema: {
          tags: ['defeat'],
          summary: "Ask the sales manager to close a lead as lost (the lead's owner or a manager)",
          description:
            'One pending request per lead (409 otherwise); a reason that needs a competitor needs `competitorBrand` (422). The lead can still be followed up while the request waits.',
          params: ZIdParams,
          body: ZCreateDefeatRequest,
          response: { 201: ZDefeatRequest },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await defeat.request(authOf(request), request.params.id, request.body, request.id)),
    );

    app.get(
      '/api/v1/defeat-requests',
      {
        config: { access: 'defeat.request' },
        schema: {
          tags: ['defeat'],
          summary: "Defeat requests: a manager sees the store's, everyone else their own",
          querystring: ZListDefeatRequestsQuery,
          response: { 200: ZDefeatRequestList },
        },
      },
      async (request) => defeat.list(authOf(request), request.query),
    );

    app.get(
      '/api/v1/defeat-requests/monthly',
      {
        config: { access: 'defeat.request' },
        schema: {
          tags: ['defeat'],
          summary: 'The monthly defeat record per consultant, in the store’s calendar',
          description:
            'Requests count in the month they were made, decisions in the month they were made. A manager sees everyone (or `userId`); others their own.',
          querystring: ZDefeatMonthlyQuery,
          response: { 200: ZDefeatMonthly },
        },
      },
      async (request) => defeat.monthly(authOf(request), request.query),
    );

    app.get(
      '/api/v1/defeat-requests/eligible-leads',
      {
        config: { access: 'defeat.request' },
        schema: {
          tags: ['defeat'],
          summary: 'Active leads you may ask a defeat for: your own (a manager: the store’s)',
          querystring: ZEligibleLeadsQuery,
          response: { 200: ZEligibleLeadList },
        },
      },
      async (request) => ({ items: await defeat.eligible(authOf(request), request.query) }),
    );

    app.post(
      '/api/v1/defeat-requests/:id/approve',
      {
        config: { access: 'defeat.approve' },
        schema: {
          tags: ['defeat'],
          summary: 'Approve a defeat request: close the lead as lost, reassign it, or move it to nurturing',
          description:
            '`lost`: the lead closes and its open tasks are cancelled; `reassigned`: it goes to `newOwnerId` with its tasks; `nurturing`: it goes to the CRM specialist `newOwnerId`, or to the distribution queue without one.',
          params: ZIdParams,
          body: ZApproveDefeatRequest,
          response: { 200: ZDefeatRequest },
        },
      },
      async (request) => defeat.approve(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/defeat-requests/:id/reject',
      {
        config: { access: 'defeat.approve' },
        schema: {
          tags: ['defeat'],
          summary: "Reject a defeat request: the lead stays open with the manager's note",
          params: ZIdParams,
          body: ZRejectDefeatRequest,
          response: { 200: ZDefeatRequest },
        },
      },
      async (request) => defeat.reject(authOf(request), request.params.id, request.body, request.id),
    );
  };
