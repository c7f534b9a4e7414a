import type { Level } from '@qianke/core/leads/grading';
import type { Horizon } from '@qianke/core/leads/horizon';
import type { Man } from '@qianke/core/leads/man';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  customers,
  followUpComments,
  followUps,
  leadLevelChanges,
  leadMan,
  leads,
  users,
} from '../infra/db/schema/index';

/** The SQL of grading and follow-up records. */

export type WorkLeadRow = {
  id: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  customerOwnerId: string | null;
  ownerId: string | null;
  level: Level | null;
  horizon: Horizon | null;
  /** MAN as last judged, null if never. */
  man: Man | null;
  status: 'open' | 'won' | 'lost' | 'nurturing';
  firstContactedAt: Date | null;
  version: number;
};

export const findWorkLead = async (
  db: Executor,
  dealerId: string,
  leadId: string,
): Promise<WorkLeadRow | undefined> => {
  const [row] = await db
    .select({
      id: leads.id,
      customerId: leads.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      customerOwnerId: customers.ownerId,
      ownerId: leads.ownerId,
      level: leads.level,
      horizon: leads.horizon,
      money: leadMan.money,
      authority: leadMan.authority,
      need: leadMan.need,
      status: leads.status,
      firstContactedAt: leads.firstContactedAt,
      version: leads.version,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .leftJoin(leadMan, and(eq(leadMan.dealerId, leads.dealerId), eq(leadMan.leadId, leads.id)))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)))
    .limit(1);
  if (!row) return undefined;
  const { money, authority, need, ...lead } = row;
  return {
    ...lead,
    level: lead.level ?? null,
    horizon: lead.horizon ?? null,
    man: money === null || authority === null || need === null ? null : { money, authority, need },
  };
};

/** Stores the MAN judged for a lead now (one row per lead, replaced by the next judgement). */
export const saveLeadMan = async (
  db: Executor,
  row: { dealerId: string; leadId: string; man: Man; judgedBy: string; judgedAt: Date },
): Promise<void> => {
  const values = { ...row.man, judgedBy: row.judgedBy, judgedAt: row.judgedAt };
  await db
    .insert(leadMan)
    .values({ dealerId: row.dealerId, leadId: row.leadId, ...values })
    .onConflictDoUpdate({ target: [leadMan.dealerId, leadMan.leadId], set: values });
};

/**
 * Changes a lead's level, horizon or first contact and bumps its version; with `expectedVersion`, only
 * if nobody changed it since. Returns the new version, or undefined when it was stale.
 */
export const updateWorkLead = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  patch: { level?: Level; horizon?: Horizon; firstContactedAt?: Date },
  expectedVersion?: number,
): Promise<number | undefined> => {
  const [row] = await db
    .update(leads)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${leads.version} + 1` })
    .where(
      and(
        eq(leads.dealerId, dealerId),
        eq(leads.id, leadId),
        expectedVersion === undefined ? undefined : eq(leads.version, expectedVersion),
      ),
    )
    .returning({ version: leads.version });
  return row?.version;
};

/** A customer's level is the level of their latest lead (the card shows one level). */
export const syncCustomerLevel = async (
  db: Executor,
  dealerId: string,
  customerId: string,
): Promise<void> => {
  await db.execute(sql`
    update ${customers} c set level = latest.level, updated_at = now()
    from (select l.level from ${leads} l where l.dealer_id = ${dealerId} and l.customer_id = ${customerId}
          order by l.created_at desc, l.id desc limit 1) latest
    where c.dealer_id = ${dealerId} and c.id = ${customerId} and c.level is distinct from latest.level`);
};

export const insertLevelChange = async (
  db: Executor,
  row: {
    dealerId: string;
    leadId: string;
    fromLevel: Level | null;
    toLevel: Level;
    changedBy: string;
    changedAt: Date;
    reason: string;
  },
): Promise<string> => {
  const [inserted] = await db
    .insert(leadLevelChanges)
    .values({ ...row, createdAt: row.changedAt, updatedAt: row.changedAt })
    .returning({ id: leadLevelChanges.id });
  if (!inserted) throw new Error('insert into lead_level_changes returned no row');
  return inserted.id;
};

export type LevelChangeRow = {
  id: string;
  leadId: string;
  fromLevel: Level | null;
  toLevel: Level;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
  reason: string | null;
};

const changer = alias(users, 'changer');

export const listLevelChanges = async (
  db: Executor,
  dealerId: string,
  filter: { leadId: string } | { id: string },
): Promise<LevelChangeRow[]> => {
  const rows = await db
    .select({
      id: leadLevelChanges.id,
      leadId: leadLevelChanges.leadId,
      fromLevel: leadLevelChanges.fromLevel,
      toLevel: leadLevelChanges.toLevel,
      changedBy: leadLevelChanges.changedBy,
      changedByName: changer.displayName,
      changedAt: leadLevelChanges.changedAt,
      reason: leadLevelChanges.reason,
    })
    .from(leadLevelChanges)
    .leftJoin(
      changer,
      and(eq(changer.dealerId, leadLevelChanges.dealerId), eq(changer.id, leadLevelChanges.changedBy)),
    )
    .where(
      and(
        eq(leadLevelChanges.dealerId, dealerId),
        'leadId' in filter ? eq(leadLevelChanges.leadId, filter.leadId) : eq(leadLevelChanges.id, filter.id),
      ),
    )
    .orderBy(desc(leadLevelChanges.changedAt), desc(leadLevelChanges.id));
  return rows.map((row) => ({
    ...row,
    fromLevel: row.fromLevel as Level | null,
    toLevel: row.toLevel as Level,
  }));
};

export type FollowUpChannel = 'phone' | 'sms' | 'wechat' | 'email' | 'visit' | 'showroom' | 'mail';

export const insertFollowUp = async (
  db: Executor,
  row: {
    dealerId: string;
    leadId: string;
    customerId: string;
    userId: string;
    channel: FollowUpChannel;
    content: string;
    result: string;
    levelBefore: Level | null;
    levelAfter: Level | null;
    occurredAt: Date;
    nextContactAt: Date | null;
  },
): Promise<string> => {
  const [inserted] = await db
    .insert(followUps)
    .values({ ...row, createdAt: row.occurredAt, updatedAt: row.occurredAt })
    .returning({ id: followUps.id });
  if (!inserted) throw new Error('insert into follow_ups returned no row');
  return inserted.id;
};

export const setFollowUpNextContact = async (
  db: Executor,
  dealerId: string,
  id: string,
  nextContactAt: Date | null,
): Promise<void> => {
  await db
    .update(followUps)
    .set({ nextContactAt })
    .where(and(eq(followUps.dealerId, dealerId), eq(followUps.id, id)));
};

export type FollowUpRow = {
  id: string;
  leadId: string;
  customerId: string;
  userId: string;
  userName: string;
  channel: FollowUpChannel;
  content: string;
  result: string;
  levelBefore: Level | null;
  levelAfter: Level | null;
  occurredAt: Date;
  nextContactAt: Date | null;
};

export const listFollowUps = async (
  db: Executor,
  dealerId: string,
  filter: { leadId: string } | { id: string },
): Promise<FollowUpRow[]> => {
  const rows = await db
    .select({
      id: followUps.id,
      leadId: followUps.leadId,
      customerId: followUps.customerId,
      userId: followUps.userId,
      userName: users.displayName,
      channel: followUps.channel,
      content: followUps.content,
      result: followUps.result,
      levelBefore: followUps.levelBefore,
      levelAfter: followUps.levelAfter,
      occurredAt: followUps.occurredAt,
      nextContactAt: followUps.nextContactAt,
    })
    .from(followUps)
    .innerJoin(users, and(eq(users.dealerId, followUps.dealerId), eq(users.id, followUps.userId)))
    .where(
      and(
        eq(followUps.dealerId, dealerId),
        'leadId' in filter ? eq(followUps.leadId, filter.leadId) : eq(followUps.id, filter.id),
      ),
    )
    .orderBy(desc(followUps.occurredAt), desc(followUps.id));
  return rows.map((row) => ({
    ...row,
    levelBefore: row.levelBefore as Level | null,
    levelAfter: row.levelAfter as Level | null,
  }));
};

/** Locks a follow-up's row, so that two tasks completed with it at once queue up and see each other. */
export const lockFollowUp = async (db: Executor, dealerId: string, id: string): Promise<void> => {
  await db
    .select({ id: followUps.id })
    .from(followUps)
    .where(and(eq(followUps.dealerId, dealerId), eq(followUps.id, id)))
    .for('update');
};

export type CommentRow = {
  id: string;
  followUpId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
};

/** Managers' comments (批复) on follow-ups; written by the notifications slice, read here. */
export const listComments = async (
  db: Executor,
  dealerId: string,
  followUpIds: readonly string[],
): Promise<CommentRow[]> => {
  if (followUpIds.length === 0) return [];
  return db
    .select({
      id: followUpComments.id,
      followUpId: followUpComments.followUpId,
      authorId: followUpComments.authorId,
      authorName: users.displayName,
      body: followUpComments.body,
      createdAt: followUpComments.createdAt,
    })
    .from(followUpComments)
    .innerJoin(
      users,
      and(eq(users.dealerId, followUpComments.dealerId), eq(users.id, followUpComments.authorId)),
    )
    .where(
      and(eq(followUpComments.dealerId, dealerId), inArray(followUpComments.followUpId, [...followUpIds])),
    )
    .orderBy(asc(followUpComments.createdAt), asc(followUpComments.id));
};

/** The newest lead of a customer, for a task planned on the customer rather than on one lead. */
export const latestLeadOfCustomer = async (
  db: Executor,
  dealerId: string,
  customerId: string,
): Promise<string | undefined> => {
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.customerId, customerId)))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(1);
  return row?.id;
};

export const findCustomerOwner = async (
  db: Executor,
  dealerId: string,
  customerId: string,
): Promise<{ id: string; ownerId: string | null } | undefined> => {
  const [row] = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, customerId)))
    .limit(1);
  return row;
};

/** An active user of the store, e.g. the assignee a manager picked for a task. */
export const isActiveStoreUser = async (db: Executor, dealerId: string, userId: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId), sql`${users.disabledAt} is null`))
    .limit(1);
  return row !== undefined;
};
