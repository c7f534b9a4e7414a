import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { apiKeys, users } from '../infra/db/schema/index';

export type ApiKeyRow = typeof apiKeys.$inferSelect & { createdByName: string | null };

const withCreator = {
  dealerId: apiKeys.dealerId,
  id: apiKeys.id,
  createdAt: apiKeys.createdAt,
  updatedAt: apiKeys.updatedAt,
  version: apiKeys.version,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  keyHash: apiKeys.keyHash,
  createdBy: apiKeys.createdBy,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdByName: users.displayName,
};

const creatorJoin = and(eq(users.dealerId, apiKeys.dealerId), eq(users.id, apiKeys.createdBy));

/** The store's keys: those in use first, newest first. */
export const listApiKeys = async (db: Executor, dealerId: string): Promise<ApiKeyRow[]> =>
  db
    .select(withCreator)
    .from(apiKeys)
    .leftJoin(users, creatorJoin)
    .where(eq(apiKeys.dealerId, dealerId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), desc(apiKeys.id));

export const findApiKey = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<ApiKeyRow | undefined> => {
  const [row] = await db
    .select(withCreator)
    .from(apiKeys)
    .leftJoin(users, creatorJoin)
    .where(and(eq(apiKeys.dealerId, dealerId), eq(apiKeys.id, id)))
    .limit(1);
  return row;
};

export const insertApiKey = async (
  db: Executor,
  row: { dealerId: string; name: string; prefix: string; keyHash: string; createdBy: string; at: Date },
): Promise<string> => {
  const [inserted] = await db
    .insert(apiKeys)
    .values({
      dealerId: row.dealerId,
      name: row.name,
      prefix: row.prefix,
      keyHash: row.keyHash,
      createdBy: row.createdBy,
      createdAt: row.at,
      updatedAt: row.at,
    })
    .returning({ id: apiKeys.id });
  if (!inserted) throw new Error('insert into api_keys returned no row');
  return inserted.id;
};

/** Revokes a key in use; false when it was revoked already. */
export const revokeApiKey = async (
  db: Executor,
  dealerId: string,
  id: string,
  at: Date,
): Promise<boolean> => {
  const updated = await db
    .update(apiKeys)
    .set({ revokedAt: at, updatedAt: at, version: sql`${apiKeys.version} + 1` })
    .where(and(eq(apiKeys.dealerId, dealerId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return updated.length > 0;
};

/** The store and id of a key in use with this SHA-256; undefined for an unknown or revoked key. */
export const findKeyInUseByHash = async (
  db: Executor,
  keyHash: string,
): Promise<{ dealerId: string; id: string; lastUsedAt: Date | null } | undefined> => {
  const [row] = await db
    .select({ dealerId: apiKeys.dealerId, id: apiKeys.id, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
};

/** "Last used" is kept to the minute: the key's row is written (and locked) once a minute at most. */
const TOUCH_EVERY_MS = 60_000;

/** Whether a key last recorded as used at `lastUsedAt` is to be recorded again at `at`. */
export const keyUseIsStale = (lastUsedAt: Date | null, at: Date): boolean =>
  lastUsedAt === null || lastUsedAt.getTime() < at.getTime() - TOUCH_EVERY_MS;

/**
 * Records that the key was used. Every request of a portal comes with the same key: writing its row each
 * time would queue all of them on that row's lock until each transaction ends, so a key used within the
 * last minute is left as it is.
 */
export const touchApiKey = async (db: Executor, dealerId: string, id: string, at: Date): Promise<void> => {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiKeys.dealerId, dealerId),
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at.getTime() - TOUCH_EVERY_MS))),
      ),
    );
};
