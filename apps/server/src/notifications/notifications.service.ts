import type {
  TListNotificationsParsed,
  TMarkNotificationsRead,
  TMarkNotificationsReadResult,
  TNotification,
  TNotificationList,
} from '@qianke/contracts/notifications';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { countUnread, listNotifications, markRead, type NotificationRow } from './notifications.repo';

export const toNotification = (row: NotificationRow): TNotification => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/**
 * A user's own notifications. They live in the user's home store (a group admin working in another
 * store still sees their own bell), so every query filters by the caller's home store and user id.
 */
export const createNotificationsService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const list = async (ctx: AuthContext, query: TListNotificationsParsed): Promise<TNotificationList> => {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const [rows, unreadCount] = await Promise.all([
      listNotifications(db, {
        dealerId: ctx.homeDealerId,
        userId: ctx.userId,
        unreadOnly: query.unread === 'true',
        ...(after ? { after } : {}),
        limit: query.limit + 1,
      }),
      countUnread(db, ctx.homeDealerId, ctx.userId),
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotification),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      unreadCount,
    };
  };

  const markAsRead = async (
    ctx: AuthContext,
    input: TMarkNotificationsRead,
  ): Promise<TMarkNotificationsReadResult> => {
    const marked = await markRead(db, {
      dealerId: ctx.homeDealerId,
      userId: ctx.userId,
      ids: 'all' in input ? 'all' : [...new Set(input.ids)],
      at: clock.now(),
    });
    return { marked, unreadCount: await countUnread(db, ctx.homeDealerId, ctx.userId) };
  };

  return { list, markAsRead };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
