import {
  ZListNotificationsQuery,
  ZMarkNotificationsRead,
  ZMarkNotificationsReadResult,
  ZNotificationList,
} from '@qianke/contracts/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../infra/http/auth-context';
import type { NotificationBroadcaster } from './notification-broadcaster';
import type { NotificationsService } from './notifications.service';

export const notificationsRoutes =
  (notifications: NotificationsService, broadcaster: NotificationBroadcaster): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/notifications',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications (the bell), newest first, with the number still unread',
          querystring: ZListNotificationsQuery,
          response: { 200: ZNotificationList },
        },
      },
      async (request) => notifications.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/notifications/read',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['notifications'],
          summary: 'Mark some of your notifications read (`ids`), or all of them (`all: true`)',
          body: ZMarkNotificationsRead,
          response: { 200: ZMarkNotificationsReadResult },
        },
      },
      async (request) => notifications.markAsRead(authOf(request), request.body),
    );

    app.get(
      '/api/v1/notifications/stream',
      {
        config: { access: 'self.use' },
        schema: {
          tags: ['notifications'],
          summary: 'Your new notifications as they happen (server-sent events)',
          description:
            '`text/event-stream`: one `event: notification` per new notification, its `data` the JSON of a ' +
            'Notification as the list returns it; a comment line every 25 s keeps the connection open. ' +
            'The stream ends when the session ends or the server stops; browsers reconnect by themselves ' +
            '(EventSource) and should then re-read the list.',
          response: {
            200: {
              description: 'An endless event stream',
              content: { 'text/event-stream': { schema: z.string() } },
            },
          },
        },
      },
      async (request, reply) => broadcaster.subscribe(authOf(request), request, reply),
    );
  };
