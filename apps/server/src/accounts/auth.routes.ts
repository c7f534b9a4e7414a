import { ZChangePasswordRequest, ZLoginRequest, ZMe, ZSwitchStoreRequest } from '@qianke/contracts/auth';
import { ZOk } from '@qianke/contracts/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import {
  type CookieSettings,
  clearSessionCookie,
  clientOf,
  setSessionCookie,
} from '../infra/http/session-cookie';
import type { AuthService } from './auth.service';

export const authRoutes =
  (auth: AuthService, cookie: CookieSettings): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Log in; sets the HTTP-only session cookie',
          description:
            'Repeated wrong passwords slow the answer down, then lock the username for 15 minutes (429).',
          body: ZLoginRequest,
          response: { 200: ZMe },
        },
      },
      async (request, reply) => {
        const { token, me } = await auth.login(request.body, clientOf(request));
        setSessionCookie(reply, token, cookie);
        return me;
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], summary: 'End this session', response: { 200: ZOk } },
      },
      async (request, reply) => {
        await auth.logout(request.auth);
        clearSessionCookie(reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/me',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['auth'],
          summary: 'The logged-in user, the store in use and what they may do',
          response: { 200: ZMe },
        },
      },
      async (request) => auth.me(authOf(request)),
    );

    app.post(
      '/api/v1/me/password',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['auth'],
          summary: 'Change your own password (ends your other sessions)',
          body: ZChangePasswordRequest,
          response: { 200: ZOk },
        },
      },
      async (request) => {
        await auth.changePassword(authOf(request), request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/me/store',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['auth'],
          summary: 'Switch the store you work in (group administrators)',
          body: ZSwitchStoreRequest,
          response: { 200: ZMe },
        },
      },
      async (request) => auth.switchStore(authOf(request), request.body.storeId),
    );
  };
