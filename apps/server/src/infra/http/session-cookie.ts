import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth-context';

export type CookieSettings = { secure: boolean; maxAgeSeconds: number };

/** HTTP-only and SameSite=Lax: scripts cannot read it and other sites cannot post with it. */
export const setSessionCookie = (reply: FastifyReply, token: string, settings: CookieSettings) =>
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
    path: '/',
    maxAge: settings.maxAgeSeconds,
  });

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});
