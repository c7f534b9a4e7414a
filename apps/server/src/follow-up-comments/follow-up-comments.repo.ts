import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { customers, followUpComments, followUps, leads, users } from '../infra/db/schema/index';

/** A follow-up with what decides who may see it: the lead's and the customer's owner, and its author. */
export type FollowUpSubject = {
  id: string;
  authorId: string;
  leadId: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  leadOwnerId: string | null;
  customerOwnerId: string | null;
};

export const findFollowUpSubject = async (
  db: Executor,
  dealerId: string,
  followUpId: string,
): Promise<FollowUpSubject | undefined> => {
  const [row] = await db
    .select({
      id: followUps.id,
      authorId: followUps.userId,
      leadId: followUps.leadId,
      customerId: followUps.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      leadOwnerId: leads.ownerId,
      customerOwnerId: customers.ownerId,
    })
    .from(followUps)
    .innerJoin(leads, and(eq(leads.dealerId, followUps.dealerId), eq(leads.id, followUps.leadId)))
    .innerJoin(
      customers,
      and(eq(customers.dealerId, followUps.dealerId), eq(customers.id, followUps.customerId)),
    )
    .where(and(eq(followUps.dealerId, dealerId), eq(followUps.id, followUpId)))
    .limit(1);
  return row;
};

export type CommentRow = {
  id: string;
  followUpId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
};

const commentColumns = {
  id: followUpComments.id,
  followUpId: followUpComments.followUpId,
  authorId: followUpComments.authorId,
  authorName: users.displayName,
  body: followUpComments.body,
  createdAt: followUpComments.createdAt,
};

const withAuthor = and(
  eq(users.dealerId, followUpComments.dealerId),
  eq(users.id, followUpComments.authorId),
);

export const insertComment = async (
  db: Executor,
  comment: { dealerId: string; followUpId: string; authorId: string; body: string },
): Promise<string> => {
  const [row] = await db.insert(followUpComments).values(comment).returning({ id: followUpComments.id });
  if (!row) throw new Error('insert into follow_up_comments returned no row');
  return row.id;
};

export const findComment = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<CommentRow | undefined> => {
  const [row] = await db
    .select(commentColumns)
    .from(followUpComments)
    .innerJoin(users, withAuthor)
    .where(and(eq(followUpComments.dealerId, dealerId), eq(followUpComments.id, id)))
    .limit(1);
  return row;
};

/** The comments of one follow-up, oldest first (a conversation reads top to bottom). */
export const listComments = async (
  db: Executor,
  dealerId: string,
  followUpId: string,
): Promise<CommentRow[]> =>
  db
    .select(commentColumns)
    .from(followUpComments)
    .innerJoin(users, withAuthor)
    .where(and(eq(followUpComments.dealerId, dealerId), eq(followUpComments.followUpId, followUpId)))
    .orderBy(asc(followUpComments.createdAt), asc(followUpComments.id));

export type StoreFollowUpRow = {
  id: string;
  leadId: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  authorId: string;
  authorName: string;
  channel: string;
  content: string;
  result: string;
  levelBefore: string | null;
  levelAfter: string | null;
  leadLevel: string | null;
  occurredAt: Date;
  nextContactAt: Date | null;
  commentCount: number;
  /** occurred_at to the microsecond, for an exact keyset cursor. */
  position: string;
};

export type StoreFollowUpQuery = {
  dealerId: string;
  userId?: string | undefined;
  /** Days in the store's calendar, YYYY-MM-DD, both included. */
  from?: string | undefined;
  to?: string | undefined;
  after?: { position: string; id: string } | undefined;
  limit: number;
};

/** The store's follow-ups, newest first, for a manager's review. */
export const listStoreFollowUps = async (
  db: Executor,
  q: StoreFollowUpQuery,
): Promise<StoreFollowUpRow[]> => {
  const zone = sql`(select d.time_zone from dealers d where d.id = ${q.dealerId}::uuid)`;
  const conditions: (SQL | undefined)[] = [eq(followUps.dealerId, q.dealerId)];
  if (q.userId) conditions.push(eq(followUps.userId, q.userId));
  if (q.from)
    conditions.push(sql`${followUps.occurredAt} >= ((${q.from}::date)::timestamp at time zone ${zone})`);
  if (q.to)
    conditions.push(sql`${followUps.occurredAt} < ((${q.to}::date + 1)::timestamp at time zone ${zone})`);
  if (q.after) {
    conditions.push(
      sql`(${followUps.occurredAt}, ${followUps.id}) < (${q.after.position}::timestamptz, ${q.after.id}::uuid)`,
    );
  }
  return db
    .select({
      id: followUps.id,
      leadId: followUps.leadId,
      customerId: followUps.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      authorId: followUps.userId,
      authorName: users.displayName,
      channel: followUps.channel,
      content: followUps.content,
      result: followUps.result,
      levelBefore: followUps.levelBefore,
      levelAfter: followUps.levelAfter,
      leadLevel: leads.level,
      occurredAt: followUps.occurredAt,
      nextContactAt: followUps.nextContactAt,
      commentCount: sql<number>`(select count(*)::int from ${followUpComments} c where c.dealer_id = ${followUps.dealerId} and c.follow_up_id = ${followUps.id})`,
      position: sql<string>`to_char(${followUps.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(followUps)
    .innerJoin(leads, and(eq(leads.dealerId, followUps.dealerId), eq(leads.id, followUps.leadId)))
    .innerJoin(
      customers,
      and(eq(customers.dealerId, followUps.dealerId), eq(customers.id, followUps.customerId)),
    )
    .innerJoin(users, and(eq(users.dealerId, followUps.dealerId), eq(users.id, followUps.userId)))
    .where(and(...conditions))
    .orderBy(desc(followUps.occurredAt), desc(followUps.id))
    .limit(q.limit);
};
