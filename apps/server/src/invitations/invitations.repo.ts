import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import { customers, dealers, invitations, leads, tasks, userRoles, users } from '../infra/db/schema/index';

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitationRow = typeof invitations.$inferInsert;

const inviter = alias(users, 'inviter');
const consultant = alias(users, 'consultant');

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The kind of the inviter's reminder task; a custom task, so the one-open-rule-task index is not hit. */
export const REMINDER_KIND = 'invitation_reminder';
export const reminderKeyOf = (invitationId: string) => `invitation:${invitationId}`;

export const insertInvitation = async (db: Executor, row: NewInvitationRow): Promise<string> => {
  const [inserted] = await db.insert(invitations).values(row).returning({ id: invitations.id });
  if (!inserted) throw new Error('insert into invitations returned no row');
  return inserted.id;
};

export const findInvitation = async (
  db: Executor,
  dealerId: string,
  id: string,
  lock = false,
): Promise<(InvitationRow & { customerOwnerId: string | null }) | undefined> => {
  const query = db
    .select({
      ...getColumns(),
      customerOwnerId: customers.ownerId,
    })
    .from(invitations)
    .innerJoin(
      customers,
      and(eq(customers.dealerId, invitations.dealerId), eq(customers.id, invitations.customerId)),
    )
    .where(and(eq(invitations.dealerId, dealerId), eq(invitations.id, id)));
  const [row] = lock ? await query.for('update', { of: invitations }) : await query;
  return row;
};

const getColumns = () => ({
  dealerId: invitations.dealerId,
  id: invitations.id,
  createdAt: invitations.createdAt,
  updatedAt: invitations.updatedAt,
  version: invitations.version,
  customerId: invitations.customerId,
  leadId: invitations.leadId,
  invitedBy: invitations.invitedBy,
  consultantId: invitations.consultantId,
  scheduledAt: invitations.scheduledAt,
  purpose: invitations.purpose,
  status: invitations.status,
  arrivedAt: invitations.arrivedAt,
  visitId: invitations.visitId,
  previousId: invitations.previousId,
  returnedAt: invitations.returnedAt,
  note: invitations.note,
});

export type InvitationFilter = {
  ids?: readonly string[];
  from?: Date;
  to?: Date;
  status?: InvitationRow['status'];
  agentId?: string;
  customerId?: string;
  /** A consultant sees invitations of their own customers, or those they receive or made. */
  ownUserId?: string;
};

const whereOf = (dealerId: string, f: InvitationFilter): SQL | undefined =>
  and(
    eq(invitations.dealerId, dealerId),
    f.ids ? inArray(invitations.id, [...f.ids]) : undefined,
    f.from ? gte(invitations.scheduledAt, f.from) : undefined,
    f.to ? lt(invitations.scheduledAt, f.to) : undefined,
    f.status ? eq(invitations.status, f.status) : undefined,
    f.agentId ? eq(invitations.invitedBy, f.agentId) : undefined,
    f.customerId ? eq(invitations.customerId, f.customerId) : undefined,
    f.ownUserId
      ? or(
          eq(customers.ownerId, f.ownUserId),
          eq(invitations.consultantId, f.ownUserId),
          eq(invitations.invitedBy, f.ownUserId),
        )
      : undefined,
  );

export const listInvitationViews = async (
  db: Executor,
  dealerId: string,
  filter: InvitationFilter,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
) => {
  const where = whereOf(dealerId, filter);
  const base = db
    .select({
      ...getColumns(),
      customerName: customers.name,
      cardNo: customers.cardNo,
      inviterName: inviter.displayName,
      consultantName: consultant.displayName,
      reminderTaskId: sql<
        string | null
      >`(select t.id from ${tasks} t where t.dealer_id = ${invitations.dealerId}
        and t.kind = ${REMINDER_KIND} and t.rule_key = 'invitation:' || ${invitations.id} order by t.created_at desc limit 1)`,
    })
    .from(invitations)
    .innerJoin(
      customers,
      and(eq(customers.dealerId, invitations.dealerId), eq(customers.id, invitations.customerId)),
    )
    .innerJoin(
      inviter,
      and(eq(inviter.dealerId, invitations.dealerId), eq(inviter.id, invitations.invitedBy)),
    )
    .leftJoin(
      consultant,
      and(eq(consultant.dealerId, invitations.dealerId), eq(consultant.id, invitations.consultantId)),
    )
    .where(where)
    .orderBy(asc(invitations.scheduledAt), asc(invitations.id))
    .limit(page.limit)
    .offset(page.offset);
  const [rows, [count]] = await Promise.all([
    base,
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .innerJoin(
        customers,
        and(eq(customers.dealerId, invitations.dealerId), eq(customers.id, invitations.customerId)),
      )
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
};
export type InvitationView = Awaited<ReturnType<typeof listInvitationViews>>['rows'][number];

/** Moves an invitation on from the version read; false when someone changed it meanwhile. */
export const updateInvitation = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: Partial<Pick<InvitationRow, 'status' | 'arrivedAt' | 'visitId' | 'note' | 'returnedAt'>>,
  now: Date,
): Promise<boolean> => {
  const updated = await db
    .update(invitations)
    .set({ ...patch, version: sql`${invitations.version} + 1`, updatedAt: now })
    .where(and(eq(invitations.dealerId, dealerId), eq(invitations.id, id), eq(invitations.version, version)))
    .returning({ id: invitations.id });
  return updated.length === 1;
};

/** Cancels the open reminder tasks of these invitations. */
export const cancelReminders = async (
  db: Executor,
  dealerId: string,
  invitationIds: readonly string[],
  now: Date,
): Promise<void> => {
  if (invitationIds.length === 0) return;
  await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.kind, REMINDER_KIND),
        eq(tasks.status, 'open'),
        inArray(tasks.ruleKey, invitationIds.map(reminderKeyOf)),
      ),
    );
};

/** Scheduled invitations of a customer, locked: the arrival marks one of them. */
export const scheduledInvitationsOf = async (db: Executor, dealerId: string, customerId: string) =>
  db
    .select(getColumns())
    .from(invitations)
    .where(
      and(
        eq(invitations.dealerId, dealerId),
        eq(invitations.customerId, customerId),
        eq(invitations.status, 'scheduled'),
      ),
    )
    .orderBy(asc(invitations.scheduledAt))
    .for('update');

export const storeTimeZoneOf = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ tz: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.tz ?? 'Asia/Shanghai';
};

const withRole = (role: string) =>
  sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} and r.role = ${role})`;

/** Active users of the store with a role, by name. */
export const activeUsersWithRole = async (db: Executor, dealerId: string, role: string) =>
  db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), isNull(users.disabledAt), withRole(role)))
    .orderBy(asc(users.displayName));

export const userNameOf = async (db: Executor, dealerId: string, id: string): Promise<string | undefined> => {
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, id)));
  return row?.name;
};

export type LeadForInvitation = {
  id: string;
  customerId: string;
  status: string;
  ownerId: string | null;
  customerOwnerId: string | null;
  customerName: string;
  cardNo: string;
};

export const findLeadForInvitation = async (
  db: Executor,
  dealerId: string,
  leadId: string,
): Promise<LeadForInvitation | undefined> => {
  const [row] = await db
    .select({
      id: leads.id,
      customerId: leads.customerId,
      status: leads.status,
      ownerId: leads.ownerId,
      customerOwnerId: customers.ownerId,
      customerName: customers.name,
      cardNo: customers.cardNo,
    })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)));
  return row;
};

// The timer

/**
 * Every store at once: scheduled invitations whose day has ended in the store's calendar become
 * no-shows (core isNoShowDue). Returns what changed, for the audit rows and the reminders.
 */
export const markDueNoShows = async (db: Executor, now: Date) =>
  rowsOf<{ dealer_id: string; id: string; invited_by: string }>(
    await db.execute(sql`
      update invitations i
         set status = 'no_show', version = i.version + 1, updated_at = ${now.toISOString()}::timestamptz
        from dealers d
       where d.id = i.dealer_id and i.status = 'scheduled'
         and (i.scheduled_at at time zone d.time_zone)::date
             < (${now.toISOString()}::timestamptz at time zone d.time_zone)::date
      returning i.dealer_id, i.id, i.invited_by`),
  );

/**
 * Every store at once: invitations made 30 days ago or more that never led to an arrival (core
 * isReturnDue), of leads still open, with no later arrival and no visit still ahead. Stamped
 * returned_at in the same statement, so two timers return a lead once.
 */
export const stampReturnsDue = async (db: Executor, now: Date) =>
  rowsOf<{ dealer_id: string; id: string; lead_id: string; invited_by: string; created_at: string | Date }>(
    await db.execute(sql`
      update invitations i
         set returned_at = ${now.toISOString()}::timestamptz, version = i.version + 1,
             updated_at = ${now.toISOString()}::timestamptz
        from leads l
       where l.dealer_id = i.dealer_id and l.id = i.lead_id and l.status = 'open'
         and i.returned_at is null and i.status in ('scheduled', 'no_show')
         and i.created_at <= ${now.toISOString()}::timestamptz - interval '30 days'
         and not exists (select 1 from invitations a where a.dealer_id = i.dealer_id and a.lead_id = i.lead_id
                          and a.status = 'arrived' and a.arrived_at >= i.created_at)
         and not exists (select 1 from invitations s where s.dealer_id = i.dealer_id and s.lead_id = i.lead_id
                          and s.status = 'scheduled' and s.scheduled_at >= ${now.toISOString()}::timestamptz)
      returning i.dealer_id, i.id, i.lead_id, i.invited_by, i.created_at`),
  );

export const leadCardOf = async (db: Executor, dealerId: string, leadId: string) => {
  const [row] = await db
    .select({ customerId: customers.id, customerName: customers.name, cardNo: customers.cardNo })
    .from(leads)
    .innerJoin(customers, and(eq(customers.dealerId, leads.dealerId), eq(customers.id, leads.customerId)))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)));
  return row;
};

/** Who holds the lead now, and whether it is still live (for the hand-over at arrival). */
export const leadHolderOf = async (db: Executor, dealerId: string, leadId: string) => {
  const [row] = await db
    .select({ ownerId: leads.ownerId, status: leads.status })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)));
  return row;
};

/** The demo's invitations, in one statement. */
export const insertInvitationRows = async (db: Executor, rows: readonly NewInvitationRow[]) => {
  if (rows.length > 0) await db.insert(invitations).values([...rows]);
};

export type NewTaskRow = typeof tasks.$inferInsert;

/** The inviter's reminder task (a custom task). */
export const insertReminderTask = async (db: Executor, row: NewTaskRow): Promise<string> => {
  const [inserted] = await db
    .insert(tasks)
    .values({ ...row, updatedAt: row.createdAt })
    .returning({ id: tasks.id });
  if (!inserted) throw new Error('insert into tasks returned no row');
  return inserted.id;
};

/** Whether a no-show has been re-invited already (an invitation names it as previous). */
export const hasReinvite = async (db: Executor, dealerId: string, id: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.dealerId, dealerId), eq(invitations.previousId, id)))
    .limit(1);
  return row !== undefined;
};
