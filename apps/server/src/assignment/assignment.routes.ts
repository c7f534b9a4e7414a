import {
  ZAssigneeList,
  ZAssigneesQuery,
  ZAssignLeadsRequest,
  ZAssignLeadsResult,
  ZAssignmentRule,
  ZAssignmentRuleList,
  ZCreateAssignmentRuleRequest,
  ZDistributionQueue,
  ZDistributionQueueQuery,
  ZDutyResult,
  ZLeadAssignment,
  ZReassignAllRequest,
  ZReassignAllResult,
  ZSetDutyRequest,
  ZUpdateAssignmentRuleRequest,
} from '@qianke/contracts/assignment';
import { ZIdParams } from '@qianke/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { AssignmentService } from './assignment.service';

export const assignmentRoutes =
  (assignment: AssignmentService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/distribution/queue',
      {
        config: { access: 'leads.assign' },
        schema: {
          tags: ['assignment'],
          summary: 'The distribution queue: active leads without an owner, oldest first',
          description:
            '`ageMinutes` counts the opening hours of the store only; `overdue` is true past the store’s unassigned-lead limit (default 30 minutes).',
          querystring: ZDistributionQueueQuery,
          response: { 200: ZDistributionQueue },
        },
      },
      async (request) => assignment.queue(authOf(request), request.query),
    );

    app.get(
      '/api/v1/distribution/assignees',
      {
        config: { access: 'leads.assign' },
        schema: {
          tags: ['assignment'],
          summary: 'People who can take leads, with their open leads and whether they are on duty',
          querystring: ZAssigneesQuery,
          response: { 200: ZAssigneeList },
        },
      },
      async (request) => ({
        items: await assignment.assignees(authOf(request), request.query.includeDisabled === 'true'),
      }),
    );

    app.post(
      '/api/v1/leads/assign',
      {
        config: { access: 'leads.assign' },
        schema: {
          tags: ['assignment'],
          summary: 'Assign or reassign one or many leads to a consultant, DCC agent or CRM specialist',
          description:
            'Their open tasks move with them, a lead fresh from the queue gets its first call-back task, the new owner is notified; audited.',
          body: ZAssignLeadsRequest,
          response: { 200: ZAssignLeadsResult },
        },
      },
      async (request) => assignment.assign(authOf(request), request.body, request.id),
    );

    app.post(
      '/api/v1/leads/reassign-all',
      {
        config: { access: 'leads.assign' },
        schema: {
          tags: ['assignment'],
          summary:
            'Hand over every active lead and customer of a departing colleague to another, in one action',
          body: ZReassignAllRequest,
          response: { 200: ZReassignAllResult },
        },
      },
      async (request) => assignment.reassignAll(authOf(request), request.body, request.id),
    );

    app.get(
      '/api/v1/leads/:id/assignment',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['assignment'],
          summary: 'Why this lead has its owner, and every change of owner',
          params: ZIdParams,
          response: { 200: ZLeadAssignment },
        },
      },
      async (request) => assignment.leadAssignment(authOf(request), request.params.id),
    );

    app.post(
      '/api/v1/users/:id/duty',
      {
        config: { access: 'leads.assign' },
        schema: {
          tags: ['assignment'],
          summary:
            'Set whether a colleague is on duty today (automatic assignment rotates among those on duty)',
          params: ZIdParams,
          body: ZSetDutyRequest,
          response: { 200: ZDutyResult },
        },
      },
      async (request) =>
        assignment.setDuty(authOf(request), request.params.id, request.body.onDuty, request.id),
    );

    app.get(
      '/api/v1/assignment-rules',
      {
        config: { access: 'assignment_rules.manage' },
        schema: {
          tags: ['assignment'],
          summary: "The store's automatic assignment rules",
          response: { 200: ZAssignmentRuleList },
        },
      },
      async (request) => ({ items: await assignment.rules(authOf(request)) }),
    );

    app.post(
      '/api/v1/assignment-rules',
      {
        config: { access: 'assignment_rules.manage' },
        schema: {
          tags: ['assignment'],
          summary: 'Add an automatic assignment rule',
          body: ZCreateAssignmentRuleRequest,
          response: { 201: ZAssignmentRule },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await assignment.createRule(authOf(request), request.body, request.id)),
    );

    app.patch(
      '/api/v1/assignment-rules/:id',
      {
        config: { access: 'assignment_rules.manage' },
        schema: {
          tags: ['assignment'],
          summary: 'Change an automatic assignment rule, or switch it off',
          description:
            'Send the `version` you read; if someone changed the rule since, the answer is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateAssignmentRuleRequest,
          response: { 200: ZAssignmentRule },
        },
      },
      async (request) => assignment.updateRule(authOf(request), request.params.id, request.body, request.id),
    );
  };
