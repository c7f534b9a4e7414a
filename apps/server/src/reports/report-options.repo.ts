import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';

const rowsOf = async <T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** The stores a report may pick: the caller's own, or every store of the group for a group admin. */
export const pickableStores = (db: Executor, groupId: string, dealerId: string, wholeGroup: boolean) =>
  rowsOf<{ id: string; name: string; timeZone: string }>(
    db,
    wholeGroup
      ? sql`select id, name, time_zone as "timeZone" from dealers where group_id = ${groupId} order by created_at, id`
      : sql`select id, name, time_zone as "timeZone" from dealers where id = ${dealerId}`,
  );

/** Staff who own leads (consultants, DCC agents, managers) of the store, enabled ones first by name. */
export const leadOwners = (db: Executor, dealerId: string) =>
  rowsOf<{ id: string; name: string; roles: string[] }>(
    db,
    sql`select u.id, u.display_name as name, array_agg(r.role order by r.role) as roles
      from users u join user_roles r on r.dealer_id = u.dealer_id and r.user_id = u.id
      where u.dealer_id = ${dealerId} and u.disabled_at is null
        and r.role in ('consultant', 'dcc_agent', 'sales_manager', 'crm_specialist')
      group by u.id, u.display_name order by u.display_name, u.id`,
  );

export const sourceNodes = (db: Executor, dealerId: string) =>
  rowsOf<{ id: string; parentId: string | null; tier: string; nameZh: string; nameEn: string }>(
    db,
    sql`select id, parent_id as "parentId", tier, name_zh as "nameZh", name_en as "nameEn"
      from lead_sources where dealer_id = ${dealerId} and active order by sort, code`,
  );

export const seriesOf = (db: Executor, dealerId: string) =>
  rowsOf<{ id: string; name: string; nameEn: string | null }>(
    db,
    sql`select id, name, name_en as "nameEn" from catalog_series where dealer_id = ${dealerId} order by name, id`,
  );

export const campaignCodes = async (db: Executor, dealerId: string): Promise<string[]> =>
  (
    await rowsOf<{ code: string }>(
      db,
      sql`select distinct campaign_code as code from leads
        where dealer_id = ${dealerId} and campaign_code is not null order by 1 limit 200`,
    )
  ).map((row) => row.code);
