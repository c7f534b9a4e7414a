import type { ThrottleState } from '@qianke/core/accounts/login-throttle';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { loginThrottle } from '../infra/db/schema/index';

export const findThrottle = async (db: Executor, key: string): Promise<ThrottleState | undefined> => {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1);
  return row;
};

/** Reads the counter locked for update, so concurrent wrong guesses are all counted. */
export const lockThrottle = async (
  db: Executor,
  key: string,
  now: Date,
): Promise<ThrottleState | undefined> => {
  await db
    .insert(loginThrottle)
    .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
    .onConflictDoNothing();
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
  return row && row.failures > 0 ? row : undefined;
};

export const saveThrottle = async (db: Executor, key: string, state: ThrottleState) => {
  await db.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
};

export const clearThrottle = async (db: Executor, key: string) => {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
};

/**
 * Forgets the counters that count nothing any more: their window started at or before
 * `windowStartedBy` and no lock holds at `now`. Names nobody has (typos, guesses) leave such rows for
 * ever otherwise. Running it again deletes nothing more.
 */
export const deleteStaleThrottles = async (
  db: Executor,
  windowStartedBy: Date,
  now: Date,
): Promise<number> => {
  const deleted = await db
    .delete(loginThrottle)
    .where(
      and(
        lte(loginThrottle.windowStartedAt, windowStartedBy),
        or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now)),
      ),
    )
    .returning({ key: loginThrottle.key });
  return deleted.length;
};
