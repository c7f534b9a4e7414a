import type { FunnelLeadRow } from '@qianke/core/reports/funnel';
import type { InstantRange } from '@qianke/core/reports/period';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { type LeadFilter, leadFilterSql } from './report-scope.repo';

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
 * each with the first time it reached every step. A visit, test drive or order names its lead; one
 * without a lead counts for the customer's leads created before it.
 */
export const funnelLeads = async (
  db: Executor,
  filter: LeadFilter,
  range: InstantRange,
): Promise<FunnelLeadRow[]> => {
  const ofLead = (alias: string, at: string) => {
    const a = sql.raw(alias);
    return sql`${a}.dealer_id = l.dealer_id and (${a}.lead_id = l.id or (${a}.lead_id is null and ${a}.customer_id = l.customer_id and ${sql.raw(`${alias}.${at}`)} >= l.created_at))`;
  };
  const result = await db.execute(sql`
    select l.id as "leadId", l.customer_id as "customerId", l.created_at as "createdAt",
      l.source_id as "sourceId", l.owner_id as "ownerId", l.series_id as "seriesId",
      l.first_contacted_at as "contactedAt",
      (select min(v.arrived_at) from showroom_visits v where ${ofLead('v', 'arrived_at')}) as "visitedAt",
      (select min(t.ends_at) from test_drives t where t.status = 'done' and ${ofLead('t', 'starts_at')}) as "testDrivenAt",
      (select min(o.ordered_at) from orders o where o.status <> 'cancelled' and ${ofLead('o', 'ordered_at')}) as "orderedAt",
      (select min(o.delivered_at) from orders o where o.status = 'delivered' and ${ofLead('o', 'ordered_at')}) as "deliveredAt"
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
