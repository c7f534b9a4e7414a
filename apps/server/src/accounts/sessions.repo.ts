import type { Role } from '@qianke/core/accounts/roles';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { dealers, sessions, userRoles, users } from '../infra/db/schema/index';

export type SessionRow = {
  tokenHash: string;
  dealerId: string;
  userId: string;
  currentDealerId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  groupId: string;
  groupAdmin: boolean;
  disabledAt: Date | null;
  roles: Role[];
};

export const insertSession = async (
  db: Executor,
  session: {
    tokenHash: string;
    dealerId: string;
    userId: string;
    ip?: string;
    userAgent?: string;
    now: Date;
  },
) => {
  await db.insert(sessions).values({
    tokenHash: session.tokenHash,
    dealerId: session.dealerId,
    userId: session.userId,
    currentDealerId: session.dealerId,
    createdAt: session.now,
    lastSeenAt: session.now,
    ip: session.ip ?? null,
    userAgent: session.userAgent?.slice(0, 300) ?? null,
  });
};

/** One round trip: the session, its user's state and roles, and the group of the current store. */
export const findSession = async (db: Executor, tokenHash: string): Promise<SessionRow | undefined> => {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      dealerId: sessions.dealerId,
      userId: sessions.userId,
      currentDealerId: sessions.currentDealerId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
      groupId: dealers.groupId,
      groupAdmin: users.groupAdmin,
      disabledAt: users.disabledAt,
      roles: sql<
        Role[]
      >`array(select r.role from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} order by r.role)`,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.dealerId, sessions.dealerId), eq(users.id, sessions.userId)))
    .innerJoin(dealers, eq(dealers.id, sessions.currentDealerId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row;
};

export const touchSession = async (db: Executor, tokenHash: string, now: Date) => {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
};

export const revokeSession = async (db: Executor, tokenHash: string, now: Date) => {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
};

/** Ends every session of a user, except optionally the one in use (after a password change). */
export const revokeUserSessions = async (
  db: Executor,
  dealerId: string,
  userId: string,
  now: Date,
  exceptTokenHash?: string,
) => {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.dealerId, dealerId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptTokenHash ? ne(sessions.tokenHash, exceptTokenHash) : undefined,
      ),
    );
};

export const setSessionStore = async (db: Executor, tokenHash: string, dealerId: string) => {
  await db.update(sessions).set({ currentDealerId: dealerId }).where(eq(sessions.tokenHash, tokenHash));
};
