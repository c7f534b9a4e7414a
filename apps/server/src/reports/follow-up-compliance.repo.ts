import type { CallbackRow, PortalLeadRow, TaskRow } from '@qianke/core/reports/follow-up-compliance';
import { PORTAL_CHANNELS } from '@qianke/core/reports/follow-up-compliance';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  dateOf,
  dateOrNull,
  instant,
  leadFilters,
  personFilter,
  rowsOf,
  storeFilter,
} from './quality-filter.repo';
import type { ReportScope } from './report-scope';

const textArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::text[]`;

type RawCallback = {
  kind: CallbackRow['kind'];
  lead_id: string;
  customer_id: string;
  user_id: string | null;
  due_at: Date | string;
  contacted_at: Date | string | null;
};

/**
 * The call-backs (core/reports/follow-up-compliance.ts) due between the start of the previous period
 * and the end of this one: leads' first contacts, and visits with details of leads contacted before
 * the visit, whose contact is the lead's first follow-up after the arrival other than the visit itself.
 */
export const callbackRows = async (db: Executor, scope: ReportScope): Promise<CallbackRow[]> => {
  const start = instant(scope.previousRange.start);
  const end = instant(scope.range.end);
  const rows = rowsOf<RawCallback>(
    await db.execute(sql`
      select 'lead' as kind, l.id as lead_id, l.customer_id, l.owner_id as user_id,
             l.first_contact_due_at as due_at, l.first_contacted_at as contacted_at
        from leads l
       where ${storeFilter(sql`l.dealer_id`, scope)}
         and l.first_contact_due_at >= ${start} and l.first_contact_due_at < ${end}
         and ${personFilter(sql`l.owner_id`, scope)} and ${leadFilters(scope)}
      union all
      select 'visit' as kind, l.id as lead_id, l.customer_id, v.consultant_id as user_id,
             v.callback_due_at as due_at,
             (select min(f.occurred_at) from follow_ups f
               where f.dealer_id = v.dealer_id and f.lead_id = v.lead_id and f.occurred_at > v.arrived_at
                 and f.channel not in ('showroom', 'visit')) as contacted_at
        from showroom_visits v
        join leads l on l.dealer_id = v.dealer_id and l.id = v.lead_id
       where ${storeFilter(sql`v.dealer_id`, scope)}
         and v.callback_due_at >= ${start} and v.callback_due_at < ${end}
         and l.first_contacted_at is not null and l.first_contacted_at < v.arrived_at
         and ${personFilter(sql`v.consultant_id`, scope)} and ${leadFilters(scope)}
       order by due_at, lead_id`),
  );
  return rows.map((r) => ({
    kind: r.kind,
    leadId: r.lead_id,
    customerId: r.customer_id,
    userId: r.user_id,
    dueAt: dateOf(r.due_at),
    contactedAt: dateOrNull(r.contacted_at),
  }));
};

type RawTask = {
  task_id: string;
  lead_id: string | null;
  customer_id: string | null;
  assignee_id: string;
  due_at: Date | string;
  status: TaskRow['status'];
  done_at: Date | string | null;
};

const anyLeadFilter = (scope: ReportScope) => Boolean(scope.sourceId || scope.seriesId || scope.campaignCode);

/** Tasks due between the start of the previous period and the end of this one, and every open task past due now. */
export const taskRows = async (db: Executor, scope: ReportScope, now: Date): Promise<TaskRow[]> => {
  const start = instant(scope.previousRange.start);
  const end = instant(scope.range.end);
  // A task without a lead has no source, series or campaign: a lead-level filter leaves it out.
  const leadClause = anyLeadFilter(scope) ? sql`l.id is not null and ${leadFilters(scope)}` : sql`true`;
  const rows = rowsOf<RawTask>(
    await db.execute(sql`
      select t.id as task_id, t.lead_id, coalesce(t.customer_id, l.customer_id) as customer_id, t.assignee_id,
             t.due_at, t.status, t.done_at
        from tasks t
        left join leads l on l.dealer_id = t.dealer_id and l.id = t.lead_id
       where ${storeFilter(sql`t.dealer_id`, scope)}
         and ((t.due_at >= ${start} and t.due_at < ${end})
              or (t.status = 'open' and t.due_at < ${instant(now)}))
         and ${personFilter(sql`t.assignee_id`, scope)} and ${leadClause}
       order by t.due_at, t.id`),
  );
  return rows.map((r) => ({
    taskId: r.task_id,
    leadId: r.lead_id,
    customerId: r.customer_id,
    assigneeId: r.assignee_id,
    dueAt: dateOf(r.due_at),
    status: r.status,
    doneAt: dateOrNull(r.done_at),
  }));
};

type RawPortal = {
  lead_id: string;
  customer_id: string;
  owner_id: string | null;
  channel: string;
  created_at: Date | string;
  first_contacted_at: Date | string | null;
};

/** Leads of the portal channels created between the start of the previous period and the end of this one. */
export const portalLeadRows = async (db: Executor, scope: ReportScope): Promise<PortalLeadRow[]> => {
  const rows = rowsOf<RawPortal>(
    await db.execute(sql`
      select l.id as lead_id, l.customer_id, l.owner_id, l.channel, l.created_at, l.first_contacted_at
        from leads l
       where ${storeFilter(sql`l.dealer_id`, scope)}
         and l.channel = any(${textArray(PORTAL_CHANNELS)})
         and l.created_at >= ${instant(scope.previousRange.start)} and l.created_at < ${instant(scope.range.end)}
         and ${personFilter(sql`l.owner_id`, scope)} and ${leadFilters(scope)}
       order by l.created_at, l.id`),
  );
  return rows.map((r) => ({
    leadId: r.lead_id,
    customerId: r.customer_id,
    ownerId: r.owner_id,
    channel: r.channel,
    createdAt: dateOf(r.created_at),
    firstContactedAt: dateOrNull(r.first_contacted_at),
  }));
};
