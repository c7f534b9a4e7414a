import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCompleteTaskRequest,
  ZCreateTaskRequest,
  ZTask,
  ZTaskCompleted,
  ZTaskList,
  ZTaskListQuery,
  ZTaskSummary,
  ZTaskSummaryQuery,
} from '@qianke/contracts/follow-ups';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { TasksService } from './tasks.service';

const tags = ['tasks'];

export const tasksRoutes =
  (tasks: TasksService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/tasks',
      {
        config: { access: 'customers.view' },
        schema: {
          tags,
          summary: 'Follow-up tasks: yours (scope=mine) or the whole store (scope=store, managers)',
          description:
            "`due` = overdue | today | upcoming in the store's time zone. Open tasks come soonest first; pass `nextCursor` back as `cursor` for the next page.",
          querystring: ZTaskListQuery,
          response: { 200: ZTaskList },
        },
      },
      async (request) => tasks.list(authOf(request), request.query),
    );

    app.get(
      '/api/v1/tasks/summary',
      {
        config: { access: 'customers.view' },
        schema: {
          tags,
          summary: 'Open tasks counted as overdue, due today and upcoming, per user',
          querystring: ZTaskSummaryQuery,
          response: { 200: ZTaskSummary },
        },
      },
      async (request) => tasks.summary(authOf(request), request.query),
    );

    app.post(
      '/api/v1/tasks',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags,
          summary: 'Plan a custom task (for yourself; managers for anyone of the store)',
          body: ZCreateTaskRequest,
          response: { 201: ZTask },
        },
      },
      async (request, reply) => reply.code(201).send(await tasks.create(authOf(request), request.body)),
    );

    app.post(
      '/api/v1/tasks/:id/done',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags,
          summary: 'Complete a task with its result: an existing follow-up, or one logged now',
          description: 'Without a result the answer is 422 "Log the result first."',
          params: ZIdParams,
          body: ZCompleteTaskRequest,
          response: { 200: ZTaskCompleted },
        },
      },
      async (request) => tasks.complete(authOf(request), request.params.id, request.body),
    );
  };
