import type { SeriesRef } from '@qianke/core/intake/series-match';
import type { SourceRef } from '@qianke/core/intake/source-match';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { catalogBrands, catalogSeries, leadSources } from '../infra/db/schema/index';

/** The store's whole source tree, in its order (deactivated nodes included: core decides). */
export const listSourceRefs = async (db: Executor, dealerId: string): Promise<SourceRef[]> =>
  db
    .select({
      id: leadSources.id,
      parentId: leadSources.parentId,
      code: leadSources.code,
      nameZh: leadSources.nameZh,
      nameEn: leadSources.nameEn,
      active: leadSources.active,
    })
    .from(leadSources)
    .where(eq(leadSources.dealerId, dealerId))
    .orderBy(asc(leadSources.sort), asc(leadSources.id));

/** The series the store sells now, with their brand's names. */
export const listSeriesRefs = async (db: Executor, dealerId: string): Promise<SeriesRef[]> =>
  db
    .select({
      id: catalogSeries.id,
      name: catalogSeries.name,
      nameEn: catalogSeries.nameEn,
      brandName: catalogBrands.name,
      brandNameEn: catalogBrands.nameEn,
    })
    .from(catalogSeries)
    .leftJoin(
      catalogBrands,
      and(eq(catalogBrands.dealerId, catalogSeries.dealerId), eq(catalogBrands.id, catalogSeries.brandId)),
    )
    .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.active, true)))
    .orderBy(asc(catalogSeries.sort), asc(catalogSeries.id));
