import type { InstantRange } from '@qianke/core/reports/period';
import type { TrafficVisitRow } from '@qianke/core/reports/traffic';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { type LeadFilter, uuidArray } from './report-scope.repo';

type Raw = Omit<TrafficVisitRow, 'arrivedAt' | 'leftAt'> & {
  arrivedAt: Date | string;
  leftAt: Date | string | null;
};

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** The scope's filter on a showroom visit `v`: stores, receiving consultant, source subtree, series, campaign. */
const visitFilterSql = (f: LeadFilter): SQL => {
  const parts: SQL[] = [sql`v.dealer_id = any(${uuidArray(f.dealerIds)})`];
  if (f.consultantId) parts.push(sql`v.consultant_id = ${f.consultantId}`);
  if (f.sourceId) {
    parts.push(sql`v.source_id in (
      select s.id from lead_sources s where s.dealer_id = v.dealer_id and (s.id = ${f.sourceId} or s.parent_id = ${f.sourceId}
        or s.parent_id in (select p.id from lead_sources p where p.dealer_id = v.dealer_id and p.parent_id = ${f.sourceId})))`);
  }
  if (f.seriesId) parts.push(sql`v.series_id = ${f.seriesId}`);
  if (f.campaignCode) {
    parts.push(
      sql`exists (select 1 from leads l where l.dealer_id = v.dealer_id and l.id = v.lead_id and l.campaign_code = ${f.campaignCode})`,
    );
  }
  return sql.join(parts, sql` and `);
};

/** Showroom visits and phone-ins that arrived in the range (core/reports/traffic.ts). */
export const trafficVisits = async (
  db: Executor,
  filter: LeadFilter,
  range: InstantRange,
): Promise<TrafficVisitRow[]> => {
  const result = await db.execute(sql`
    select v.id as "visitId", v.kind, v.customer_id as "customerId", v.consultant_id as "consultantId",
      v.arrived_at as "arrivedAt", v.left_at as "leftAt", v.party_size as "partySize",
      v.first_visit as "firstVisit", v.left_contact as "leftContact", v.closed_on_spot as "closedOnSpot",
      coalesce(c.level is not null, false) as graded,
      exists (select 1 from orders o where o.dealer_id = v.dealer_id and o.customer_id = v.customer_id
        and o.status <> 'cancelled' and o.ordered_at >= v.arrived_at) as ordered
    from showroom_visits v
    left join customers c on c.dealer_id = v.dealer_id and c.id = v.customer_id
    where ${visitFilterSql(filter)}
      and v.arrived_at >= ${range.start.toISOString()}::timestamptz and v.arrived_at < ${range.end.toISOString()}::timestamptz
    order by v.arrived_at, v.id`);
  return (result as unknown as { rows: Raw[] }).rows.map((row) => ({
    ...row,
    partySize: Number(row.partySize),
    arrivedAt: date(row.arrivedAt),
    leftAt: row.leftAt === null ? null : date(row.leftAt),
  }));
};
