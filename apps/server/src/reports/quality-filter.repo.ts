import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import type { ReportScope } from './report-scope';
import { leadFilterSql, uuidArray } from './report-scope.repo';

/**
 * The report filter as SQL for the quality reports (defeats, follow-up compliance, DCC), each over rows
 * tied to a lead aliased `l` (left-joined where a row may have no lead: such a row is kept only while
 * no lead-level filter is set). `person` is the column that holds whose figure a row is. The lead's
 * source (node or below), series and campaign are filtered as every report does (report-scope.repo.ts).
 */
export const storeFilter = (column: SQL, scope: Pick<ReportScope, 'dealerIds'>): SQL =>
  sql`${column} = any(${uuidArray(scope.dealerIds)})`;

export const leadFilters = (
  scope: Pick<ReportScope, 'dealerIds' | 'sourceId' | 'seriesId' | 'campaignCode'>,
  alias = 'l',
): SQL =>
  leadFilterSql(
    {
      dealerIds: scope.dealerIds,
      consultantId: undefined,
      sourceId: scope.sourceId,
      seriesId: scope.seriesId,
      campaignCode: scope.campaignCode,
    },
    alias,
  );

export const personFilter = (column: SQL, scope: Pick<ReportScope, 'consultantId'>): SQL =>
  scope.consultantId ? sql`${column} = ${scope.consultantId}::uuid` : sql`true`;

export const instant = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export const dateOf = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
export const dateOrNull = (value: Date | string | null): Date | null =>
  value === null ? null : dateOf(value);

/** Names of users by id, in the scope's stores (for the tables' person columns). */
export const userNames = async (
  db: Executor,
  scope: Pick<ReportScope, 'dealerIds'>,
  ids: readonly string[],
): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; name: string }>(
    await db.execute(sql`select u.id, u.display_name as name from users u
      where ${storeFilter(sql`u.dealer_id`, scope)} and u.id = any(${uuidArray(ids)})`),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
};
