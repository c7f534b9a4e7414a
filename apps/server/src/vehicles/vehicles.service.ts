import type {
  TCatalogConfiguration,
  TCreateStockVehicle,
  TListStockQuery,
  TStockVehicle,
  TStockVehicleList,
  TUpdateStockVehicle,
} from '@qianke/contracts/vehicles';
import { DomainError, type FieldErrors } from '@qianke/core/shared/domain-error';
import { parseVin } from '@qianke/core/vehicles/vin';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import {
  findConfigurationWithColour,
  findStock,
  insertStock,
  listColours,
  listConfigurations,
  listStock,
  lockStock,
  type StockRow,
  setStockStatus,
  updateStock,
} from './vehicles.repo';

const NO_SUCH_VEHICLE = 'There is no such vehicle in the stock of this store.';

export const toStockVehicle = (row: StockRow): TStockVehicle => ({
  id: row.id,
  vin: row.vin,
  status: row.status,
  configuration: {
    id: row.configurationId,
    name: row.configurationName,
    guidePrice: row.guidePrice,
    seriesId: row.seriesId,
    seriesName: row.seriesName,
    modelName: row.modelName,
    modelYear: row.modelYear,
  },
  colour: row.colourId
    ? { id: row.colourId, name: row.colourName ?? '', surcharge: row.colourSurcharge ?? 0 }
    : null,
  listPrice: row.guidePrice + (row.colourSurcharge ?? 0),
  arrivedOn: row.arrivedOn,
  note: row.note,
  orderId: row.orderId,
  orderNo: row.orderNo,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

/** Stock vehicles by VIN (in stock, reserved, sold) and the catalog an order picks from (DOMAIN §3). */
export const createVehiclesService = ({ db, clock }: { db: Db; clock: Clock }) => {
  const list = async (ctx: AuthContext, query: TListStockQuery): Promise<TStockVehicleList> => {
    const { rows, total } = await listStock(
      db,
      ctx.dealerId,
      {
        ...(query.status ? { status: query.status } : {}),
        ...(query.seriesId ? { seriesId: query.seriesId } : {}),
        ...(query.vin ? { vin: query.vin.toUpperCase() } : {}),
      },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    );
    return { items: rows.map(toStockVehicle), total };
  };

  const get = async (ctx: AuthContext, id: string): Promise<TStockVehicle> => {
    const row = await findStock(db, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', NO_SUCH_VEHICLE);
    return toStockVehicle(row);
  };

  const catalog = async (ctx: AuthContext): Promise<TCatalogConfiguration[]> => {
    const [configurations, colours] = await Promise.all([
      listConfigurations(db, ctx.dealerId),
      listColours(db, ctx.dealerId),
    ]);
    return configurations.map((c) => ({
      id: c.id,
      name: c.name,
      guidePrice: c.guidePrice,
      brand: c.brand,
      series: { id: c.seriesId, name: c.seriesName, nameEn: c.seriesNameEn },
      model: { id: c.modelId, name: c.modelName, modelYear: c.modelYear },
      colours: colours
        .filter((colour) => colour.seriesId === c.seriesId)
        .map(({ seriesId: _, ...colour }) => colour),
    }));
  };

  const create = async (
    ctx: AuthContext,
    input: TCreateStockVehicle,
    requestId?: string,
  ): Promise<TStockVehicle> => {
    const vin = parseVin(input.vin);
    const colourId = input.colourId ?? null;
    const { configuration, colour } = await findConfigurationWithColour(
      db,
      ctx.dealerId,
      input.configurationId,
      colourId,
    );
    const fields: FieldErrors = {};
    if (!configuration) fields.configurationId = "Choose a configuration of the store's catalog.";
    else if (colour === undefined) fields.colourId = 'Choose a colour of this series.';
    const first = Object.values(fields)[0];
    if (first) throw new DomainError('validation_failed', first, { fields });
    try {
      const id = await db.transaction(async (tx) => {
        const row = {
          dealerId: ctx.dealerId,
          vin,
          configurationId: input.configurationId,
          colourId,
          arrivedOn: input.arrivedOn ?? null,
          note: input.note?.trim() || null,
          createdAt: clock.now(),
        };
        const stockId = await insertStock(tx, row);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'stock_vehicle.create',
          entity: 'stock_vehicle',
          entityId: stockId,
          after: { vin, configurationId: row.configurationId, colourId, arrivedOn: row.arrivedOn },
          requestId,
        });
        return stockId;
      });
      return get(ctx, id);
    } catch (error) {
      if (uniqueViolationOf(error) === 'stock_vehicles_vin_key') {
        const message = `The store already has a vehicle with VIN ${vin}.`;
        throw new DomainError('conflict', message, { fields: { vin: message } });
      }
      throw error;
    }
  };

  const update = async (
    ctx: AuthContext,
    id: string,
    input: TUpdateStockVehicle,
    requestId?: string,
  ): Promise<TStockVehicle> => {
    await db.transaction(async (tx) => {
      const before = await findStock(tx, ctx.dealerId, id);
      if (!before) throw new DomainError('not_found', NO_SUCH_VEHICLE);
      if (before.status !== 'in_stock') {
        throw new DomainError(
          'conflict',
          `This vehicle is ${before.status === 'sold' ? 'sold' : `reserved by order ${before.orderNo ?? ''}`.trim()}; only a vehicle in stock is changed here.`,
        );
      }
      const { version, ...rest } = input;
      const patch: { note?: string | null; arrivedOn?: string | null; colourId?: string | null } = {};
      if (rest.note !== undefined) patch.note = rest.note?.trim() || null;
      if (rest.arrivedOn !== undefined) patch.arrivedOn = rest.arrivedOn;
      if (rest.colourId !== undefined) {
        if (rest.colourId) {
          const { colour } = await findConfigurationWithColour(
            tx,
            ctx.dealerId,
            before.configurationId,
            rest.colourId,
          );
          if (!colour) {
            const message = 'Choose a colour of this series.';
            throw new DomainError('validation_failed', message, { fields: { colourId: message } });
          }
        }
        patch.colourId = rest.colourId;
      }
      if (!(await updateStock(tx, ctx.dealerId, id, version, patch))) {
        throw new DomainError(
          'stale_version',
          'Someone else changed this vehicle in the meantime. Reload and try again.',
        );
      }
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'stock_vehicle.update',
        entity: 'stock_vehicle',
        entityId: id,
        before: { note: before.note, arrivedOn: before.arrivedOn, colourId: before.colourId },
        after: patch,
        requestId,
      });
    });
    return get(ctx, id);
  };

  return { list, get, catalog, create, update };
};

export type VehiclesService = ReturnType<typeof createVehiclesService>;

/** For orders, inside their transaction: a stock car's row locked, so two orders of one car queue up. */
export const lockStockVehicle = lockStock;
/** For orders: reserve, sell or put back a car. */
export const setStockVehicleStatus = setStockStatus;
/** For orders: a configuration of the store and a colour of its series. */
export const findCatalogPick = findConfigurationWithColour;
