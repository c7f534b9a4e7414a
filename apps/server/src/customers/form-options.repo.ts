import { OWNER_ROLES } from '@qianke/core/customers/ownership';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { catalogColours, catalogModels, catalogSeries, userRoles, users } from '../infra/db/schema/index';

/** The store's active catalog, series in their order with their models and colours. */
export const catalogOptions = async (db: Executor, dealerId: string) => {
  const [series, models, colours] = await Promise.all([
    db
      .select({ id: catalogSeries.id, name: catalogSeries.name, nameEn: catalogSeries.nameEn })
      .from(catalogSeries)
      .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.active, true)))
      .orderBy(asc(catalogSeries.sort), asc(catalogSeries.name)),
    db
      .select({
        id: catalogModels.id,
        seriesId: catalogModels.seriesId,
        name: catalogModels.name,
        modelYear: catalogModels.modelYear,
      })
      .from(catalogModels)
      .where(and(eq(catalogModels.dealerId, dealerId), eq(catalogModels.active, true)))
      .orderBy(asc(catalogModels.name), asc(catalogModels.modelYear)),
    db
      .select({
        id: catalogColours.id,
        seriesId: catalogColours.seriesId,
        name: catalogColours.name,
        nameEn: catalogColours.nameEn,
        hex: catalogColours.hex,
      })
      .from(catalogColours)
      .where(eq(catalogColours.dealerId, dealerId))
      .orderBy(asc(catalogColours.name)),
  ]);
  return series.map((s) => ({
    ...s,
    models: models.filter((m) => m.seriesId === s.id).map(({ seriesId: _, ...m }) => m),
    colours: colours.filter((c) => c.seriesId === s.id).map(({ seriesId: _, ...c }) => c),
  }));
};

/** Active staff of the store who may own customers (core/customers/ownership.ts), by name. */
export const ownerOptions = (db: Executor, dealerId: string) =>
  db
    .select({
      id: users.id,
      name: users.displayName,
      consultantCode: users.consultantCode,
      roles: sql<
        string[]
      >`array(select r.role from ${userRoles} r where r.dealer_id = "users"."dealer_id" and r.user_id = "users"."id" order by r.role)`,
    })
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = "users"."dealer_id" and r.user_id = "users"."id"
          and r.role in (${sql.join(
            OWNER_ROLES.map((role) => sql`${role}`),
            sql`, `,
          )}))`,
      ),
    )
    .orderBy(sql`${users.consultantCode} asc nulls last`, asc(users.displayName));
