import { and, asc, count, desc, eq, ilike, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  catalogBrands,
  catalogColours,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  orders,
  stockVehicles,
} from '../infra/db/schema/index';

/** The SQL of stock vehicles and the catalog they come from. */

export type StockStatus = 'in_stock' | 'reserved' | 'sold';

const stockColumns = {
  id: stockVehicles.id,
  vin: stockVehicles.vin,
  status: stockVehicles.status,
  configurationId: stockVehicles.configurationId,
  configurationName: catalogConfigurations.name,
  guidePrice: catalogConfigurations.guidePrice,
  seriesId: catalogSeries.id,
  seriesName: catalogSeries.name,
  modelName: catalogModels.name,
  modelYear: catalogModels.modelYear,
  colourId: stockVehicles.colourId,
  colourName: catalogColours.name,
  colourSurcharge: catalogColours.surcharge,
  arrivedOn: stockVehicles.arrivedOn,
  note: stockVehicles.note,
  orderId: sql<string | null>`(select o.id from ${orders} o where o.dealer_id = ${stockVehicles.dealerId}
    and o.stock_vehicle_id = ${stockVehicles.id} and o.status <> 'cancelled' limit 1)`,
  orderNo: sql<
    string | null
  >`(select o.order_no from ${orders} o where o.dealer_id = ${stockVehicles.dealerId}
    and o.stock_vehicle_id = ${stockVehicles.id} and o.status <> 'cancelled' limit 1)`,
  createdAt: stockVehicles.createdAt,
  version: stockVehicles.version,
};

export type StockRow = {
  id: string;
  vin: string;
  status: StockStatus;
  configurationId: string;
  configurationName: string;
  guidePrice: number;
  seriesId: string;
  seriesName: string;
  modelName: string;
  modelYear: number;
  colourId: string | null;
  colourName: string | null;
  colourSurcharge: number | null;
  arrivedOn: string | null;
  note: string | null;
  orderId: string | null;
  orderNo: string | null;
  createdAt: Date;
  version: number;
};

const stockQuery = (db: Executor) =>
  db
    .select(stockColumns)
    .from(stockVehicles)
    .innerJoin(
      catalogConfigurations,
      and(
        eq(catalogConfigurations.dealerId, stockVehicles.dealerId),
        eq(catalogConfigurations.id, stockVehicles.configurationId),
      ),
    )
    .innerJoin(
      catalogModels,
      and(
        eq(catalogModels.dealerId, stockVehicles.dealerId),
        eq(catalogModels.id, catalogConfigurations.modelId),
      ),
    )
    .innerJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, stockVehicles.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .leftJoin(
      catalogColours,
      and(eq(catalogColours.dealerId, stockVehicles.dealerId), eq(catalogColours.id, stockVehicles.colourId)),
    );

export type StockFilter = { status?: StockStatus; seriesId?: string; vin?: string };

const stockWhere = (dealerId: string, filter: StockFilter) =>
  and(
    eq(stockVehicles.dealerId, dealerId),
    filter.status ? eq(stockVehicles.status, filter.status) : undefined,
    filter.seriesId ? eq(catalogSeries.id, filter.seriesId) : undefined,
    filter.vin ? ilike(stockVehicles.vin, `%${filter.vin.replace(/[%_\\]/g, '')}%`) : undefined,
  );

export const listStock = async (
  db: Executor,
  dealerId: string,
  filter: StockFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: StockRow[]; total: number }> => {
  const where = stockWhere(dealerId, filter);
  const [rows, totals] = await Promise.all([
    stockQuery(db)
      .where(where)
      .orderBy(asc(stockVehicles.status), desc(stockVehicles.arrivedOn), asc(stockVehicles.vin))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(stockVehicles)
      .innerJoin(
        catalogConfigurations,
        and(
          eq(catalogConfigurations.dealerId, stockVehicles.dealerId),
          eq(catalogConfigurations.id, stockVehicles.configurationId),
        ),
      )
      .innerJoin(
        catalogModels,
        and(
          eq(catalogModels.dealerId, stockVehicles.dealerId),
          eq(catalogModels.id, catalogConfigurations.modelId),
        ),
      )
      .innerJoin(
        catalogSeries,
        and(eq(catalogSeries.dealerId, stockVehicles.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
      )
      .where(where),
  ]);
  return { rows: rows as StockRow[], total: totals[0]?.n ?? 0 };
};

export const findStock = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<StockRow | undefined> => {
  const [row] = await stockQuery(db)
    .where(and(eq(stockVehicles.dealerId, dealerId), eq(stockVehicles.id, id)))
    .limit(1);
  return row as StockRow | undefined;
};

/** Locks a stock vehicle's row for the transaction: two orders of one car queue up here. */
export const lockStock = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<
  | { id: string; vin: string; status: StockStatus; configurationId: string; colourId: string | null }
  | undefined
> => {
  const [row] = await db
    .select({
      id: stockVehicles.id,
      vin: stockVehicles.vin,
      status: stockVehicles.status,
      configurationId: stockVehicles.configurationId,
      colourId: stockVehicles.colourId,
    })
    .from(stockVehicles)
    .where(and(eq(stockVehicles.dealerId, dealerId), eq(stockVehicles.id, id)))
    .for('update');
  return row;
};

export const insertStock = async (
  db: Executor,
  row: {
    dealerId: string;
    vin: string;
    configurationId: string;
    colourId: string | null;
    arrivedOn: string | null;
    note: string | null;
    createdAt: Date;
  },
): Promise<string> => {
  const [inserted] = await db
    .insert(stockVehicles)
    .values({ ...row, status: 'in_stock', updatedAt: row.createdAt })
    .returning({ id: stockVehicles.id });
  if (!inserted) throw new Error('insert into stock_vehicles returned no row');
  return inserted.id;
};

/** Changes an in-stock car's note, colour or arrival day, if nobody changed it since `version`. */
export const updateStock = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: { note?: string | null; arrivedOn?: string | null; colourId?: string | null },
): Promise<boolean> => {
  const rows = await db
    .update(stockVehicles)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${stockVehicles.version} + 1` })
    .where(
      and(eq(stockVehicles.dealerId, dealerId), eq(stockVehicles.id, id), eq(stockVehicles.version, version)),
    )
    .returning({ id: stockVehicles.id });
  return rows.length > 0;
};

/** Sets the status a live order gives the car (reserved, sold) or takes back (in_stock). */
export const setStockStatus = async (
  db: Executor,
  dealerId: string,
  id: string,
  status: StockStatus,
): Promise<void> => {
  await db
    .update(stockVehicles)
    .set({ status, updatedAt: sql`now()`, version: sql`${stockVehicles.version} + 1` })
    .where(
      and(eq(stockVehicles.dealerId, dealerId), eq(stockVehicles.id, id), ne(stockVehicles.status, status)),
    );
};

export type ConfigurationRow = {
  id: string;
  name: string;
  guidePrice: number;
  brand: string;
  seriesId: string;
  seriesName: string;
  seriesNameEn: string | null;
  modelId: string;
  modelName: string;
  modelYear: number;
};

/** The store's active configurations with their series, model and brand, in the catalog's order. */
export const listConfigurations = async (
  db: Executor,
  dealerId: string,
  ids?: readonly string[],
): Promise<ConfigurationRow[]> =>
  db
    .select({
      id: catalogConfigurations.id,
      name: catalogConfigurations.name,
      guidePrice: catalogConfigurations.guidePrice,
      brand: catalogBrands.name,
      seriesId: catalogSeries.id,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      modelId: catalogModels.id,
      modelName: catalogModels.name,
      modelYear: catalogModels.modelYear,
    })
    .from(catalogConfigurations)
    .innerJoin(
      catalogModels,
      and(
        eq(catalogModels.dealerId, catalogConfigurations.dealerId),
        eq(catalogModels.id, catalogConfigurations.modelId),
      ),
    )
    .innerJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, catalogModels.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .innerJoin(
      catalogBrands,
      and(eq(catalogBrands.dealerId, catalogSeries.dealerId), eq(catalogBrands.id, catalogSeries.brandId)),
    )
    .where(
      and(
        eq(catalogConfigurations.dealerId, dealerId),
        ids ? inArray(catalogConfigurations.id, [...ids]) : eq(catalogConfigurations.active, true),
      ),
    )
    .orderBy(
      asc(catalogBrands.sort),
      asc(catalogSeries.sort),
      asc(catalogModels.name),
      desc(catalogModels.modelYear),
      asc(catalogConfigurations.guidePrice),
    );

export type ColourRow = {
  id: string;
  seriesId: string;
  name: string;
  nameEn: string | null;
  hex: string | null;
  surcharge: number;
};

export const listColours = async (db: Executor, dealerId: string): Promise<ColourRow[]> =>
  db
    .select({
      id: catalogColours.id,
      seriesId: catalogColours.seriesId,
      name: catalogColours.name,
      nameEn: catalogColours.nameEn,
      hex: catalogColours.hex,
      surcharge: catalogColours.surcharge,
    })
    .from(catalogColours)
    .where(eq(catalogColours.dealerId, dealerId))
    .orderBy(asc(catalogColours.name));

/** A configuration of the store and, when given, a colour of its series; undefined when either is not. */
export const findConfigurationWithColour = async (
  db: Executor,
  dealerId: string,
  configurationId: string,
  colourId: string | null,
): Promise<{ configuration?: ConfigurationRow; colour?: ColourRow | null }> => {
  const [configuration] = await listConfigurations(db, dealerId, [configurationId]);
  if (!configuration) return {};
  if (!colourId) return { configuration, colour: null };
  const [colour] = await db
    .select({
      id: catalogColours.id,
      seriesId: catalogColours.seriesId,
      name: catalogColours.name,
      nameEn: catalogColours.nameEn,
      hex: catalogColours.hex,
      surcharge: catalogColours.surcharge,
    })
    .from(catalogColours)
    .where(
      and(
        eq(catalogColours.dealerId, dealerId),
        eq(catalogColours.id, colourId),
        eq(catalogColours.seriesId, configuration.seriesId),
      ),
    );
  return { configuration, colour: colour ?? undefined };
};

/** The demo: orders that name a VIN but hold no stock vehicle yet. */
export const ordersWithLooseVin = async (db: Executor, dealerId: string) =>
  db
    .select({
      id: orders.id,
      vin: orders.vin,
      status: orders.status,
      configurationId: orders.configurationId,
      colourId: orders.colourId,
      orderedAt: orders.orderedAt,
    })
    .from(orders)
    .where(
      and(
        eq(orders.dealerId, dealerId),
        sql`${orders.vin} is not null`,
        sql`${orders.stockVehicleId} is null`,
        sql`${orders.configurationId} is not null`,
        inArray(orders.status, ['confirmed', 'delivered']),
      ),
    )
    .orderBy(asc(orders.orderedAt));

/** The demo: a stock vehicle for an order's VIN, held by that order. */
export const insertHeldStock = async (
  db: Executor,
  row: {
    dealerId: string;
    orderId: string;
    vin: string;
    configurationId: string;
    colourId: string | null;
    status: StockStatus;
    arrivedOn: string;
    createdAt: Date;
  },
): Promise<void> => {
  const { orderId, ...stock } = row;
  const [inserted] = await db
    .insert(stockVehicles)
    .values({ ...stock, updatedAt: row.createdAt })
    .onConflictDoNothing()
    .returning({ id: stockVehicles.id });
  if (!inserted) return;
  await db
    .update(orders)
    .set({ stockVehicleId: inserted.id })
    .where(and(eq(orders.dealerId, row.dealerId), eq(orders.id, orderId)));
};
