import type { ActivityEvent, ActivityKind } from '@qianke/core/reports/daily-activity';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { dateOf, instant, personFilter, rowsOf, storeFilter } from './quality-filter.repo';
import type { ReportScope } from './report-scope';
import { leadAttributesSql, ofMatchingLead } from './report-scope.repo';

export type ActivityEventRow = ActivityEvent & { customerId: string | null };

type RawEvent = { kind: ActivityKind; consultant_id: string; at: Date | string; customer_id: string | null };

/**
 * Everything the consultants did from `start` to `end` (core/reports/daily-activity.ts names each kind):
 * one row per thing done, with the person it counts for, when, and the customer it was about. A source,
 * series or campaign filter keeps what was done on leads of that source, series or campaign (a visitor
 * who left no details then counts nowhere).
 */
export const activityEvents = async (
  db: Executor,
  scope: Pick<ReportScope, 'dealerIds' | 'consultantId' | 'sourceId' | 'seriesId' | 'campaignCode'>,
  window: { start: Date; end: Date },
): Promise<ActivityEventRow[]> => {
  const start = instant(window.start);
  const end = instant(window.end);
  // Who did it (the store and the consultant filter) and, for a source / series / campaign filter, on
  // which lead.
  const who = (column: string) => {
    const alias = column.split('.')[0] ?? '';
    const onLead =
      alias === 'l'
        ? sql.join([sql`true`, ...leadAttributesSql(scope, 'l')], sql` and `)
        : ofMatchingLead(scope, alias);
    return sql`${storeFilter(sql.raw(`${alias}.dealer_id`), scope)} and ${personFilter(sql.raw(column), scope)} and ${onLead}`;
  };
  const rows = rowsOf<RawEvent>(
    await db.execute(sql`
      select 'new_prospect' as kind, l.owner_id as consultant_id, l.created_at as at, l.customer_id
        from leads l
       where ${who('l.owner_id')} and l.owner_id is not null and l.created_at >= ${start} and l.created_at < ${end}
      union all
      select 'visit', v.consultant_id, v.arrived_at, v.customer_id
        from showroom_visits v
       where ${who('v.consultant_id')} and v.kind = 'visit' and v.consultant_id is not null
         and v.arrived_at >= ${start} and v.arrived_at < ${end}
      union all
      select case when f.channel = 'visit' then 'visit' else 'call' end, f.user_id, f.occurred_at, f.customer_id
        from follow_ups f
       where ${who('f.user_id')} and f.channel in ('visit', 'phone')
         and f.occurred_at >= ${start} and f.occurred_at < ${end}
      union all
      select 'call', v.consultant_id, v.arrived_at, v.customer_id
        from showroom_visits v
       where ${who('v.consultant_id')} and v.kind = 'phone_in' and v.consultant_id is not null
         and v.arrived_at >= ${start} and v.arrived_at < ${end}
      union all
      select 'invitation', i.invited_by, i.created_at, i.customer_id
        from invitations i
       where ${who('i.invited_by')} and i.created_at >= ${start} and i.created_at < ${end}
      union all
      select 'arrival', coalesce(i.consultant_id, i.invited_by), i.arrived_at, i.customer_id
        from invitations i
       where ${storeFilter(sql`i.dealer_id`, scope)} and ${personFilter(sql`coalesce(i.consultant_id, i.invited_by)`, scope)}
         and ${ofMatchingLead(scope, 'i')}
         and i.status = 'arrived' and i.arrived_at >= ${start} and i.arrived_at < ${end}
      union all
      select 'test_drive', t.consultant_id, t.starts_at, t.customer_id
        from test_drives t
       where ${who('t.consultant_id')} and t.status = 'done' and t.starts_at >= ${start} and t.starts_at < ${end}
      union all
      select 'order', o.consultant_id, o.ordered_at, o.customer_id
        from orders o
       where ${who('o.consultant_id')} and o.status <> 'cancelled'
         and o.ordered_at >= ${start} and o.ordered_at < ${end}
      union all
      select 'defeat', d.requested_by, d.created_at, l.customer_id
        from defeat_requests d
        join leads l on l.dealer_id = d.dealer_id and l.id = d.lead_id
       where ${who('d.requested_by')} and d.created_at >= ${start} and d.created_at < ${end}`),
  );
  return rows.map((r) => ({
    kind: r.kind,
    consultantId: r.consultant_id,
    at: dateOf(r.at),
    customerId: r.customer_id,
  }));
};
