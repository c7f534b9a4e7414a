import type { DefeatAnalysisRow } from '@qianke/core/reports/defeats';
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
import { uuidArray } from './report-scope.repo';

type Raw = {
  request_id: string;
  lead_id: string;
  customer_id: string;
  requested_by: string;
  decided_by: string | null;
  reason_id: string;
  competitor_brand: string | null;
  competitor_model: string | null;
  series_id: string | null;
  status: DefeatAnalysisRow['status'];
  created_at: Date | string;
  decided_at: Date | string | null;
};

/**
 * The defeat requests the analysis may count (core/reports/defeats.ts): asked or decided between the
 * start of the previous period and the end of this one, in the scope's stores, of the consultant who
 * asked (when one is chosen), with the lead's source, series and campaign filtered.
 */
export const defeatRows = async (db: Executor, scope: ReportScope): Promise<DefeatAnalysisRow[]> => {
  const start = instant(scope.previousRange.start);
  const end = instant(scope.range.end);
  const rows = rowsOf<Raw>(
    await db.execute(sql`
      select d.id as request_id, d.lead_id, l.customer_id, d.requested_by, d.decided_by, d.reason_id,
             d.competitor_brand, d.competitor_model, l.series_id, d.status, d.created_at, d.decided_at
        from defeat_requests d
        join leads l on l.dealer_id = d.dealer_id and l.id = d.lead_id
       where ${storeFilter(sql`d.dealer_id`, scope)}
         and ((d.created_at >= ${start} and d.created_at < ${end})
              or (d.decided_at >= ${start} and d.decided_at < ${end}))
         and ${personFilter(sql`d.requested_by`, scope)}
         and ${leadFilters(scope)}
       order by d.created_at, d.id`),
  );
  return rows.map((r) => ({
    requestId: r.request_id,
    leadId: r.lead_id,
    customerId: r.customer_id,
    requestedBy: r.requested_by,
    decidedBy: r.decided_by,
    reasonId: r.reason_id,
    competitorBrand: r.competitor_brand,
    competitorModel: r.competitor_model,
    seriesId: r.series_id,
    status: r.status,
    createdAt: dateOf(r.created_at),
    decidedAt: dateOrNull(r.decided_at),
  }));
};

export type NamedRow = { id: string; name_zh: string; name_en: string | null };

/** Names of defeat reasons and series by id, in the scope's stores. */
export const reasonNames = async (
  db: Executor,
  scope: ReportScope,
  ids: readonly string[],
): Promise<NamedRow[]> =>
  ids.length === 0
    ? []
    : rowsOf<NamedRow>(
        await db.execute(sql`select r.id, r.name_zh, r.name_en from defeat_reasons r
          where ${storeFilter(sql`r.dealer_id`, scope)} and r.id = any(${uuidArray(ids)})`),
      );

export const seriesNames = async (
  db: Executor,
  scope: ReportScope,
  ids: readonly string[],
): Promise<NamedRow[]> =>
  ids.length === 0
    ? []
    : rowsOf<NamedRow>(
        await db.execute(sql`select s.id, s.name as name_zh, s.name_en from catalog_series s
          where ${storeFilter(sql`s.dealer_id`, scope)} and s.id = any(${uuidArray(ids)})`),
      );
