import type {
  DefeatOutcome,
  DefeatReasonSeed,
  DefeatRequestRow,
  DefeatStatus,
} from '@qianke/core/leads/defeat';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { keysetText } from '../assignment/keyset-cursor';
import type { Executor } from '../infra/db/database';
import {
  catalogSeries,
  customers,
  dealers,
  defeatReasons,
  defeatRequests,
  leads,
  tasks,
  userRoles,
  users,
} from '../infra/db/schema/index';

/** The SQL of defeat: the store's reasons, requests and decisions, and the monthly record. */

export type ReasonRow = typeof defeatReasons.$inferSelect;

export const listReasons = async (db: Executor, dealerId: string): Promise<ReasonRow[]> =>
  db
    .select()
    .from(defeatReasons)
    .where(eq(defeatReasons.dealerId, dealerId))
    .orderBy(asc(defeatReasons.sort), asc(defeatReasons.code));

export const findReason = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<ReasonRow | undefined> => {
  const [row] = await db
    .select()
    .from(defeatReasons)
    .where(and(eq(defeatReasons.dealerId, dealerId), eq(defeatReasons.id, id)))
    .limit(1);
  return row;
};

export const nextReasonSort = async (db: Executor, dealerId: string): Promise<number> => {
  const [row] = await db
    .select({ max: sql<number | null>`max(${defeatReasons.sort})` })
    .from(defeatReasons)
    .where(eq(defeatReasons.dealerId, dealerId));
  return (Number(row?.max ?? 0) || 0) + 10;
};

export const insertReason = async (
  db: Executor,
  dealerId: string,
  values: {
    code: string;
    nameZh: string;
    nameEn: string;
    needsCompetitor: boolean;
    sort: number;
    active: boolean;
  },
): Promise<string> => {
  const [row] = await db
    .insert(defeatReasons)
    .values({ dealerId, ...values })
    .returning({ id: defeatReasons.id });
  if (!row) throw new Error('insert into defeat_reasons returned no row');
  return row.id;
};

/** A new store's list; a reason the store already has (same code) is left as it is. */
export const insertDefaultReasons = async (
  db: Executor,
  dealerId: string,
  seeds: readonly DefeatReasonSeed[],
  at?: Date,
): Promise<void> => {
  if (seeds.length === 0) return;
  await db
    .insert(defeatReasons)
    .values(seeds.map((seed) => ({ dealerId, ...seed, ...(at ? { createdAt: at, updatedAt: at } : {}) })))
    .onConflictDoNothing({ target: [defeatReasons.dealerId, defeatReasons.code] });
};

export const updateReason = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: Partial<Pick<ReasonRow, 'nameZh' | 'nameEn' | 'needsCompetitor' | 'sort' | 'active'>>,
): Promise<boolean> => {
  const rows = await db
    .update(defeatReasons)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${defeatReasons.version} + 1` })
    .where(
      and(eq(defeatReasons.dealerId, dealerId), eq(defeatReasons.id, id), eq(defeatReasons.version, version)),
    )
    .returning({ id: defeatReasons.id });
  return rows.length > 0;
};

export type LeadForDefeat = {
  id: string;
  status: 'open' | 'won' | 'lost' | 'nurturing';
  ownerId: string | null;
  customerId: string;
  customerName: string;
  cardNo: string;
  customerOwnerId: string | null;
};

/** The lead with its customer; `lock` holds the lead's row for the rest of the transaction. */
export const findLeadForDefeat = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  lock = false,
): Promise<LeadForDefeat | undefined> => {
  if (lock) {
    await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)))
      .for('update');
  }
  const [row] = await db
    .select({
      id: leads.id,
      status: leads.status,
      ownerId: leads.ownerId,
      customerId: leads.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      customerOwnerId: customers.ownerId,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)))
    .limit(1);
  return row;
};

export const hasPendingRequest = async (db: Executor, dealerId: string, leadId: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: defeatRequests.id })
    .from(defeatRequests)
    .where(
      and(
        eq(defeatRequests.dealerId, dealerId),
        eq(defeatRequests.leadId, leadId),
        eq(defeatRequests.status, 'pending'),
      ),
    )
    .limit(1);
  return row !== undefined;
};

export const insertRequest = async (
  db: Executor,
  row: {
    dealerId: string;
    leadId: string;
    requestedBy: string;
    reasonId: string;
    competitorBrand: string | null;
    competitorModel: string | null;
    note: string;
    createdAt: Date;
  },
): Promise<string> => {
  const [inserted] = await db
    .insert(defeatRequests)
    .values({ ...row, updatedAt: row.createdAt })
    .returning({ id: defeatRequests.id });
  if (!inserted) throw new Error('insert into defeat_requests returned no row');
  return inserted.id;
};

export type RequestRow = typeof defeatRequests.$inferSelect;

export const lockRequest = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<RequestRow | undefined> => {
  const [row] = await db
    .select()
    .from(defeatRequests)
    .where(and(eq(defeatRequests.dealerId, dealerId), eq(defeatRequests.id, id)))
    .for('update');
  return row;
};

export const decideRequest = async (
  db: Executor,
  dealerId: string,
  id: string,
  decision: {
    status: 'approved' | 'rejected';
    outcome: DefeatOutcome | null;
    decidedBy: string;
    decidedAt: Date;
    managerNote: string | null;
  },
): Promise<void> => {
  await db
    .update(defeatRequests)
    .set({ ...decision, updatedAt: decision.decidedAt, version: sql`${defeatRequests.version} + 1` })
    .where(and(eq(defeatRequests.dealerId, dealerId), eq(defeatRequests.id, id)));
};

/** The lead closes as lost (DOMAIN §3), with the reason's code, and nobody follows it up any more. */
export const closeLeadAsLost = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  change: { closedAt: Date; lostReason: string },
): Promise<number> => {
  await db
    .update(leads)
    .set({
      status: 'lost',
      closedAt: change.closedAt,
      lostReason: change.lostReason,
      updatedAt: sql`now()`,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)));
  const cancelled = await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.dealerId, dealerId), eq(tasks.leadId, leadId), eq(tasks.status, 'open')))
    .returning({ id: tasks.id });
  return cancelled.length;
};

/** Active sales managers of the store: they decide defeat requests. */
export const managerIdsOf = async (db: Executor, dealerId: string): Promise<string[]> => {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users}.dealer_id
          and r.user_id = ${users}.id and r.role = 'sales_manager')`,
      ),
    )
    .orderBy(asc(users.id));
  return rows.map((row) => row.id);
};

export const userNameOf = async (db: Executor, dealerId: string, userId: string): Promise<string | null> => {
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)));
  return row?.name ?? null;
};

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');
const owner = alias(users, 'owner');

export type RequestListRow = {
  id: string;
  leadId: string;
  leadStatus: string;
  level: string | null;
  customerId: string;
  customerName: string;
  cardNo: string;
  seriesId: string | null;
  seriesName: string | null;
  seriesNameEn: string | null;
  ownerId: string | null;
  ownerName: string | null;
  requestedBy: string;
  requestedByName: string;
  reasonId: string;
  reasonCode: string;
  reasonNameZh: string;
  reasonNameEn: string;
  competitorBrand: string | null;
  competitorModel: string | null;
  note: string | null;
  status: DefeatStatus;
  outcome: DefeatOutcome | null;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  managerNote: string | null;
  createdAt: Date;
  createdKey: string;
  version: number;
};

export const listRequests = async (
  db: Executor,
  dealerId: string,
  filter: {
    status?: DefeatStatus | undefined;
    leadId?: string | undefined;
    requestedBy?: string | undefined;
    ids?: readonly string[];
    order: 'asc' | 'desc';
    after?: { key: string; id: string } | undefined;
    limit: number;
  },
): Promise<RequestListRow[]> => {
  const conditions: (SQL | undefined)[] = [eq(defeatRequests.dealerId, dealerId)];
  if (filter.status) conditions.push(eq(defeatRequests.status, filter.status));
  if (filter.leadId) conditions.push(eq(defeatRequests.leadId, filter.leadId));
  if (filter.requestedBy) conditions.push(eq(defeatRequests.requestedBy, filter.requestedBy));
  if (filter.ids) conditions.push(inArray(defeatRequests.id, [...filter.ids]));
  if (filter.after) {
    conditions.push(
      filter.order === 'asc'
        ? sql`(${defeatRequests.createdAt}, ${defeatRequests.id}) > (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`
        : sql`(${defeatRequests.createdAt}, ${defeatRequests.id}) < (${filter.after.key}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  const direction = filter.order === 'asc' ? asc : desc;
  const rows = await db
    .select({
      id: defeatRequests.id,
      leadId: defeatRequests.leadId,
      leadStatus: leads.status,
      level: leads.level,
      customerId: customers.id,
      customerName: customers.name,
      cardNo: customers.cardNo,
      seriesId: catalogSeries.id,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      ownerId: leads.ownerId,
      ownerName: owner.displayName,
      requestedBy: defeatRequests.requestedBy,
      requestedByName: requester.displayName,
      reasonId: defeatRequests.reasonId,
      reasonCode: defeatReasons.code,
      reasonNameZh: defeatReasons.nameZh,
      reasonNameEn: defeatReasons.nameEn,
      competitorBrand: defeatRequests.competitorBrand,
      competitorModel: defeatRequests.competitorModel,
      note: defeatRequests.note,
      status: defeatRequests.status,
      outcome: defeatRequests.outcome,
      decidedBy: defeatRequests.decidedBy,
      decidedByName: decider.displayName,
      decidedAt: defeatRequests.decidedAt,
      managerNote: defeatRequests.managerNote,
      createdAt: defeatRequests.createdAt,
      createdKey: keysetText(defeatRequests.createdAt),
      version: defeatRequests.version,
    })
    .from(defeatRequests)
    .innerJoin(leads, and(eq(leads.dealerId, defeatRequests.dealerId), eq(leads.id, defeatRequests.leadId)))
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .innerJoin(
      defeatReasons,
      and(eq(defeatReasons.dealerId, defeatRequests.dealerId), eq(defeatReasons.id, defeatRequests.reasonId)),
    )
    .innerJoin(
      requester,
      and(eq(requester.dealerId, defeatRequests.dealerId), eq(requester.id, defeatRequests.requestedBy)),
    )
    .leftJoin(
      decider,
      and(eq(decider.dealerId, defeatRequests.dealerId), eq(decider.id, defeatRequests.decidedBy)),
    )
    .leftJoin(owner, and(eq(owner.dealerId, leads.dealerId), eq(owner.id, leads.ownerId)))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, leads.dealerId), eq(catalogSeries.id, leads.seriesId)),
    )
    .where(and(...conditions))
    .orderBy(direction(defeatRequests.createdAt), direction(defeatRequests.id))
    .limit(filter.limit);
  return rows as RequestListRow[];
};

/** Requests made or decided within [from, to): the rows of the monthly record. */
export const requestsTouching = async (
  db: Executor,
  dealerId: string,
  range: { from: Date; to: Date },
  requestedBy: string | undefined,
): Promise<DefeatRequestRow[]> => {
  const rows = await db
    .select({
      requestedBy: defeatRequests.requestedBy,
      reasonId: defeatRequests.reasonId,
      status: defeatRequests.status,
      outcome: defeatRequests.outcome,
      createdAt: defeatRequests.createdAt,
      decidedAt: defeatRequests.decidedAt,
    })
    .from(defeatRequests)
    .where(
      and(
        eq(defeatRequests.dealerId, dealerId),
        requestedBy ? eq(defeatRequests.requestedBy, requestedBy) : undefined,
        or(
          and(gte(defeatRequests.createdAt, range.from), lt(defeatRequests.createdAt, range.to)),
          and(gte(defeatRequests.decidedAt, range.from), lt(defeatRequests.decidedAt, range.to)),
        ),
      ),
    );
  return rows as DefeatRequestRow[];
};

export const storeTimeZone = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
};

export type EligibleLeadRow = {
  leadId: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  seriesId: string | null;
  seriesName: string | null;
  seriesNameEn: string | null;
  level: string | null;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: Date;
};

/** Active leads without a pending request: all of the store's, or one person's own. */
export const eligibleLeads = async (
  db: Executor,
  dealerId: string,
  filter: { ownerId?: string | undefined; q?: string | undefined; limit: number },
): Promise<EligibleLeadRow[]> => {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({
      leadId: leads.id,
      customerId: customers.id,
      customerName: customers.name,
      cardNo: customers.cardNo,
      seriesId: catalogSeries.id,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      level: leads.level,
      status: leads.status,
      ownerId: leads.ownerId,
      ownerName: owner.displayName,
      createdAt: leads.createdAt,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .leftJoin(owner, and(eq(owner.dealerId, leads.dealerId), eq(owner.id, leads.ownerId)))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, leads.dealerId), eq(catalogSeries.id, leads.seriesId)),
    )
    .where(
      and(
        eq(leads.dealerId, dealerId),
        inArray(leads.status, ['open', 'nurturing']),
        filter.ownerId ? eq(leads.ownerId, filter.ownerId) : undefined,
        pattern ? or(ilike(customers.name, pattern), ilike(customers.cardNo, pattern)) : undefined,
        sql`not exists (select 1 from ${defeatRequests} d where d.dealer_id = ${leads}.dealer_id
          and d.lead_id = ${leads}.id and d.status = 'pending')`,
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(filter.limit);
};

export const userNamesOf = async (
  db: Executor,
  dealerId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> => {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
};

export type NewRequestRow = typeof defeatRequests.$inferInsert;

export const insertRequests = async (db: Executor, rows: readonly NewRequestRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await db.insert(defeatRequests).values([...rows]);
};

/** Leads closed as lost with an owner: the demo's history of approved defeats. */
export const lostLeadsOf = async (db: Executor, dealerId: string) =>
  db
    .select({
      id: leads.id,
      ownerId: leads.ownerId,
      lostReason: leads.lostReason,
      note: leads.note,
      createdAt: leads.createdAt,
      closedAt: leads.closedAt,
    })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.status, 'lost')))
    .orderBy(asc(leads.closedAt), asc(leads.id));

/** The oldest open C-level leads of these owners, at most `limit`. */
export const openColdLeadsOf = async (
  db: Executor,
  dealerId: string,
  ownerIds: readonly string[],
  limit: number,
) =>
  ownerIds.length === 0
    ? []
    : db
        .select({ id: leads.id, ownerId: leads.ownerId, createdAt: leads.createdAt })
        .from(leads)
        .where(
          and(
            eq(leads.dealerId, dealerId),
            eq(leads.status, 'open'),
            eq(leads.level, 'C'),
            inArray(leads.ownerId, [...ownerIds]),
          ),
        )
        .orderBy(asc(leads.createdAt), asc(leads.id))
        .limit(limit);

export const userIdsByUsername = async (
  db: Executor,
  dealerId: string,
  usernames: readonly string[],
): Promise<Map<string, string>> => {
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), inArray(users.username, [...usernames])));
  return new Map(rows.map((row) => [row.username, row.id]));
};
