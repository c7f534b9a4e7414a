import {
  FUNNEL_STEPS,
  type FunnelGroupBy,
  type FunnelLeadRow,
  type FunnelStep,
  type FunnelTally,
} from '@qianke/core/reports/funnel';
import type { InstantRange } from '@qianke/core/reports/period';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { executeReport, type LeadFilter, leadFilterSql } from './report-scope.repo';

type RawRow = Omit<
  FunnelLeadRow,
  'createdAt' | 'contactedAt' | 'visitedAt' | 'testDrivenAt' | 'orderedAt' | 'deliveredAt'
> & {
  createdAt: Date | string;
  contactedAt: Date | string | null;
  visitedAt: Date | string | null;
  testDrivenAt: Date | string | null;
  orderedAt: Date | string | null;
  deliveredAt: Date | string | null;
};

const date = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/**
 * The cohort of the funnel (core/reports/funnel.ts): the leads created in the range under the filter,
 * each with the first time it reached every step: the milestones each lead carries, kept from its
 * visits, test drives and orders by customers/lead-milestones.repo.ts.
 */
export const funnelLeads = async (
  db: Executor,
  filter: LeadFilter,
  range: InstantRange,
): Promise<FunnelLeadRow[]> => {
  const result = await db.execute(sql`
    select l.id as "leadId", l.customer_id as "customerId", l.created_at as "createdAt",
      l.source_id as "sourceId", l.owner_id as "ownerId", l.series_id as "seriesId",
      l.first_contacted_at as "contactedAt", l.visited_at as "visitedAt", l.test_driven_at as "testDrivenAt",
      l.ordered_at as "orderedAt", l.delivered_at as "deliveredAt"
    from leads l
    where ${leadFilterSql(filter, 'l')}
      and l.created_at >= ${range.start.toISOString()}::timestamptz and l.created_at < ${range.end.toISOString()}::timestamptz
    order by l.created_at, l.id`);
  return (result as unknown as { rows: RawRow[] }).rows.map((row) => ({
    ...row,
    createdAt: date(row.createdAt) ?? new Date(0),
    contactedAt: date(row.contactedAt),
    visitedAt: date(row.visitedAt),
    testDrivenAt: date(row.testDrivenAt),
    orderedAt: date(row.orderedAt),
    deliveredAt: date(row.deliveredAt),
  }));
};

/** A step's number in the SQL: its place in core's FUNNEL_STEPS (0 = leads .. 5 = delivered). */
const stepNo = (step: FunnelStep) => sql.raw(String(FUNNEL_STEPS.indexOf(step)));

/** The key of a lead's row of the breakdown (core funnelTally: the store day for `period`). */
const tallyKeySql = (groupBy: FunnelGroupBy, timeZone: string): SQL => {
  switch (groupBy) {
    case 'source':
      return sql`coalesce(l.source_id::text, '')`;
    case 'consultant':
      return sql`coalesce(l.owner_id::text, '')`;
    case 'series':
      return sql`coalesce(l.series_id::text, '')`;
    case 'period':
      return sql`to_char(l.created_at at time zone ${timeZone}, 'YYYY-MM-DD')`;
  }
};

/**
 * The funnel of the period and of the previous one, counted in the database: how many leads of each row
 * of the breakdown went as far as each step (core FunnelTally; the previous period's rows all have the
 * key ''). The same cohort and milestones as funnelLeads; a lead's furthest step is its last milestone
 * reached (core furthestStep), so what leaves the database is a few hundred rows, not one per lead.
 */
export const funnelTallies = async (
  db: Executor,
  filter: LeadFilter,
  ranges: { range: InstantRange; previousRange: InstantRange },
  groupBy: FunnelGroupBy,
  timeZone: string,
): Promise<{ current: FunnelTally[]; previous: FunnelTally[] }> => {
  const { range, previousRange } = ranges;
  const within = (r: InstantRange) =>
    sql`(l.created_at >= ${r.start.toISOString()}::timestamptz and l.created_at < ${r.end.toISOString()}::timestamptz)`;
  const milestones: [FunnelStep, string][] = [
    ['delivered', 'delivered_at'],
    ['ordered', 'ordered_at'],
    ['testDrive', 'test_driven_at'],
    ['visited', 'visited_at'],
    ['contacted', 'first_contacted_at'],
  ];
  const furthest = sql.join(
    milestones.map(([step, column]) => sql`when l.${sql.raw(column)} is not null then ${stepNo(step)}`),
    sql` `,
  );
  const result = await executeReport(
    db,
    sql`
    select ${within(range)} as current, case when ${within(range)} then ${tallyKeySql(groupBy, timeZone)} else '' end as key,
      case ${furthest} else ${stepNo('leads')} end as furthest, count(*)::int as leads
    from leads l
    where ${leadFilterSql(filter, 'l')} and (${within(range)} or ${within(previousRange)})
    group by 1, 2, 3`,
  );
  const rows = (result as unknown as { rows: (FunnelTally & { current: boolean })[] }).rows;
  const tally = ({ key, furthest, leads }: FunnelTally): FunnelTally => ({ key, furthest, leads });
  return {
    current: rows.filter((row) => row.current).map(tally),
    previous: rows.filter((row) => !row.current).map(tally),
  };
};
