import {
  ZCallListPage,
  ZCallListQuery,
  ZDccStats,
  ZDccStatsQuery,
  ZInboundCallLogged,
  ZInboundCallRequest,
  ZInboundLookupQuery,
  ZInboundMatch,
  ZLogCallRequest,
  ZLoggedCall,
} from '@qianke/contracts/dcc';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { DccService } from './dcc.service';

export const dccRoutes =
  (dcc: DccService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/dcc/call-lists',
      {
        config: { access: 'dcc.call' },
        schema: {
          tags: ['dcc'],
          summary: 'A call list of an agent (yours; a manager may name `agentId`), in the order it is worked',
          description:
            '`new_portal`: portal and online leads never contacted; `no_show`: invited customers who did not come; `due`: leads whose task for the agent is due. A lead with a call-back planned later stays off the lists until then.',
          querystring: ZCallListQuery,
          response: { 200: ZCallListPage },
        },
      },
      async (request) => dcc.callList(authOf(request), request.query),
    );

    app.post(
      '/api/v1/dcc/calls',
      {
        config: { access: 'dcc.call' },
        schema: {
          tags: ['dcc'],
          summary:
            'Log an outbound call on a lead: outcome, note, next call time, or the invitation it booked',
          description:
            '`call_back` needs `nextCallAt`; `no_answer` and `busy` default to 2 h and 1 h later; `invited` needs `invitation` (booked in the same step). A reached call is also a follow-up of the lead.',
          body: ZLogCallRequest,
          response: { 201: ZLoggedCall },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await dcc.logCall(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/dcc/inbound-lookup',
      {
        config: { access: 'dcc.call' },
        schema: {
          tags: ['dcc'],
          summary: 'Who is calling: the customer with this phone number, in any spelling',
          querystring: ZInboundLookupQuery,
          response: { 200: ZInboundMatch },
        },
      },
      async (request) => dcc.inboundLookup(authOf(request), request.query.phone),
    );

    app.post(
      '/api/v1/dcc/inbound-calls',
      {
        config: { access: 'dcc.call' },
        schema: {
          tags: ['dcc'],
          summary:
            'Log an inbound call (IB), matched to a customer by phone; `capture` opens a card for a new caller',
          body: ZInboundCallRequest,
          response: { 201: ZInboundCallLogged },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await dcc.logInbound(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/dcc/stats',
      {
        config: { access: 'dcc.stats' },
        schema: {
          tags: ['dcc'],
          summary:
            'Calls, reach rate, invitation success rate and arrival rate per agent over days of the store',
          description:
            'Invitation success rate = invitations / reached calls; arrival rate = arrived / invitations due (time passed, not cancelled). A manager sees every agent, an agent their own row.',
          querystring: ZDccStatsQuery,
          response: { 200: ZDccStats },
        },
      },
      async (request) => dcc.stats(authOf(request), request.query),
    );
  };
