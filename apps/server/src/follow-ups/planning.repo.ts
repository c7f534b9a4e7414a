import type { LeadForPlanning } from '@qianke/core/follow-ups/lead-task';
import type { Level } from '@qianke/core/leads/grading';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { followUps, leads, orders, tasks } from '../infra/db/schema/index';

/** The SQL of task planning: the state of leads and their one open rule task. */

export type LeadPlanningRow = LeadForPlanning & { id: string; customerId: string };

export type OpenRuleTaskRow = {
  id: string;
  leadId: string;
  kind: string;
  ruleKey: string | null;
  dueAt: Date;
  assigneeId: string;
};

/** Locks the leads' rows for the rest of the transaction, so two plannings of a lead queue up. */
export const lockLeads = async (
  db: Executor,
  dealerId: string,
  leadIds: readonly string[],
): Promise<void> => {
  if (leadIds.length === 0) return;
  await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), inArray(leads.id, [...leadIds])))
    .orderBy(asc(leads.id))
    .for('update');
};

export const loadLeadsForPlanning = async (
  db: Executor,
  dealerId: string,
  leadIds: readonly string[],
): Promise<LeadPlanningRow[]> => {
  if (leadIds.length === 0) return [];
  const rows = await db
    .select({
      id: leads.id,
      customerId: leads.customerId,
      status: leads.status,
      ownerId: leads.ownerId,
      level: leads.level,
      createdAt: leads.createdAt,
      firstContactDueAt: leads.firstContactDueAt,
      firstContactedAt: leads.firstContactedAt,
      lastFollowUpAt: sql<Date | null>`(select max(f.occurred_at) from ${followUps} f
        where f.dealer_id = leads.dealer_id and f.lead_id = leads.id)`.mapWith(followUps.occurredAt),
      deliveredAt: sql<Date | null>`(select max(o.delivered_at) from ${orders} o
        where o.dealer_id = leads.dealer_id and o.lead_id = leads.id and o.status = 'delivered')`.mapWith(
        orders.deliveredAt,
      ),
    })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), inArray(leads.id, [...leadIds])));
  return rows.map((row) => ({ ...row, level: (row.level ?? null) as Level | null }));
};

export const openRuleTasksOf = async (
  db: Executor,
  dealerId: string,
  leadIds: readonly string[],
): Promise<OpenRuleTaskRow[]> => {
  if (leadIds.length === 0) return [];
  const rows = await db
    .select({
      id: tasks.id,
      leadId: tasks.leadId,
      kind: tasks.kind,
      ruleKey: tasks.ruleKey,
      dueAt: tasks.dueAt,
      assigneeId: tasks.assigneeId,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        inArray(tasks.leadId, [...leadIds]),
        eq(tasks.status, 'open'),
        eq(tasks.custom, false),
      ),
    );
  return rows.flatMap((row) => (row.leadId ? [{ ...row, leadId: row.leadId }] : []));
};

export const cancelTasks = async (db: Executor, dealerId: string, ids: readonly string[]): Promise<void> => {
  if (ids.length === 0) return;
  await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.dealerId, dealerId), inArray(tasks.id, [...ids]), eq(tasks.status, 'open')));
};

export type NewTaskRow = {
  dealerId: string;
  leadId: string | null;
  customerId: string | null;
  assigneeId: string;
  kind: string;
  dueAt: Date;
  ruleKey: string | null;
  title: string | null;
  custom: boolean;
  createdBy: string | null;
  createdAt: Date;
};

export const insertTask = async (db: Executor, row: NewTaskRow): Promise<string> => {
  const [inserted] = await db
    .insert(tasks)
    .values({ ...row, updatedAt: row.createdAt })
    .returning({ id: tasks.id });
  if (!inserted) throw new Error('insert into tasks returned no row');
  return inserted.id;
};

/**
 * The next batch of leads whose rule task may change with the rule table: every lead not lost, and any
 * lead that still has an open rule task. Keyset by id, so a batch never repeats or skips a lead.
 */
export const leadIdsToReplan = async (
  db: Executor,
  dealerId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> => {
  const hasOpenRuleTask = sql`exists (select 1 from ${tasks} t where t.dealer_id = leads.dealer_id
    and t.lead_id = leads.id and t.status = 'open' and t.custom = false)`;
  const rows = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.dealerId, dealerId),
        or(sql`${leads.status} <> 'lost'`, hasOpenRuleTask),
        afterId ? gt(leads.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(leads.id))
    .limit(limit);
  return rows.map((row) => row.id);
};
