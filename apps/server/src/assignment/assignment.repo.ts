import type { Role } from '@qianke/core/accounts/roles';
import { ASSIGNEE_ROLES } from '@qianke/core/assignment/assignees';
import type { PoolMember } from '@qianke/core/assignment/choose-owner';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  assignmentRules,
  auditLog,
  catalogSeries,
  customers,
  dealers,
  leadSources,
  leads,
  tasks,
  userRoles,
  users,
} from '../infra/db/schema/index';
import { keysetText } from './keyset-cursor';

/** The SQL of assignment: the queue, lead owners, the pool of people who take leads, the rules. */

/** Leads count as a person's workload while open or in the nurturing pool. */
const ACTIVE_STATUSES = ['open', 'nurturing'] as const;

const rolesOf = sql<Role[]>`array(select r.role from ${userRoles} r
  where r.dealer_id = ${users}.dealer_id and r.user_id = ${users}.id order by r.role)`;

const assigneeRoleList = sql.join(
  ASSIGNEE_ROLES.map((role) => sql`${role}`),
  sql`, `,
);

const activeLeadsOf = sql<number>`(select count(*)::int from ${leads} l
  where l.dealer_id = ${users}.dealer_id and l.owner_id = ${users}.id and l.status in ('open', 'nurturing'))`;

const lastAssignedOf = sql<Date | null>`(select max(l.assigned_at) from ${leads} l
  where l.dealer_id = ${users}.dealer_id and l.owner_id = ${users}.id)`.mapWith(leads.assignedAt);

export type StoreHours = {
  timeZone: string;
  opensAt: string;
  closesAt: string;
  unassignedAlertMinutes: number;
};

export const storeHours = async (db: Executor, dealerId: string): Promise<StoreHours> => {
  const [row] = await db
    .select({
      timeZone: dealers.timeZone,
      opensAt: dealers.opensAt,
      closesAt: dealers.closesAt,
      unassignedAlertMinutes: dealers.unassignedAlertMinutes,
    })
    .from(dealers)
    .where(eq(dealers.id, dealerId));
  if (!row) throw new Error(`store ${dealerId} vanished`);
  return row;
};

export type QueueRow = {
  leadId: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  phoneE164: string | null;
  status: 'open' | 'nurturing';
  channel: string;
  sourceId: string;
  sourceCode: string;
  sourceNameZh: string;
  sourceNameEn: string;
  seriesId: string | null;
  seriesName: string | null;
  seriesNameEn: string | null;
  level: string | null;
  createdAt: Date;
  /** created_at exactly as the database holds it (microseconds), for the page cursor. */
  createdKey: string;
  reason: unknown;
  version: number;
};

const unassigned = (dealerId: string) =>
  and(eq(leads.dealerId, dealerId), isNull(leads.ownerId), inArray(leads.status, [...ACTIVE_STATUSES]));

/** Active leads without an owner, oldest first (the order a manager works through them). */
export const listQueue = async (
  db: Executor,
  dealerId: string,
  after: { key: string; id: string } | undefined,
  limit: number,
): Promise<QueueRow[]> => {
  const rows = await db
    .select({
      leadId: leads.id,
      customerId: leads.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      phoneE164: customers.phoneE164,
      status: leads.status,
      channel: leads.channel,
      sourceId: leads.sourceId,
      sourceCode: leadSources.code,
      sourceNameZh: leadSources.nameZh,
      sourceNameEn: leadSources.nameEn,
      seriesId: leads.seriesId,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      level: leads.level,
      createdAt: leads.createdAt,
      createdKey: keysetText(leads.createdAt),
      reason: leads.assignmentReason,
      version: leads.version,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .innerJoin(leadSources, and(eq(leadSources.dealerId, leads.dealerId), eq(leadSources.id, leads.sourceId)))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, leads.dealerId), eq(catalogSeries.id, leads.seriesId)),
    )
    .where(
      and(
        unassigned(dealerId),
        after
          ? sql`(${leads.createdAt}, ${leads.id}) > (${after.key}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(leads.createdAt), asc(leads.id))
    .limit(limit);
  return rows as QueueRow[];
};

export const countQueue = async (db: Executor, dealerId: string): Promise<number> => {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(unassigned(dealerId));
  return row?.n ?? 0;
};

export type AssigneeRow = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  consultantCode: string | null;
  onDuty: boolean;
  disabled: boolean;
  openLeads: number;
  lastAssignedAt: Date | null;
};

const assigneeColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: rolesOf,
  consultantCode: users.consultantCode,
  onDuty: users.onDuty,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
  openLeads: activeLeadsOf,
  lastAssignedAt: lastAssignedOf,
};

/** Users of the store who may be given leads (active ones unless asked), with their workload: the user picker. */
export const listAssignees = async (
  db: Executor,
  dealerId: string,
  includeDisabled = false,
): Promise<AssigneeRow[]> =>
  db
    .select(assigneeColumns)
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        includeDisabled ? undefined : isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users}.dealer_id
          and r.user_id = ${users}.id and r.role in (${assigneeRoleList}))`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));

/** One user of the store with roles and workload; undefined when not in this store. */
export const findPerson = async (
  db: Executor,
  dealerId: string,
  userId: string,
): Promise<AssigneeRow | undefined> => {
  const [row] = await db
    .select(assigneeColumns)
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)))
    .limit(1);
  return row;
};

export const findPeople = async (
  db: Executor,
  dealerId: string,
  userIds: readonly string[],
): Promise<AssigneeRow[]> =>
  userIds.length === 0
    ? []
    : db
        .select(assigneeColumns)
        .from(users)
        .where(and(eq(users.dealerId, dealerId), inArray(users.id, [...userIds])));

/** The pool of rule candidates as core's chooseOwner sees them; someone without a lead role is unavailable. */
export const poolMembers = async (
  db: Executor,
  dealerId: string,
  userIds: readonly string[],
): Promise<PoolMember[]> => {
  const people = await findPeople(db, dealerId, userIds);
  return people.map((p) => ({
    userId: p.id,
    name: p.displayName,
    onDuty: p.onDuty,
    disabled: p.disabled || !p.roles.some((role) => (ASSIGNEE_ROLES as readonly string[]).includes(role)),
    openLeads: p.openLeads,
    lastAssignedAt: p.lastAssignedAt,
  }));
};

export const setOnDuty = async (db: Executor, dealerId: string, userId: string, onDuty: boolean) => {
  await db
    .update(users)
    .set({ onDuty, updatedAt: sql`now()` })
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)));
};

export type TransferLeadRow = {
  id: string;
  customerId: string;
  customerName: string;
  cardNo: string;
  ownerId: string | null;
  status: 'open' | 'won' | 'lost' | 'nurturing';
};

/**
 * The leads of the store among these ids, locked for the rest of the transaction in id order (so two
 * assignments of overlapping leads queue up instead of deadlocking).
 */
export const lockLeadsForTransfer = async (
  db: Executor,
  dealerId: string,
  leadIds: readonly string[],
): Promise<TransferLeadRow[]> => {
  if (leadIds.length === 0) return [];
  await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), inArray(leads.id, [...leadIds])))
    .orderBy(asc(leads.id))
    .for('update');
  return db
    .select({
      id: leads.id,
      customerId: leads.customerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
      ownerId: leads.ownerId,
      status: leads.status,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .where(and(eq(leads.dealerId, dealerId), inArray(leads.id, [...leadIds])))
    .orderBy(asc(leads.id));
};

export const setLeadOwners = async (
  db: Executor,
  dealerId: string,
  leadIds: readonly string[],
  change: { ownerId: string | null; assignedAt: Date | null; reason: unknown; status?: 'open' | 'nurturing' },
) => {
  if (leadIds.length === 0) return;
  await db
    .update(leads)
    .set({
      ownerId: change.ownerId,
      assignedAt: change.assignedAt,
      assignmentReason: change.reason,
      ...(change.status ? { status: change.status } : {}),
      updatedAt: sql`now()`,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.dealerId, dealerId), inArray(leads.id, [...leadIds])));
};

/** Why a lead waits in the queue (no rule matched, nobody available); its owner stays empty. */
export const setQueueReason = async (db: Executor, dealerId: string, leadId: string, reason: unknown) => {
  await db
    .update(leads)
    .set({ assignmentReason: reason })
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId), isNull(leads.ownerId)));
};

export const customerOwners = async (
  db: Executor,
  dealerId: string,
  customerIds: readonly string[],
): Promise<{ id: string; ownerId: string | null }[]> =>
  customerIds.length === 0
    ? []
    : db
        .select({ id: customers.id, ownerId: customers.ownerId })
        .from(customers)
        .where(and(eq(customers.dealerId, dealerId), inArray(customers.id, [...customerIds])))
        .orderBy(asc(customers.id))
        .for('update');

export const setCustomerOwner = async (
  db: Executor,
  dealerId: string,
  customerIds: readonly string[],
  ownerId: string | null,
) => {
  if (customerIds.length === 0) return;
  await db
    .update(customers)
    .set({ ownerId, updatedAt: sql`now()`, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.dealerId, dealerId), inArray(customers.id, [...customerIds])));
};

/**
 * Hands the open tasks the previous owner had on these leads (rule and custom) to the new owner;
 * someone else's task on a lead (a manager's own reminder) stays theirs. Returns how many moved.
 */
export const moveOpenTasks = async (
  db: Executor,
  dealerId: string,
  leads: readonly { leadId: string; fromOwnerId: string | null }[],
  assigneeId: string,
): Promise<number> => {
  const byOwner = new Map<string, string[]>();
  for (const { leadId, fromOwnerId } of leads) {
    if (fromOwnerId === null || fromOwnerId === assigneeId) continue;
    byOwner.set(fromOwnerId, [...(byOwner.get(fromOwnerId) ?? []), leadId]);
  }
  if (byOwner.size === 0) return 0;
  const moved = await db
    .update(tasks)
    .set({ assigneeId, updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.status, 'open'),
        or(
          ...[...byOwner].map(([ownerId, leadIds]) =>
            and(eq(tasks.assigneeId, ownerId), inArray(tasks.leadId, leadIds)),
          ),
        ),
      ),
    )
    .returning({ id: tasks.id });
  return moved.length;
};

/**
 * A departing user's open tasks about these customers that are on no lead (custom tasks about the
 * customer) go to their colleague with the customers. Returns how many moved.
 */
export const moveCustomerTasks = async (
  db: Executor,
  dealerId: string,
  input: { customerIds: readonly string[]; fromUserId: string; toUserId: string },
): Promise<number> => {
  if (input.customerIds.length === 0 || input.fromUserId === input.toUserId) return 0;
  const moved = await db
    .update(tasks)
    .set({ assigneeId: input.toUserId, updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.status, 'open'),
        eq(tasks.assigneeId, input.fromUserId),
        isNull(tasks.leadId),
        inArray(tasks.customerId, [...input.customerIds]),
      ),
    )
    .returning({ id: tasks.id });
  return moved.length;
};

/**
 * A lead back in the queue: the open tasks its previous owner had on it are cancelled (nobody follows
 * it up until it has an owner again); someone else's task on it (a manager's reminder, an agent's call
 * back) stays theirs. Returns how many were cancelled.
 */
export const cancelOpenTasks = async (
  db: Executor,
  dealerId: string,
  leads: readonly { leadId: string; fromOwnerId: string | null }[],
): Promise<number> => {
  const owned = leads.filter((lead) => lead.fromOwnerId !== null);
  if (owned.length === 0) return 0;
  const cancelled = await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.status, 'open'),
        or(
          ...owned.map((lead) =>
            and(eq(tasks.leadId, lead.leadId), eq(tasks.assigneeId, lead.fromOwnerId as string)),
          ),
        ),
      ),
    )
    .returning({ id: tasks.id });
  return cancelled.length;
};

/**
 * What a departing consultant hands over: every active lead, and every won one (its owner care goes on
 * with the colleague). Lost leads keep the name of who lost them.
 */
export const handOverLeadIdsOf = async (
  db: Executor,
  dealerId: string,
  userId: string,
): Promise<string[]> => {
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.dealerId, dealerId),
        eq(leads.ownerId, userId),
        inArray(leads.status, [...ACTIVE_STATUSES, 'won']),
      ),
    )
    .orderBy(asc(leads.id));
  return rows.map((row) => row.id);
};

export const customerIdsOwnedBy = async (
  db: Executor,
  dealerId: string,
  userId: string,
): Promise<string[]> => {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), eq(customers.ownerId, userId)))
    .orderBy(asc(customers.id))
    .for('update');
  return rows.map((row) => row.id);
};

export type LeadForAssignment = {
  id: string;
  ownerId: string | null;
  status: string;
  channel: string;
  sourceCode: string;
  assignedAt: Date | null;
  reason: unknown;
  customerId: string;
};

export const findLeadForAssignment = async (
  db: Executor,
  dealerId: string,
  leadId: string,
): Promise<LeadForAssignment | undefined> => {
  const [row] = await db
    .select({
      id: leads.id,
      ownerId: leads.ownerId,
      status: leads.status,
      channel: leads.channel,
      sourceCode: leadSources.code,
      assignedAt: leads.assignedAt,
      reason: leads.assignmentReason,
      customerId: leads.customerId,
    })
    .from(leads)
    .innerJoin(leadSources, and(eq(leadSources.dealerId, leads.dealerId), eq(leadSources.id, leads.sourceId)))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)))
    .limit(1);
  return row;
};

export const customerOwnerOf = async (db: Executor, dealerId: string, customerId: string) => {
  const [row] = await db
    .select({ ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, customerId)));
  return row?.ownerId ?? null;
};

export type AssignmentAuditRow = {
  at: Date;
  actorId: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

/** The lead's creation and every change of owner, oldest first, from the audit log. */
export const assignmentAuditOf = async (
  db: Executor,
  dealerId: string,
  leadId: string,
): Promise<AssignmentAuditRow[]> =>
  db
    .select({
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.dealerId, dealerId),
        eq(auditLog.entity, 'lead'),
        eq(auditLog.entityId, leadId),
        inArray(auditLog.action, ['lead.create', 'lead.assign']),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));

export const displayNames = async (
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

export type RuleRow = typeof assignmentRules.$inferSelect;

export const listRules = async (db: Executor, dealerId: string): Promise<RuleRow[]> =>
  db
    .select()
    .from(assignmentRules)
    .where(eq(assignmentRules.dealerId, dealerId))
    .orderBy(asc(assignmentRules.priority), asc(assignmentRules.name), asc(assignmentRules.id));

export const findRule = async (db: Executor, dealerId: string, id: string): Promise<RuleRow | undefined> => {
  const [row] = await db
    .select()
    .from(assignmentRules)
    .where(and(eq(assignmentRules.dealerId, dealerId), eq(assignmentRules.id, id)))
    .limit(1);
  return row;
};

export type RuleValues = {
  name: string;
  priority: number;
  match: { channels: string[]; sourceCodes: string[] };
  poolUserIds: string[];
  openLeadCap: number | null;
  active: boolean;
};

export const insertRule = async (
  db: Executor,
  dealerId: string,
  values: RuleValues,
  at?: Date,
): Promise<string> => {
  const [row] = await db
    .insert(assignmentRules)
    .values({ dealerId, ...values, ...(at ? { createdAt: at, updatedAt: at } : {}) })
    .returning({ id: assignmentRules.id });
  if (!row) throw new Error('insert into assignment_rules returned no row');
  return row.id;
};

/** Applies the change if the rule is still at `version`; false when someone changed it meanwhile. */
export const updateRule = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  values: RuleValues,
): Promise<boolean> => {
  const rows = await db
    .update(assignmentRules)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${assignmentRules.version} + 1` })
    .where(
      and(
        eq(assignmentRules.dealerId, dealerId),
        eq(assignmentRules.id, id),
        eq(assignmentRules.version, version),
      ),
    )
    .returning({ id: assignmentRules.id });
  return rows.length > 0;
};

/** Source codes of the store among these; the rest are unknown. */
export const knownSourceCodes = async (db: Executor, dealerId: string, codes: readonly string[]) => {
  if (codes.length === 0) return new Set<string>();
  const rows = await db
    .select({ code: leadSources.code })
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), inArray(leadSources.code, [...codes])));
  return new Set(rows.map((row) => row.code));
};

export const userIdByUsername = async (db: Executor, dealerId: string, username: string) => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.username, username)))
    .limit(1);
  return row?.id;
};

export type AuditRow = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
};

/**
 * The audit rows of a bulk change in one statement, inside the change's transaction: the same rows
 * recordAudit writes one at a time, for a hand-over of hundreds of leads.
 */
export const insertAuditRows = async (
  db: Executor,
  dealerId: string,
  rows: readonly AuditRow[],
): Promise<void> => {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(auditLog).values(
      rows.slice(i, i + 500).map((row) => ({
        dealerId,
        actorId: row.actorId,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.requestId ?? null,
      })),
    );
  }
};
