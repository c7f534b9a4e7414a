import type { Level } from '@qianke/core/leads/grading';
import { and, asc, desc, eq, gte, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { customers, leads, tasks, users } from '../infra/db/schema/index';

/** The SQL of the task lists (the Today worklist, the store's tasks, the integrators' API). */

export type TaskViewRow = {
  id: string;
  customerId: string | null;
  leadId: string | null;
  assigneeId: string;
  kind: string;
  dueAt: Date;
  status: 'open' | 'done' | 'cancelled';
  title: string | null;
  ruleKey: string | null;
  custom: boolean;
  doneAt: Date | null;
  followUpId: string | null;
  customerName: string | null;
  cardNo: string | null;
  level: Level | null;
  leadStatus: string | null;
  leadVersion: number | null;
  assigneeName: string;
  createdBy: string | null;
  createdAt: Date;
};

const taskView = {
  id: tasks.id,
  customerId: tasks.customerId,
  leadId: tasks.leadId,
  assigneeId: tasks.assigneeId,
  kind: tasks.kind,
  dueAt: tasks.dueAt,
  status: tasks.status,
  title: tasks.title,
  ruleKey: tasks.ruleKey,
  custom: tasks.custom,
  doneAt: tasks.doneAt,
  followUpId: tasks.followUpId,
  customerName: customers.name,
  cardNo: customers.cardNo,
  level: leads.level,
  leadStatus: leads.status,
  leadVersion: leads.version,
  assigneeName: users.displayName,
  createdBy: tasks.createdBy,
  createdAt: tasks.createdAt,
};

const selectTaskViews = (db: Executor) =>
  db
    .select(taskView)
    .from(tasks)
    .innerJoin(users, and(eq(users.dealerId, tasks.dealerId), eq(users.id, tasks.assigneeId)))
    .leftJoin(customers, and(eq(customers.dealerId, tasks.dealerId), eq(customers.id, tasks.customerId)))
    .leftJoin(leads, and(eq(leads.dealerId, tasks.dealerId), eq(leads.id, tasks.leadId)));

const asView = (row: Omit<TaskViewRow, 'level'> & { level: string | null }): TaskViewRow => ({
  ...row,
  level: row.level as Level | null,
});

export const findTaskView = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<TaskViewRow | undefined> => {
  const [row] = await selectTaskViews(db)
    .where(and(eq(tasks.dealerId, dealerId), eq(tasks.id, id)))
    .limit(1);
  return row ? asView(row) : undefined;
};

export const findOpenRuleTaskView = async (
  db: Executor,
  dealerId: string,
  leadId: string,
): Promise<TaskViewRow | undefined> => {
  const [row] = await selectTaskViews(db)
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.leadId, leadId),
        eq(tasks.status, 'open'),
        eq(tasks.custom, false),
      ),
    )
    .limit(1);
  return row ? asView(row) : undefined;
};

export type TaskListFilter = {
  dealerId: string;
  assigneeId?: string | undefined;
  status: 'open' | 'done' | 'cancelled';
  customerId?: string | undefined;
  leadId?: string | undefined;
  dueFrom?: Date | null | undefined;
  dueTo?: Date | null | undefined;
  after?: { dueAt: Date; id: string } | undefined;
  limit: number;
};

/** Open tasks soonest first; done and cancelled ones latest first. Keyset on (due_at, id). */
export const listTaskViews = async (db: Executor, filter: TaskListFilter): Promise<TaskViewRow[]> => {
  const ascending = filter.status === 'open';
  const conditions: (SQL | undefined)[] = [
    eq(tasks.dealerId, filter.dealerId),
    eq(tasks.status, filter.status),
    filter.assigneeId ? eq(tasks.assigneeId, filter.assigneeId) : undefined,
    filter.customerId ? eq(tasks.customerId, filter.customerId) : undefined,
    filter.leadId ? eq(tasks.leadId, filter.leadId) : undefined,
    filter.dueFrom ? gte(tasks.dueAt, filter.dueFrom) : undefined,
    filter.dueTo ? lt(tasks.dueAt, filter.dueTo) : undefined,
  ];
  if (filter.after) {
    const { dueAt, id } = filter.after;
    conditions.push(
      ascending
        ? sql`(tasks.due_at, tasks.id) > (${dueAt.toISOString()}::timestamptz, ${id}::uuid)`
        : sql`(tasks.due_at, tasks.id) < (${dueAt.toISOString()}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await selectTaskViews(db)
    .where(and(...conditions))
    .orderBy(...(ascending ? [asc(tasks.dueAt), asc(tasks.id)] : [desc(tasks.dueAt), desc(tasks.id)]))
    .limit(filter.limit);
  return rows.map(asView);
};

export type TaskCountsRow = {
  assigneeId: string;
  assigneeName: string;
  overdue: number;
  today: number;
  upcoming: number;
};

/** Open tasks per assignee: overdue (before `now`), due later today, and from tomorrow on. */
export const countOpenTasks = async (
  db: Executor,
  input: { dealerId: string; assigneeId?: string | undefined; now: Date; endOfToday: Date },
): Promise<TaskCountsRow[]> => {
  const now = input.now.toISOString();
  const end = input.endOfToday.toISOString();
  return db
    .select({
      assigneeId: tasks.assigneeId,
      assigneeName: users.displayName,
      overdue: sql<number>`(count(*) filter (where tasks.due_at < ${now}::timestamptz))::int`,
      today: sql<number>`(count(*) filter (where tasks.due_at >= ${now}::timestamptz and tasks.due_at < ${end}::timestamptz))::int`,
      upcoming: sql<number>`(count(*) filter (where tasks.due_at >= ${end}::timestamptz))::int`,
    })
    .from(tasks)
    .innerJoin(users, and(eq(users.dealerId, tasks.dealerId), eq(users.id, tasks.assigneeId)))
    .where(
      and(
        eq(tasks.dealerId, input.dealerId),
        eq(tasks.status, 'open'),
        input.assigneeId ? eq(tasks.assigneeId, input.assigneeId) : undefined,
      ),
    )
    .groupBy(tasks.assigneeId, users.displayName)
    .orderBy(asc(users.displayName));
};

/** Another task than `taskId` whose result is this follow-up, if one is. */
export const findTaskWithResult = async (
  db: Executor,
  dealerId: string,
  followUpId: string,
  taskId: string,
): Promise<{ id: string } | undefined> => {
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.dealerId, dealerId), eq(tasks.followUpId, followUpId), ne(tasks.id, taskId)))
    .limit(1);
  return row;
};

/** Marks an open task done with the follow-up that holds its result. False when it was not open. */
export const completeTask = async (
  db: Executor,
  input: { dealerId: string; id: string; followUpId: string | null; doneAt: Date },
): Promise<boolean> => {
  const rows = await db
    .update(tasks)
    .set({
      status: 'done',
      doneAt: input.doneAt,
      followUpId: input.followUpId,
      updatedAt: input.doneAt,
      version: sql`${tasks.version} + 1`,
    })
    .where(and(eq(tasks.dealerId, input.dealerId), eq(tasks.id, input.id), eq(tasks.status, 'open')))
    .returning({ id: tasks.id });
  return rows.length > 0;
};
