import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';

/**
 * The set-based SQL of the time-based checks: each statement covers every store at once and inserts
 * with `on conflict do nothing` on the notifications' unique key (dealer, user, kind, subject), so a
 * check that runs twice, or in two server processes at once, notifies once.
 */

/** A time-ordered id (UUID v7) made by the database, as the application makes them; PostgreSQL 13+. */
const UUID_V7 = sql.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing ` +
    `substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), ` +
    `52, 1), 53, 1), 'hex')::uuid`,
);

const isoOf = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const countOf = (result: unknown): number => rowsOf(result).length;

/** Every open task past its due time notifies its assignee once (`task:<id>:overdue`). */
export const insertOverdueTaskNotifications = async (db: Executor, now: Date): Promise<number> =>
  countOf(
    await db.execute(sql`
      insert into notifications (dealer_id, id, user_id, kind, subject_key, payload)
      select t.dealer_id, ${UUID_V7}, t.assignee_id, 'overdue', 'task:' || t.id || ':overdue',
             jsonb_strip_nulls(jsonb_build_object(
               'taskId', t.id, 'taskKind', t.kind, 'title', t.title, 'dueAt', ${isoOf('t.due_at')},
               'leadId', t.lead_id, 'customerId', c.id, 'customerName', c.name, 'cardNo', c.card_no))
        from tasks t
        join users u on u.dealer_id = t.dealer_id and u.id = t.assignee_id and u.disabled_at is null
        left join leads l on l.dealer_id = t.dealer_id and l.id = t.lead_id
        left join customers c on c.dealer_id = t.dealer_id and c.id = coalesce(t.customer_id, l.customer_id)
       where t.status = 'open' and t.due_at < ${now.toISOString()}::timestamptz
      on conflict do nothing
      returning id`),
  );

/**
 * The store's sales managers get one digest per user with overdue tasks per local day of the store
 * (`overdue:<userId>:<YYYY-MM-DD>`), with the count when it was first seen that day.
 */
export const insertOverdueDigests = async (db: Executor, now: Date): Promise<number> => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return countOf(
    await db.execute(sql`
      with overdue as (
        select t.dealer_id, t.assignee_id, count(*)::int as n
          from tasks t
         where t.status = 'open' and t.due_at < ${at}
         group by t.dealer_id, t.assignee_id
      ), day as (
        select d.id as dealer_id, to_char(${at} at time zone d.time_zone, 'YYYY-MM-DD') as local_date
          from dealers d
      )
      insert into notifications (dealer_id, id, user_id, kind, subject_key, payload)
      select o.dealer_id, ${UUID_V7}, m.id, 'overdue',
             'overdue:' || o.assignee_id || ':' || day.local_date,
             jsonb_build_object('userId', o.assignee_id, 'userName', a.display_name, 'count', o.n,
                                'date', day.local_date)
        from overdue o
        join day on day.dealer_id = o.dealer_id
        join users a on a.dealer_id = o.dealer_id and a.id = o.assignee_id
        join user_roles r on r.dealer_id = o.dealer_id and r.role = 'sales_manager'
        join users m on m.dealer_id = r.dealer_id and m.id = r.user_id and m.disabled_at is null
       where m.id <> o.assignee_id
      on conflict do nothing
      returning id`),
  );
};

export type UnassignedCandidate = {
  dealerId: string;
  leadId: string;
  createdAt: Date;
  opensAt: string;
  closesAt: string;
  timeZone: string;
  limitMinutes: number;
};

/**
 * Open leads without an owner, at least the store's limit old by the wall clock (opening-hour minutes
 * are never more), that some active sales manager of the store has not been alerted about yet.
 */
export const findUnassignedCandidates = async (db: Executor, now: Date): Promise<UnassignedCandidate[]> => {
  const rows = rowsOf<{
    dealer_id: string;
    lead_id: string;
    created_at: string | Date;
    opens_at: string;
    closes_at: string;
    time_zone: string;
    limit_minutes: number;
  }>(
    await db.execute(sql`
      select l.dealer_id, l.id as lead_id, l.created_at, d.opens_at, d.closes_at, d.time_zone,
             d.unassigned_alert_minutes as limit_minutes
        from leads l
        join dealers d on d.id = l.dealer_id
       where l.status = 'open' and l.owner_id is null
         and l.created_at <= ${now.toISOString()}::timestamptz - make_interval(mins => d.unassigned_alert_minutes)
         and exists (
           select 1
             from user_roles r
             join users m on m.dealer_id = r.dealer_id and m.id = r.user_id and m.disabled_at is null
            where r.dealer_id = l.dealer_id and r.role = 'sales_manager'
              and not exists (
                select 1 from notifications n
                 where n.dealer_id = m.dealer_id and n.user_id = m.id and n.kind = 'unassigned'
                   and n.subject_key = 'lead:' || l.id || ':unassigned'))`),
  );
  return rows.map((r) => ({
    dealerId: r.dealer_id,
    leadId: r.lead_id,
    createdAt: new Date(r.created_at),
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    timeZone: r.time_zone,
    limitMinutes: Number(r.limit_minutes),
  }));
};

/** Alerts every active sales manager of the lead's store, once per lead (`lead:<id>:unassigned`). */
export const insertUnassignedNotifications = async (
  db: Executor,
  leads: readonly { dealerId: string; leadId: string }[],
): Promise<number> => {
  if (leads.length === 0) return 0;
  const pairs = sql.join(
    leads.map((l) => sql`(${l.dealerId}::uuid, ${l.leadId}::uuid)`),
    sql`, `,
  );
  return countOf(
    await db.execute(sql`
      insert into notifications (dealer_id, id, user_id, kind, subject_key, payload)
      select l.dealer_id, ${UUID_V7}, m.id, 'unassigned', 'lead:' || l.id || ':unassigned',
             jsonb_strip_nulls(jsonb_build_object(
               'leadId', l.id, 'customerId', c.id, 'customerName', c.name, 'cardNo', c.card_no,
               'channel', l.channel, 'createdAt', ${isoOf('l.created_at')},
               'limitMinutes', d.unassigned_alert_minutes))
        from leads l
        join dealers d on d.id = l.dealer_id
        join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id
        join user_roles r on r.dealer_id = l.dealer_id and r.role = 'sales_manager'
        join users m on m.dealer_id = r.dealer_id and m.id = r.user_id and m.disabled_at is null
       where (l.dealer_id, l.id) in (${pairs}) and l.status = 'open' and l.owner_id is null
      on conflict do nothing
      returning id`),
  );
};
