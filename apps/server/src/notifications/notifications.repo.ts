import type { TNotificationKind } from '@qianke/contracts/notifications';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { notifications, sessions, users } from '../infra/db/schema/index';
import type { KeysetPosition } from './keyset-cursor';

export type NotificationRow = {
  id: string;
  dealerId: string;
  userId: string;
  kind: TNotificationKind;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  /** created_at to the microsecond, for an exact keyset cursor. */
  position: string;
};

/** Keyset position of the list: newest first, ties broken by id. */
export type NotificationCursor = KeysetPosition;

const columns = {
  id: notifications.id,
  dealerId: notifications.dealerId,
  userId: notifications.userId,
  kind: sql<TNotificationKind>`${notifications.kind}`,
  payload: sql<Record<string, unknown>>`${notifications.payload}`,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  position: sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

const ownedBy = (dealerId: string, userId: string) =>
  and(eq(notifications.dealerId, dealerId), eq(notifications.userId, userId));

export const listNotifications = async (
  db: Executor,
  q: { dealerId: string; userId: string; unreadOnly: boolean; after?: NotificationCursor; limit: number },
): Promise<NotificationRow[]> => {
  const conditions: (SQL | undefined)[] = [ownedBy(q.dealerId, q.userId)];
  if (q.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (q.after) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${q.after.position}::timestamptz, ${q.after.id}::uuid)`,
    );
  }
  return db
    .select(columns)
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit);
};

export const countUnread = async (db: Executor, dealerId: string, userId: string): Promise<number> => {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(ownedBy(dealerId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
};

/** Marks the user's own unread notifications read: the given ids, or all. Ids of others change nothing. */
export const markRead = async (
  db: Executor,
  q: { dealerId: string; userId: string; ids: string[] | 'all'; at: Date },
): Promise<number> => {
  const rows = await db
    .update(notifications)
    .set({ readAt: q.at, updatedAt: q.at, version: sql`${notifications.version} + 1` })
    .where(
      and(
        ownedBy(q.dealerId, q.userId),
        isNull(notifications.readAt),
        q.ids === 'all' ? undefined : inArray(notifications.id, q.ids),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
};

/**
 * Notifications of these users created in the last `windowMinutes` (by the database's clock), oldest
 * first: what the broadcaster compares with what it already pushed.
 */
export const recentNotifications = async (
  db: Executor,
  recipients: readonly { dealerId: string; userId: string }[],
  windowMinutes: number,
): Promise<NotificationRow[]> => {
  if (recipients.length === 0) return [];
  const pairs = sql.join(
    recipients.map((r) => sql`(${r.dealerId}::uuid, ${r.userId}::uuid)`),
    sql`, `,
  );
  return db
    .select(columns)
    .from(notifications)
    .where(
      and(
        sql`(${notifications.dealerId}, ${notifications.userId}) in (${pairs})`,
        sql`${notifications.createdAt} > now() - make_interval(mins => ${windowMinutes})`,
      ),
    )
    .orderBy(notifications.createdAt, notifications.id);
};

export type StreamSessionRow = {
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  disabledAt: Date | null;
};

/**
 * The sessions behind open streams, read without touching them: an open bell must not keep an idle
 * session alive, and a stream ends when its session does (logout, password change, disabled user).
 */
export const streamSessions = async (
  db: Executor,
  tokenHashes: readonly string[],
): Promise<StreamSessionRow[]> => {
  if (tokenHashes.length === 0) return [];
  return db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.dealerId, sessions.dealerId), eq(users.id, sessions.userId)))
    .where(inArray(sessions.tokenHash, [...tokenHashes]));
};
