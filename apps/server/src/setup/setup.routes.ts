import { ZMe } from '@qianke/contracts/auth';
import { ZAppMeta, ZSetupRequest } from '@qianke/contracts/setup';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type CookieSettings, clientOf, setSessionCookie } from '../infra/http/session-cookie';
import type { SetupService } from './setup.service';

export const setupRoutes =
  (setup: SetupService, cookie: CookieSettings): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/meta',
      {
        config: { access: 'public' },
        schema: {
          tags: ['setup'],
          summary: 'Whether this is a demo and whether set-up is still due',
          response: { 200: ZAppMeta },
        },
      },
      async () => setup.meta(),
    );

    app.post(
      '/api/v1/setup',
      {
        config: { access: 'public' },
        schema: {
          tags: ['setup'],
          summary: 'First run: create the dealer group, its first store and its administrator (logs them in)',
          description: 'Allowed once, while no store exists; afterwards 409.',
          body: ZSetupRequest,
          response: { 201: ZMe },
        },
      },
      async (request, reply) => {
        const { token, me } = await setup.setUp(request.body, clientOf(request));
        setSessionCookie(reply, token, cookie);
        return reply.code(201).send(me);
      },
    );
  };
