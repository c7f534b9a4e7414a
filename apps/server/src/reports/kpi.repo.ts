import type { CountMetric, KpiEvent, KpiMetric, KpiTargets, RetentionVisit } from '@qianke/core/reports/kpi';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { kpiTargets } from '../infra/db/schema/index';
import { dateOf, instant, personFilter, rowsOf, storeFilter } from './quality-filter.repo';
import type { ReportScope } from './report-scope';
import { leadAttributesSql, ofMatchingLead, uuidArray } from './report-scope.repo';

export type KpiEventRow = KpiEvent & { dealerId: string; customerId: string | null };
export type RetentionVisitRow = RetentionVisit & { dealerId: string };

/** A source, series or campaign filter counts what happened on leads of that source, series or campaign. */
type Scope = Pick<ReportScope, 'dealerIds' | 'consultantId' | 'sourceId' | 'seriesId' | 'campaignCode'>;

type RawEvent = {
  metric: CountMetric;
  dealer_id: string;
  consultant_id: string | null;
  at: Date | string;
  customer_id: string | null;
};

/** The things the KPI counts (core/reports/kpi.ts) from `start` to `end`, each with its person and customer. */
export const kpiEvents = async (
  db: Executor,
  scope: Scope,
  window: { start: Date; end: Date },
): Promise<KpiEventRow[]> => {
  const start = instant(window.start);
  const end = instant(window.end);
  const rows = rowsOf<RawEvent>(
    await db.execute(sql`
      select 'leads' as metric, l.dealer_id, l.owner_id as consultant_id, l.created_at as at, l.customer_id
        from leads l
       where ${storeFilter(sql`l.dealer_id`, scope)} and ${personFilter(sql`l.owner_id`, scope)}
         and ${sql.join([sql`true`, ...leadAttributesSql(scope, 'l')], sql` and `)}
         and l.created_at >= ${start} and l.created_at < ${end}
      union all
      select 'visits', v.dealer_id, v.consultant_id, v.arrived_at, v.customer_id
        from showroom_visits v
       where ${storeFilter(sql`v.dealer_id`, scope)} and ${personFilter(sql`v.consultant_id`, scope)}
         and ${ofMatchingLead(scope, 'v')}
         and v.kind = 'visit' and v.arrived_at >= ${start} and v.arrived_at < ${end}
      union all
      select 'test_drives', t.dealer_id, t.consultant_id, t.starts_at, t.customer_id
        from test_drives t
       where ${storeFilter(sql`t.dealer_id`, scope)} and ${personFilter(sql`t.consultant_id`, scope)}
         and ${ofMatchingLead(scope, 't')}
         and t.status = 'done' and t.starts_at >= ${start} and t.starts_at < ${end}
      union all
      select 'orders', o.dealer_id, o.consultant_id, o.ordered_at, o.customer_id
        from orders o
       where ${storeFilter(sql`o.dealer_id`, scope)} and ${personFilter(sql`o.consultant_id`, scope)}
         and ${ofMatchingLead(scope, 'o')}
         and o.status <> 'cancelled' and o.ordered_at >= ${start} and o.ordered_at < ${end}
      union all
      select 'deliveries', o.dealer_id, o.consultant_id, o.delivered_at, o.customer_id
        from orders o
       where ${storeFilter(sql`o.dealer_id`, scope)} and ${personFilter(sql`o.consultant_id`, scope)}
         and ${ofMatchingLead(scope, 'o')}
         and o.status = 'delivered' and o.delivered_at >= ${start} and o.delivered_at < ${end}`),
  );
  return rows.map((r) => ({
    metric: r.metric,
    dealerId: r.dealer_id,
    consultantId: r.consultant_id,
    at: dateOf(r.at),
    customerId: r.customer_id,
  }));
};

type RawVisit = {
  dealer_id: string;
  consultant_id: string | null;
  arrived_at: Date | string;
  first_visit: boolean;
  left_contact: boolean;
  closed_on_spot: boolean;
};

/** Showroom arrivals from `start` to `end`, for the information retention rate. */
export const retentionVisits = async (
  db: Executor,
  scope: Scope,
  window: { start: Date; end: Date },
): Promise<RetentionVisitRow[]> => {
  const rows = rowsOf<RawVisit>(
    await db.execute(sql`
      select v.dealer_id, v.consultant_id, v.arrived_at, v.first_visit, v.left_contact, v.closed_on_spot
        from showroom_visits v
       where ${storeFilter(sql`v.dealer_id`, scope)} and ${personFilter(sql`v.consultant_id`, scope)}
         and ${ofMatchingLead(scope, 'v')}
         and v.kind = 'visit' and v.arrived_at >= ${instant(window.start)} and v.arrived_at < ${instant(window.end)}`),
  );
  return rows.map((r) => ({
    dealerId: r.dealer_id,
    consultantId: r.consultant_id,
    arrivedAt: dateOf(r.arrived_at),
    firstVisit: r.first_visit,
    leftContact: r.left_contact,
    closedOnSpot: r.closed_on_spot,
  }));
};

export type TargetRow = { dealerId: string; consultantId: string | null; metric: KpiMetric; target: number };

/** The targets of a month in these stores. */
export const targetsOf = async (
  db: Executor,
  dealerIds: readonly string[],
  month: string,
): Promise<TargetRow[]> => {
  const rows = rowsOf<{
    dealer_id: string;
    consultant_id: string | null;
    metric: KpiMetric;
    target: string | number;
  }>(
    await db.execute(sql`
      select dealer_id, consultant_id, metric, target from kpi_targets
       where dealer_id = any(${uuidArray(dealerIds)}) and month = ${month}
       order by dealer_id, consultant_id nulls first, metric`),
  );
  return rows.map((r) => ({
    dealerId: r.dealer_id,
    consultantId: r.consultant_id,
    metric: r.metric,
    target: Number(r.target),
  }));
};

/** The targets of one store and person (null: the store) as core wants them. */
export const targetsFor = (
  rows: readonly TargetRow[],
  dealerId: string,
  consultantId: string | null,
): KpiTargets => {
  const out: KpiTargets = {};
  for (const r of rows)
    if (r.dealerId === dealerId && r.consultantId === consultantId) out[r.metric] = r.target;
  return out;
};

/** Sets one target (insert or update), returning the value it had. */
export const upsertTarget = async (
  tx: Executor,
  input: {
    dealerId: string;
    month: string;
    consultantId: string | null;
    metric: KpiMetric;
    target: number;
    userId: string;
  },
): Promise<void> => {
  await tx
    .insert(kpiTargets)
    .values({
      dealerId: input.dealerId,
      month: input.month,
      consultantId: input.consultantId,
      metric: input.metric,
      target: input.target,
      updatedBy: input.userId,
    })
    .onConflictDoUpdate({
      target: [kpiTargets.dealerId, kpiTargets.month, kpiTargets.consultantId, kpiTargets.metric],
      set: {
        target: input.target,
        updatedBy: input.userId,
        updatedAt: sql`now()`,
        version: sql`${kpiTargets.version} + 1`,
      },
    });
};

export const deleteTarget = async (
  tx: Executor,
  input: { dealerId: string; month: string; consultantId: string | null; metric: KpiMetric },
): Promise<void> => {
  await tx
    .delete(kpiTargets)
    .where(
      and(
        eq(kpiTargets.dealerId, input.dealerId),
        eq(kpiTargets.month, input.month),
        input.consultantId === null
          ? sql`${kpiTargets.consultantId} is null`
          : eq(kpiTargets.consultantId, input.consultantId),
        eq(kpiTargets.metric, input.metric),
      ),
    );
};

/** Which of these ids are users of the store. */
export const usersOfStore = async (
  db: Executor,
  dealerId: string,
  ids: readonly string[],
): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from users where dealer_id = ${dealerId}::uuid and id = any(${uuidArray(ids)})`,
    ),
  );
  return new Set(rows.map((r) => r.id));
};

/** Names of these stores. */
export const storeNames = async (
  db: Executor,
  dealerIds: readonly string[],
): Promise<Map<string, string>> => {
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select id, name from dealers where id = any(${uuidArray(dealerIds)})`),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
};
