import type { DccCallRow, DccInvitationRow } from '@qianke/core/reports/dcc';
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

const anyLeadFilter = (scope: ReportScope) => Boolean(scope.sourceId || scope.seriesId || scope.campaignCode);

type RawCall = {
  call_id: string;
  agent_id: string;
  customer_id: string | null;
  lead_id: string | null;
  outcome: string;
  occurred_at: Date | string;
};

/** DCC calls (core/reports/dcc.ts) from the start of the previous period to the end of this one. */
export const dccCallRows = async (db: Executor, scope: ReportScope): Promise<DccCallRow[]> => {
  // A call of no lead (an inbound caller not captured) has no source or series: such filters leave it out.
  const leadClause = anyLeadFilter(scope) ? sql`l.id is not null and ${leadFilters(scope)}` : sql`true`;
  const rows = rowsOf<RawCall>(
    await db.execute(sql`
      select k.id as call_id, k.agent_id, coalesce(k.customer_id, l.customer_id) as customer_id, k.lead_id,
             k.outcome, k.occurred_at
        from dcc_calls k
        left join leads l on l.dealer_id = k.dealer_id and l.id = k.lead_id
       where ${storeFilter(sql`k.dealer_id`, scope)}
         and k.occurred_at >= ${instant(scope.previousRange.start)} and k.occurred_at < ${instant(scope.range.end)}
         and ${personFilter(sql`k.agent_id`, scope)} and ${leadClause}
       order by k.occurred_at, k.id`),
  );
  return rows.map((r) => ({
    callId: r.call_id,
    agentId: r.agent_id,
    customerId: r.customer_id,
    leadId: r.lead_id,
    outcome: r.outcome,
    occurredAt: dateOf(r.occurred_at),
  }));
};

type RawInvitation = {
  invitation_id: string;
  agent_id: string;
  customer_id: string;
  lead_id: string;
  status: DccInvitationRow['status'];
  scheduled_at: Date | string;
  created_at: Date | string;
  ordered_at: Date | string | null;
};

/**
 * Invitations booked from the start of the previous period to the end of this one, each with the first
 * live (not cancelled) order its customer placed at or after the booking.
 */
export const dccInvitationRows = async (db: Executor, scope: ReportScope): Promise<DccInvitationRow[]> => {
  const rows = rowsOf<RawInvitation>(
    await db.execute(sql`
      select i.id as invitation_id, i.invited_by as agent_id, i.customer_id, i.lead_id, i.status,
             i.scheduled_at, i.created_at,
             (select min(o.ordered_at) from orders o
               where o.dealer_id = i.dealer_id and o.customer_id = i.customer_id
                 and o.status <> 'cancelled' and o.ordered_at >= i.created_at) as ordered_at
        from invitations i
        join leads l on l.dealer_id = i.dealer_id and l.id = i.lead_id
       where ${storeFilter(sql`i.dealer_id`, scope)}
         and i.created_at >= ${instant(scope.previousRange.start)} and i.created_at < ${instant(scope.range.end)}
         and ${personFilter(sql`i.invited_by`, scope)} and ${leadFilters(scope)}
       order by i.created_at, i.id`),
  );
  return rows.map((r) => ({
    invitationId: r.invitation_id,
    agentId: r.agent_id,
    customerId: r.customer_id,
    leadId: r.lead_id,
    status: r.status,
    scheduledAt: dateOf(r.scheduled_at),
    createdAt: dateOf(r.created_at),
    orderedAt: dateOrNull(r.ordered_at),
  }));
};

/** The active DCC agents of the scope (each has a row even without a call), or only the chosen one. */
export const dccAgentIds = async (db: Executor, scope: ReportScope): Promise<string[]> =>
  rowsOf<{ id: string }>(
    await db.execute(sql`
      select u.id from users u
       where ${storeFilter(sql`u.dealer_id`, scope)} and u.disabled_at is null
         and ${personFilter(sql`u.id`, scope)}
         and exists (select 1 from user_roles r where r.dealer_id = u.dealer_id and r.user_id = u.id
                       and r.role = 'dcc_agent')
       order by u.display_name, u.id`),
  ).map((r) => r.id);
