import type { InstantRange } from '@qianke/core/reports/period';
import type { SourceEvent } from '@qianke/core/reports/source-analysis';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { type LeadFilter, leadFilterSql, uuidArray } from './report-scope.repo';

const between = (column: string, range: InstantRange) =>
  sql`${sql.raw(column)} >= ${range.start.toISOString()}::timestamptz and ${sql.raw(column)} < ${range.end.toISOString()}::timestamptz`;

/**
 * The events of the source analysis in the range (core/reports/source-analysis.ts): leads created,
 * visits arrived (by the visit's source, else its lead's), live orders placed (by the order's lead's
 * source, else the customer's). The filter applies to the lead behind each event where there is one;
 * a visit or order without a lead is kept only without a consultant, series or campaign filter.
 */
export const sourceEvents = async (
  db: Executor,
  filter: LeadFilter,
  range: InstantRange,
): Promise<SourceEvent[]> => {
  const narrowed = Boolean(filter.consultantId || filter.seriesId || filter.campaignCode || filter.sourceId);
  const leadRows = await db.execute(sql`
    select 'lead' as kind, l.source_id as "sourceId", l.customer_id as "customerId" from leads l
    where ${leadFilterSql(filter, 'l')} and ${between('l.created_at', range)}`);
  const visitRows = await db.execute(sql`
    select 'visit' as kind, coalesce(v.source_id, l.source_id) as "sourceId", v.customer_id as "customerId"
    from showroom_visits v
    left join leads l on l.dealer_id = v.dealer_id and l.id = v.lead_id
    where v.dealer_id = any(${uuidArray(filter.dealerIds)}) and v.kind = 'visit' and ${between('v.arrived_at', range)}
      and ${narrowed ? sql`l.id is not null and ${leadFilterSql(filter, 'l')}` : sql`true`}`);
  const orderRows = await db.execute(sql`
    select 'order' as kind, coalesce(l.source_id, c.source_id) as "sourceId", o.customer_id as "customerId"
    from orders o
    join customers c on c.dealer_id = o.dealer_id and c.id = o.customer_id
    left join leads l on l.dealer_id = o.dealer_id and l.id = o.lead_id
    where o.dealer_id = any(${uuidArray(filter.dealerIds)}) and o.status <> 'cancelled' and ${between('o.ordered_at', range)}
      and ${narrowed ? sql`l.id is not null and ${leadFilterSql(filter, 'l')}` : sql`true`}`);
  return [leadRows, visitRows, orderRows].flatMap((r) => (r as unknown as { rows: SourceEvent[] }).rows);
};
