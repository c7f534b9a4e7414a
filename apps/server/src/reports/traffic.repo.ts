import type { InstantRange } from '@qianke/core/reports/period';
import type {
  PartySizeCount,
  TrafficTally,
  TrafficTimeCell,
  TrafficVisitRow,
} from '@qianke/core/reports/traffic';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { executeReport, type LeadFilter, uuidArray } from './report-scope.repo';

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

/**
 * Showroom visits and phone-ins that arrived in the range (core/reports/traffic.ts). Ordered: the
 * customer's latest live order (customers.last_ordered_at, customers/order-facts.ts) is at or after the
 * arrival, which is core's "any live order at or after it".
 */
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
      coalesce(c.last_ordered_at >= v.arrived_at, false) as ordered
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

/** What the traffic report counts, in the database: core TrafficTally and the cells it is drawn from. */
export type TrafficTallies = {
  /** The period's tally per receiving consultant ('' = nobody). */
  consultants: { key: string; tally: TrafficTally }[];
  /** The previous period's tally per receiving consultant. */
  previous: { key: string; tally: TrafficTally }[];
  /** The period's visits per hour and weekday of arrival, on the store's clock. */
  cells: TrafficTimeCell[];
  /** The period's visits per logged party size. */
  partySizes: PartySizeCount[];
};

type TallyRow = TrafficTally & {
  part: 'consultant' | 'previous' | 'time' | 'party';
  key: string;
  hour: number;
  weekday: number;
  partySize: number;
};

/**
 * The traffic of the period and of the previous one, counted in the database: the visits of both
 * periods (trafficVisits' filter and rows) summed per consultant as core TrafficTally says, and the
 * period's visits counted per hour and weekday and per party size. A visit counts as ordered and graded
 * as in trafficVisits. Stays are whole milliseconds, as a Date holds them.
 *
 * Sized for a group-year (1.5M visits): the visits are read once per part instead of being materialised
 * (a 650 MB temporary file), joined to the customers alone (the latest order is kept on the customer),
 * and the hour, weekday and party-size counts need no join at all: the visits
 * are counted per quarter hour (UTC; every time zone's offset is whole quarter hours) before each quarter
 * is put on the store's clock, instead of converting 1.2M arrivals to it.
 */
export const trafficTallies = async (
  db: Executor,
  filter: LeadFilter,
  ranges: { range: InstantRange; previousRange: InstantRange },
  timeZone: string,
): Promise<TrafficTallies> => {
  const { range, previousRange } = ranges;
  const stores = uuidArray(filter.dealerIds);
  const within = (r: InstantRange) =>
    sql`(v.arrived_at >= ${r.start.toISOString()}::timestamptz and v.arrived_at < ${r.end.toISOString()}::timestamptz)`;
  const counted = sql`v.kind = 'visit'`;
  const graded = sql`c.level is not null`;
  const stayed = sql`v.left_at >= v.arrived_at`;
  const result = await executeReport(
    db,
    sql`
    select case when ${within(range)} then 'consultant' else 'previous' end as part,
      coalesce(v.consultant_id::text, '') as key, 0 as hour, 0 as weekday, 0 as "partySize",
      count(*) filter (where ${counted})::int as visits,
      count(*) filter (where not ${counted})::int as "phoneIns",
      coalesce(sum(v.party_size) filter (where ${counted}), 0)::int as people,
      count(*) filter (where ${counted} and v.first_visit)::int as "firstVisits",
      count(*) filter (where ${counted} and v.left_contact)::int as "leftContact",
      count(*) filter (where ${counted} and v.left_contact and ${graded})::int as valid,
      count(*) filter (where ${counted} and c.last_ordered_at >= v.arrived_at)::int as ordered,
      count(*) filter (where ${counted} and ${stayed})::int as stays,
      coalesce(sum(round(date_part('epoch', v.left_at - v.arrived_at) * 1000)) filter (where ${counted} and ${stayed}), 0)::float8 as "stayMs",
      count(*) filter (where ${counted} and v.first_visit and not v.closed_on_spot)::int as "firstOpen",
      count(*) filter (where ${counted} and v.first_visit and not v.closed_on_spot and v.left_contact)::int as "firstOpenLeftContact"
    from showroom_visits v
    left join customers c on c.dealer_id = v.dealer_id and c.id = v.customer_id and c.dealer_id = any(${stores})
    where ${visitFilterSql(filter)} and (${within(range)} or ${within(previousRange)})
    group by 1, 2
    union all
    select case when grouping(t.party_size) = 0 then 'party' else 'time' end, '',
      coalesce(t.hour, 0), coalesce(t.weekday, 0), coalesce(t.party_size, 0), sum(t.visits)::int,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    from (
      select date_part('hour', q.slot at time zone ${timeZone})::int as hour,
        date_part('isodow', q.slot at time zone ${timeZone})::int as weekday, q.party_size, q.visits
      from (
        select date_bin('15 minutes', v.arrived_at, timestamptz '2000-01-01 00:00:00+00') as slot, v.party_size,
          count(*) as visits
        from showroom_visits v
        where ${visitFilterSql(filter)} and ${within(range)} and ${counted}
        group by 1, 2
      ) q
    ) t
    group by grouping sets ((t.hour, t.weekday), (t.party_size))`,
  );
  const rows = (result as unknown as { rows: TallyRow[] }).rows;
  const tallies = (part: TallyRow['part']) =>
    rows
      .filter((row) => row.part === part)
      .map(({ part: _, key, hour: _h, weekday: _w, partySize: _p, ...tally }) => ({ key, tally }));
  return {
    consultants: tallies('consultant'),
    previous: tallies('previous'),
    cells: rows
      .filter((row) => row.part === 'time')
      .map(({ hour, weekday, visits }) => ({ hour, weekday, visits })),
    partySizes: rows
      .filter((row) => row.part === 'party')
      .map(({ partySize, visits }) => ({ partySize, visits })),
  };
};
