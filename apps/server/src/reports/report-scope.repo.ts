import { eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { dealers } from '../infra/db/schema/index';

export type StoreOfGroup = { id: string; timeZone: string };

/** The stores of a dealer group (a group admin's roll-up), oldest first. */
export const storesOfGroup = async (db: Executor, groupId: string): Promise<StoreOfGroup[]> =>
  db
    .select({ id: dealers.id, timeZone: dealers.timeZone })
    .from(dealers)
    .where(eq(dealers.groupId, groupId))
    .orderBy(dealers.createdAt, dealers.id);

/** What the lead conditions need from a ReportScope (kept structural so the repo does not import it). */
export type LeadFilter = {
  dealerIds: readonly string[];
  consultantId: string | undefined;
  sourceId: string | undefined;
  seriesId: string | undefined;
  campaignCode: string | undefined;
};

/**
 * Runs a report's statement with 64 MB per sort or hash instead of PostgreSQL's default 4 MB: a
 * group-year report hashes a million customers or leads, and at 4 MB it spilled to disk in batches
 * and sorted on disk (the group-year traffic statement under EXPLAIN ANALYZE: 5.8 -> 4.1 s). Only for the
 * statement's own transaction.
 */
export const executeReport = (db: Executor, query: SQL) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return tx.execute(query);
  });

/** One Postgres array parameter (`{a,b}`), so thousands of ids are one bind value. */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The filter's conditions on what a lead is about, for a query that names the leads table `alias`: the
 * source node or any node below it (three tiers), the series and the campaign code. Empty when the
 * filter names none of them.
 */
export const leadAttributesSql = (
  f: Pick<LeadFilter, 'sourceId' | 'seriesId' | 'campaignCode'>,
  alias: string,
): SQL[] => {
  const l = sql.raw(alias);
  const parts: SQL[] = [];
  if (f.sourceId) {
    parts.push(sql`${l}.source_id in (
      select s.id from lead_sources s where s.dealer_id = ${l}.dealer_id and (s.id = ${f.sourceId}
        or s.parent_id = ${f.sourceId}
        or s.parent_id in (select p.id from lead_sources p where p.dealer_id = ${l}.dealer_id and p.parent_id = ${f.sourceId})))`);
  }
  if (f.seriesId) parts.push(sql`${l}.series_id = ${f.seriesId}`);
  if (f.campaignCode) parts.push(sql`${l}.campaign_code = ${f.campaignCode}`);
  return parts;
};

/**
 * The scope's filter on a lead, for a query that names the leads table `alias`: the stores, the owner
 * (consultant), and what the lead is about (`leadAttributesSql`).
 */
export const leadFilterSql = (f: LeadFilter, alias: string): SQL => {
  const l = sql.raw(alias);
  const parts: SQL[] = [sql`${l}.dealer_id = any(${uuidArray(f.dealerIds)})`];
  if (f.consultantId) parts.push(sql`${l}.owner_id = ${f.consultantId}`);
  parts.push(...leadAttributesSql(f, alias));
  return sql.join(parts, sql` and `);
};

/**
 * For a row that belongs to a lead (`<alias>.lead_id`): the row counts only when its lead matches what
 * the filter says a lead is about; with no such filter, every row counts (also rows without a lead).
 */
export const ofMatchingLead = (
  f: Pick<LeadFilter, 'sourceId' | 'seriesId' | 'campaignCode'>,
  alias: string,
): SQL => {
  const parts = leadAttributesSql(f, 'lf');
  if (parts.length === 0) return sql`true`;
  const row = sql.raw(alias);
  return sql`exists (select 1 from leads lf where lf.dealer_id = ${row}.dealer_id and lf.id = ${row}.lead_id and ${sql.join(parts, sql` and `)})`;
};

export type NamedRow = { id: string; name: string; nameEn: string | null };

/** Names of lead sources, users and catalog series by id (labels of a breakdown). */
export const namesOf = async (
  db: Executor,
  dealerIds: readonly string[],
  kind: 'source' | 'user' | 'series',
  ids: readonly string[],
): Promise<NamedRow[]> => {
  if (ids.length === 0) return [];
  const query =
    kind === 'source'
      ? sql`select id, name_zh as name, name_en as "nameEn" from lead_sources where dealer_id = any(${uuidArray(dealerIds)}) and id = any(${uuidArray(ids)})`
      : kind === 'user'
        ? sql`select id, display_name as name, null as "nameEn" from users where dealer_id = any(${uuidArray(dealerIds)}) and id = any(${uuidArray(ids)})`
        : sql`select id, name, name_en as "nameEn" from catalog_series where dealer_id = any(${uuidArray(dealerIds)}) and id = any(${uuidArray(ids)})`;
  return ((await db.execute(query)) as unknown as { rows: NamedRow[] }).rows;
};
