import {
  ZCreateUserRequest,
  ZListUsersQuery,
  ZResetPasswordRequest,
  ZUpdateUserRequest,
  ZUser,
  ZUserList,
} from '@qianke/contracts/accounts';
import { ZIdParams, ZOk } from '@qianke/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { UsersService } from './users.service';

export const usersRoutes =
  (users: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { access: 'users.view' },
        schema: {
          tags: ['users'],
          summary: 'The staff of the store',
          querystring: ZListUsersQuery,
          response: { 200: ZUserList },
        },
      },
      async (request) => users.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a user; they choose their own password at first login',
          body: ZCreateUserRequest,
          response: { 201: ZUser },
        },
      },
      async (request, reply) => reply.code(201).send(await users.create(authOf(request), request.body)),
    );

    app.get(
      '/api/v1/users/:id',
      {
        config: { access: 'users.view' },
        schema: {
          tags: ['users'],
          summary: 'One user of the store',
          params: ZIdParams,
          response: { 200: ZUser },
        },
      },
      async (request) => users.get(authOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: 'Change name, roles or consultant code, or disable / enable a user',
          description:
            'Send the `version` you read; if someone changed the user since, the answer is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateUserRequest,
          response: { 200: ZUser },
        },
      },
      async (request) => users.update(authOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/users/:id/password',
      {
        config: { access: 'users.manage' },
        schema: {
          tags: ['users'],
          summary: "Reset a user's password; ends their sessions; they must change it at next login",
          params: ZIdParams,
          body: ZResetPasswordRequest,
          response: { 200: ZOk },
        },
      },
      async (request) => {
        await users.resetPassword(authOf(request), request.params.id, request.body.newPassword);
        return { ok: true as const };
      },
    );
  };
