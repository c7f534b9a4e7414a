import { type CallList, ONLINE_CHANNELS } from '@qianke/core/dcc/calls';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { customers, dccCalls, dealers, leadSources, leads, tasks, users } from '../infra/db/schema/index';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The call-back task of an agent after an unanswered call: a custom task, beside the lead's rule task. */
export const CALL_BACK_KIND = 'dcc_call';

export type CallListSqlRow = {
  lead_id: string;
  channel: string;
  lead_created_at: string | Date;
  lead_level: string | null;
  lead_note: string | null;
  series_name: string | null;
  customer_id: string;
  customer_name: string;
  card_no: string;
  phone_e164: string | null;
  customer_level: string | null;
  customer_owner_id: string | null;
  owner_name: string | null;
  attempts: number;
  last_outcome: string | null;
  last_at: string | Date | null;
  last_agent: string | null;
  invitation_id: string | null;
  invitation_at: string | Date | null;
  invitation_status: string | null;
  task_due_at: string | Date | null;
  total: number;
};

/**
 * One page of a call list of an agent (core belongsOnList and compareOnList say the same in
 * TypeScript): new portal leads never contacted, no-shows to re-invite, leads whose task is due.
 */
export const callListPage = async (
  db: Executor,
  input: { dealerId: string; agentId: string; list: CallList; now: Date; limit: number; offset: number },
): Promise<CallListSqlRow[]> => {
  const { dealerId, agentId, now } = input;
  const at = sql`${now.toISOString()}::timestamptz`;
  const notWaiting = sql`(x.next_call_at is null or x.next_call_at <= ${at})`;
  const conditions: Record<CallList, SQL> = {
    new_portal: sql`x.owner_id = ${agentId}::uuid and x.channel in (${list(ONLINE_CHANNELS)})
      and x.first_contacted_at is null and x.attempts = 0`,
    no_show: sql`(x.owner_id = ${agentId}::uuid or x.invited_by = ${agentId}::uuid)
      and x.invitation_status = 'no_show' and x.returned_at is null and ${notWaiting}`,
    due: sql`x.task_due_at is not null and x.task_due_at <= ${at} and ${notWaiting}`,
  };
  const order: Record<CallList, SQL> = {
    new_portal: sql`x.lead_created_at asc, x.lead_id asc`,
    no_show: sql`x.invitation_at desc, x.lead_id asc`,
    due: sql`x.task_due_at asc, x.lead_id asc`,
  };
  return rowsOf<CallListSqlRow>(
    await db.execute(sql`
      select x.*, count(*) over ()::int as total from (
        select l.id as lead_id, l.channel, l.created_at as lead_created_at, l.level as lead_level,
               l.note as lead_note, l.owner_id, l.first_contacted_at, s.name as series_name,
               c.id as customer_id, c.name as customer_name, c.card_no, c.phone_e164,
               c.level as customer_level, c.owner_id as customer_owner_id, o.display_name as owner_name,
               (select count(*)::int from dcc_calls k where k.dealer_id = l.dealer_id and k.lead_id = l.id) as attempts,
               lc.outcome as last_outcome, lc.occurred_at as last_at, lc.agent_name as last_agent, lc.next_call_at,
               li.id as invitation_id, li.scheduled_at as invitation_at, li.status as invitation_status,
               li.returned_at, li.invited_by,
               (select min(t.due_at) from tasks t where t.dealer_id = l.dealer_id and t.lead_id = l.id
                   and t.status = 'open' and t.assignee_id = ${agentId}::uuid) as task_due_at
          from leads l
          join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id and c.merged_into_id is null
          left join users o on o.dealer_id = c.dealer_id and o.id = c.owner_id
          left join catalog_series s on s.dealer_id = l.dealer_id and s.id = l.series_id
          left join lateral (
            select k.outcome, k.occurred_at, k.next_call_at, u.display_name as agent_name
              from dcc_calls k join users u on u.dealer_id = k.dealer_id and u.id = k.agent_id
             where k.dealer_id = l.dealer_id and k.lead_id = l.id
             order by k.occurred_at desc, k.id desc limit 1) lc on true
          left join lateral (
            select i.id, i.scheduled_at, i.status, i.returned_at, i.invited_by from invitations i
             where i.dealer_id = l.dealer_id and i.lead_id = l.id
             order by i.created_at desc, i.id desc limit 1) li on true
         where l.dealer_id = ${dealerId}::uuid and l.status = 'open'
      ) x
      where ${conditions[input.list]}
      order by ${order[input.list]}
      limit ${input.limit} offset ${input.offset}`),
  );
};

export type NewCallRow = typeof dccCalls.$inferInsert;

export const insertCall = async (db: Executor, row: NewCallRow): Promise<string> => {
  const [inserted] = await db.insert(dccCalls).values(row).returning({ id: dccCalls.id });
  if (!inserted) throw new Error('insert into dcc_calls returned no row');
  return inserted.id;
};

export const findCallView = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({
      id: dccCalls.id,
      direction: dccCalls.direction,
      agentId: dccCalls.agentId,
      agentName: users.displayName,
      customerId: dccCalls.customerId,
      leadId: dccCalls.leadId,
      list: dccCalls.list,
      outcome: dccCalls.outcome,
      note: dccCalls.note,
      occurredAt: dccCalls.occurredAt,
      nextCallAt: dccCalls.nextCallAt,
      invitationId: dccCalls.invitationId,
    })
    .from(dccCalls)
    .innerJoin(users, and(eq(users.dealerId, dccCalls.dealerId), eq(users.id, dccCalls.agentId)))
    .where(and(eq(dccCalls.dealerId, dealerId), eq(dccCalls.id, id)));
  return row;
};
export type CallView = NonNullable<Awaited<ReturnType<typeof findCallView>>>;

/** Cancels an agent's open call-back tasks on a lead: a new call supersedes them. */
export const cancelCallBacks = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  agentId: string,
  now: Date,
) => {
  await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.leadId, leadId),
        eq(tasks.assigneeId, agentId),
        eq(tasks.kind, CALL_BACK_KIND),
        eq(tasks.status, 'open'),
      ),
    );
};

export const findActiveSourceByCode = async (db: Executor, dealerId: string, codes: readonly string[]) => {
  const rows = await db
    .select({ id: leadSources.id, code: leadSources.code })
    .from(leadSources)
    .where(
      and(
        eq(leadSources.dealerId, dealerId),
        eq(leadSources.active, true),
        inArray(leadSources.code, [...codes]),
      ),
    );
  return codes.map((code) => rows.find((r) => r.code === code)).find((r) => r !== undefined);
};

export const sourceIsActive = async (db: Executor, dealerId: string, id: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: leadSources.id })
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), eq(leadSources.id, id), eq(leadSources.active, true)));
  return row !== undefined;
};

export const customerCardOf = async (db: Executor, dealerId: string, customerId: string) => {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      cardNo: customers.cardNo,
      level: customers.level,
      ownerId: customers.ownerId,
      ownerName: users.displayName,
      phoneE164: customers.phoneE164,
    })
    .from(customers)
    .leftJoin(users, and(eq(users.dealerId, customers.dealerId), eq(users.id, customers.ownerId)))
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, customerId)));
  return row;
};

/** The customer's latest open lead: the one an inbound call is about. */
export const latestOpenLeadOf = async (db: Executor, dealerId: string, customerId: string) => {
  const [row] = await db
    .select({ id: leads.id, channel: leads.channel, level: leads.level })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.customerId, customerId), eq(leads.status, 'open')))
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return row;
};

export const agentNameOf = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, id), isNull(users.disabledAt)));
  return row;
};

export type AgentTallyRow = {
  agent_id: string;
  agent_name: string;
  calls: number;
  reached: number;
  invitations: number;
  invitations_due: number;
  arrived: number;
};

/**
 * Per agent over [start, end): calls and reached calls by when they happened, invitations by when they
 * were made, with how many are due (time passed or arrived, not cancelled) and arrived (core rates.ts).
 * Every active DCC agent has a row, and anyone else who called or invited.
 */
export const agentTallies = async (
  db: Executor,
  input: {
    dealerId: string;
    start: Date;
    end: Date;
    now: Date;
    reachedOutcomes: readonly string[];
    agentId?: string;
  },
): Promise<AgentTallyRow[]> => {
  const { dealerId } = input;
  const start = sql`${input.start.toISOString()}::timestamptz`;
  const end = sql`${input.end.toISOString()}::timestamptz`;
  const now = sql`${input.now.toISOString()}::timestamptz`;
  const onlyAgent = input.agentId ? sql`and u.id = ${input.agentId}::uuid` : sql``;
  return rowsOf<AgentTallyRow>(
    await db.execute(sql`
      with calls as (
        select k.agent_id, count(*)::int as calls,
               (count(*) filter (where k.outcome in (${list(input.reachedOutcomes)})))::int as reached
          from dcc_calls k
         where k.dealer_id = ${dealerId}::uuid and k.occurred_at >= ${start} and k.occurred_at < ${end}
         group by k.agent_id
      ), invs as (
        select i.invited_by as agent_id, count(*)::int as invitations,
               (count(*) filter (where i.status <> 'cancelled'
                                  and (i.status in ('arrived', 'no_show') or i.scheduled_at <= ${now})))::int as invitations_due,
               (count(*) filter (where i.status = 'arrived'))::int as arrived
          from invitations i
         where i.dealer_id = ${dealerId}::uuid and i.created_at >= ${start} and i.created_at < ${end}
         group by i.invited_by
      )
      select u.id as agent_id, u.display_name as agent_name,
             coalesce(c.calls, 0) as calls, coalesce(c.reached, 0) as reached,
             coalesce(v.invitations, 0) as invitations, coalesce(v.invitations_due, 0) as invitations_due,
             coalesce(v.arrived, 0) as arrived
        from users u
        left join calls c on c.agent_id = u.id
        left join invs v on v.agent_id = u.id
       where u.dealer_id = ${dealerId}::uuid ${onlyAgent}
         and (c.agent_id is not null or v.agent_id is not null
              or (u.disabled_at is null and exists (select 1 from user_roles r where r.dealer_id = u.dealer_id
                    and r.user_id = u.id and r.role = 'dcc_agent')))
       order by u.display_name asc, u.id asc`),
  );
};

// The demo

/** Contacted open leads of an agent, oldest first: the demo's DCC history is made on them. */
export const demoLeadsOfAgent = async (db: Executor, dealerId: string, username: string, limit: number) =>
  rowsOf<{ id: string; customer_id: string; agent_id: string; created_at: string | Date }>(
    await db.execute(sql`
      select l.id, l.customer_id, u.id as agent_id, l.created_at
        from leads l join users u on u.dealer_id = l.dealer_id and u.id = l.owner_id
       where l.dealer_id = ${dealerId}::uuid and u.username = ${username} and l.status = 'open'
         and l.first_contacted_at is not null
       order by l.created_at desc, l.id limit ${limit}`),
  );

export const insertDemoCalls = async (db: Executor, rows: readonly NewCallRow[]) => {
  if (rows.length > 0) await db.insert(dccCalls).values([...rows]);
};

export const storeTimeZoneOf = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ tz: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.tz ?? 'Asia/Shanghai';
};

export type NewTaskRow = typeof tasks.$inferInsert;

/** The agent's call-back task (a custom task). */
export const insertCallBackTask = async (db: Executor, row: NewTaskRow): Promise<string> => {
  const [inserted] = await db
    .insert(tasks)
    .values({ ...row, updatedAt: row.createdAt })
    .returning({ id: tasks.id });
  if (!inserted) throw new Error('insert into tasks returned no row');
  return inserted.id;
};
