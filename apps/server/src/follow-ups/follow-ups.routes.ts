import { ZIdParams } from '@qianke/contracts/common';
import {
  ZChangeLevelRequest,
  ZFollowUpHistory,
  ZFollowUpLogged,
  ZGradingTable,
  ZLevelChanged,
  ZLogFollowUpRequest,
  ZNextTaskProposal,
  ZProposalQuery,
} from '@qianke/contracts/follow-ups';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { FollowUpsService } from './follow-ups.service';

export const followUpsRoutes =
  (followUps: FollowUpsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/grading',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['grading'],
          summary: 'Levels O/H/A/B/C with their checklists and cadence, purchase horizons, MAN actions',
          response: { 200: ZGradingTable },
        },
      },
      async (request) => followUps.grading(authOf(request)),
    );

    app.post(
      '/api/v1/leads/:id/level',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags: ['grading'],
          summary:
            "Grade a lead: level, horizon, checklist and MAN; records the change and re-plans the lead's task",
          description:
            "Consultants grade their own leads. Send the lead's `version` to refuse a stale edit (409).",
          params: ZIdParams,
          body: ZChangeLevelRequest,
          response: { 200: ZLevelChanged },
        },
      },
      async (request) => followUps.changeLevel(authOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/leads/:id/follow-ups',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags: ['follow-ups'],
          summary: 'Log a follow-up result: completes the task, changes the level, plans the next task',
          description:
            'One transaction. The next task is due at `nextContactAt` when given (rule_key manual_next), else when the rule table says.',
          params: ZIdParams,
          body: ZLogFollowUpRequest,
          response: { 201: ZFollowUpLogged },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await followUps.logFollowUp(authOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/leads/:id/follow-ups',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['follow-ups'],
          summary: "A lead's follow-ups with managers' comments, and its level history",
          params: ZIdParams,
          response: { 200: ZFollowUpHistory },
        },
      },
      async (request) => followUps.history(authOf(request), request.params.id),
    );

    app.get(
      '/api/v1/leads/:id/follow-up-proposal',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags: ['follow-ups'],
          summary: 'The next task the rule table proposes if a result (at this level) is logged now',
          params: ZIdParams,
          querystring: ZProposalQuery,
          response: { 200: ZNextTaskProposal },
        },
      },
      async (request) => followUps.proposal(authOf(request), request.params.id, request.query.levelAfter),
    );
  };
