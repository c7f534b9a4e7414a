import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { uuidArray } from './report-scope.repo';

/** Also here, where the report repos first found it (report-scope.repo.ts owns it). */
export { uuidArray };

export type DrilldownRow = {
  id: string;
  dealerId: string;
  cardNo: string;
  name: string;
  phoneE164: string | null;
  level: 'O' | 'H' | 'A' | 'B' | 'C' | null;
  ownerId: string | null;
  ownerName: string | null;
  sourceNameZh: string | null;
  sourceNameEn: string | null;
  createdAt: Date | string;
  total: number | string;
};

/**
 * One page of the customers with these ids in these stores, newest card first, with the number of them
 * all. Merged-away cards are skipped (they live on in the card they were merged into).
 */
export const customersPage = async (
  db: Executor,
  dealerIds: readonly string[],
  customerIds: readonly string[],
  page: { offset: number; limit: number },
): Promise<DrilldownRow[]> => {
  if (customerIds.length === 0 || dealerIds.length === 0) return [];
  const result = await db.execute(sql`
    select c.id, c.dealer_id as "dealerId", c.card_no as "cardNo", c.name, c.phone_e164 as "phoneE164",
      c.level, c.owner_id as "ownerId", u.display_name as "ownerName",
      s.name_zh as "sourceNameZh", s.name_en as "sourceNameEn", c.created_at as "createdAt",
      count(*) over () as total
    from customers c
    left join users u on u.dealer_id = c.dealer_id and u.id = c.owner_id
    left join lead_sources s on s.dealer_id = c.dealer_id and s.id = c.source_id
    where c.dealer_id = any(${uuidArray(dealerIds)}) and c.id = any(${uuidArray(customerIds)})
      and c.merged_into_id is null
    order by c.created_at desc, c.id desc
    offset ${page.offset} limit ${page.limit}`);
  return (result as unknown as { rows: DrilldownRow[] }).rows;
};
