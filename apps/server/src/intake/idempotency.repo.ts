import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { idempotencyKeys } from '../infra/db/schema/index';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Takes an `Idempotency-Key` for this request, in the caller's transaction: a new key, or one first
 * used before `staleBefore`, which is overwritten. False when a fresh row holds it; a row another
 * transaction is writing makes this wait until that one ends (the primary key decides who wins).
 */
export const claimIdempotencyKey = async (
  db: Executor,
  claim: { dealerId: string; key: string; requestHash: string; at: Date; staleBefore: Date },
): Promise<boolean> => {
  const rows = await db
    .insert(idempotencyKeys)
    .values({
      dealerId: claim.dealerId,
      key: claim.key,
      requestHash: claim.requestHash,
      statusCode: 0,
      response: {},
      createdAt: claim.at,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.dealerId, idempotencyKeys.key],
      set: { requestHash: claim.requestHash, statusCode: 0, response: {}, createdAt: claim.at },
      setWhere: sql`${idempotencyKeys.createdAt} <= ${claim.staleBefore.toISOString()}::timestamptz`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
};

export const findIdempotencyKey = async (
  db: Executor,
  dealerId: string,
  key: string,
): Promise<IdempotencyRow | undefined> => {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.dealerId, dealerId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
};

/** Stores the answer to replay, in the transaction that claimed the key. */
export const completeIdempotencyKey = async (
  db: Executor,
  dealerId: string,
  key: string,
  answer: { statusCode: number; response: unknown },
): Promise<void> => {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: answer.statusCode, response: answer.response })
    .where(and(eq(idempotencyKeys.dealerId, dealerId), eq(idempotencyKeys.key, key)));
};
