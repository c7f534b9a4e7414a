import type { SeriesRef } from '@qianke/core/intake/series-match';
import type { SourceRef } from '@qianke/core/intake/source-match';
import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { catalogBrands, catalogSeries, dealers, leadSources } from '../infra/db/schema/index';

const parsedJson = <T>(value: T | string): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

/**
 * What an intake request is matched against, in one round trip: the store's whole source tree in its
 * order (deactivated nodes included: core decides), and the series the store sells now with their
 * brand's names.
 */
export const findIntakeRefs = async (
  db: Executor,
  dealerId: string,
): Promise<{ sources: SourceRef[]; catalog: SeriesRef[] }> => {
  const result = await db.execute(sql`
    select
      coalesce((select json_agg(json_build_object('id', s.id, 'parentId', s.parent_id, 'code', s.code,
                  'nameZh', s.name_zh, 'nameEn', s.name_en, 'active', s.active) order by s.sort, s.id)
                from ${leadSources} s where s.dealer_id = d.id), '[]') as sources,
      coalesce((select json_agg(json_build_object('id', cs.id, 'name', cs.name, 'nameEn', cs.name_en,
                  'brandName', b.name, 'brandNameEn', b.name_en) order by cs.sort, cs.id)
                from ${catalogSeries} cs
                left join ${catalogBrands} b on b.dealer_id = cs.dealer_id and b.id = cs.brand_id
                where cs.dealer_id = d.id and cs.active), '[]') as catalog
    from ${dealers} d where d.id = ${dealerId}`);
  const [row] = (
    result as unknown as { rows: { sources: SourceRef[] | string; catalog: SeriesRef[] | string }[] }
  ).rows;
  return row
    ? { sources: parsedJson(row.sources), catalog: parsedJson(row.catalog) }
    : { sources: [], catalog: [] };
};
