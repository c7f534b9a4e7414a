import type { InstantRange } from '@qianke/core/reports/period';
import type { SourceEvent, SourceTally } from '@qianke/core/reports/source-analysis';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { executeReport, type LeadFilter, leadFilterSql, uuidArray } from './report-scope.repo';

const between = (column: string, range: InstantRange) =>
  sql`(${sql.raw(column)} >= ${range.start.toISOString()}::timestamptz and ${sql.raw(column)} < ${range.end.toISOString()}::timestamptz)`;

/** `column` within any of the ranges. */
const withinAny = (column: string, ranges: readonly InstantRange[]) =>
  sql`(${sql.join(
    ranges.map((range) => between(column, range)),
    sql` or `,
  )})`;

/**
 * The events of the source analysis (core/reports/source-analysis.ts) in any of the ranges, one row
 * each: kind, source_id, customer_id and `at`, the time that places it in a period. Leads created, by
 * the lead's source; visits (kind visit) arrived, by the visit's source, else its lead's; live orders
 * ordered, by the order's lead's source (kept on the order as lead_source_id, customers/order-facts.ts),
 * else the customer's. The filter applies to the lead behind each event where there is one; a visit or
 * order without a lead is kept only without a consultant, source, series or campaign filter.
 */
const sourceEventsSql = (filter: LeadFilter, ranges: readonly InstantRange[]): SQL => {
  const stores = uuidArray(filter.dealerIds);
  const narrowed = Boolean(filter.consultantId || filter.seriesId || filter.campaignCode || filter.sourceId);
  const leads = sql`
    select 'lead' as kind, l.source_id, l.customer_id, l.created_at as at from leads l
    where ${leadFilterSql(filter, 'l')} and ${withinAny('l.created_at', ranges)}`;
  const visitsIn = sql`v.dealer_id = any(${stores}) and v.kind = 'visit' and ${withinAny('v.arrived_at', ranges)}`;
  const ordersIn = sql`o.dealer_id = any(${stores}) and o.status <> 'cancelled' and ${withinAny('o.ordered_at', ranges)}`;
  if (narrowed) {
    const leadOf = (alias: 'v' | 'o') =>
      sql.raw(`join leads l on l.dealer_id = ${alias}.dealer_id and l.id = ${alias}.lead_id and `);
    return sql`${leads}
    union all
    select 'visit', coalesce(v.source_id, l.source_id), v.customer_id, v.arrived_at
    from showroom_visits v ${leadOf('v')}${leadFilterSql(filter, 'l')}
    where ${visitsIn}
    union all
    select 'order', l.source_id, o.customer_id, o.ordered_at
    from orders o ${leadOf('o')}${leadFilterSql(filter, 'l')}
    where ${ordersIn}`;
  }
  // Without a filter on the lead, each branch is split by whether the row names its source itself
  // (nearly all do) so that no branch needs a lookup per row: without a correlated subquery the
  // statement can run in parallel, and the few rows that do need one join by the key.
  return sql`${leads}
    union all
    select 'visit', v.source_id, v.customer_id, v.arrived_at from showroom_visits v
    where ${visitsIn} and v.source_id is not null
    union all
    select 'visit', l.source_id, v.customer_id, v.arrived_at
    from showroom_visits v left join leads l on l.dealer_id = v.dealer_id and l.id = v.lead_id
    where ${visitsIn} and v.source_id is null
    union all
    select 'order', o.lead_source_id, o.customer_id, o.ordered_at from orders o
    where ${ordersIn} and o.lead_source_id is not null
    union all
    select 'order', c.source_id, o.customer_id, o.ordered_at
    from orders o left join customers c on c.dealer_id = o.dealer_id and c.id = o.customer_id
    where ${ordersIn} and o.lead_source_id is null`;
};

/** The events of the source analysis in the range, one row each (the drill-down lists their customers). */
export const sourceEvents = async (
  db: Executor,
  filter: LeadFilter,
  range: InstantRange,
): Promise<SourceEvent[]> => {
  const result = await db.execute(sql`
    select e.kind, e.source_id as "sourceId", e.customer_id as "customerId"
    from (${sourceEventsSql(filter, [range])}) e`);
  return (result as unknown as { rows: SourceEvent[] }).rows;
};

/**
 * The source analysis of the period and of the previous one, counted in the database: the events of
 * both periods (sourceEvents' rows) read in one statement and counted per period, kind and source
 * (core SourceTally; '' = no source), so a few hundred rows leave the database, not one per event.
 */
export const sourceTallies = async (
  db: Executor,
  filter: LeadFilter,
  ranges: { range: InstantRange; previousRange: InstantRange },
): Promise<{ current: SourceTally[]; previous: SourceTally[] }> => {
  const { range, previousRange } = ranges;
  const result = await executeReport(
    db,
    sql`
    select t.current, t.kind, coalesce(t.source_id::text, '') as key, t.count
    from (
      select ${between('e.at', range)} as current, e.kind, e.source_id, count(*)::int as count
      from (${sourceEventsSql(filter, [range, previousRange])}) e
      group by 1, 2, 3
    ) t`,
  );
  const rows = (result as unknown as { rows: (SourceTally & { current: boolean })[] }).rows;
  const tally = ({ kind, key, count }: SourceTally): SourceTally => ({ kind, key, count });
  return {
    current: rows.filter((row) => row.current).map(tally),
    previous: rows.filter((row) => !row.current).map(tally),
  };
};
