import { localDateKey } from '@qianke/core/shared/local-time';
import { vinCheckDigit } from '@qianke/core/vehicles/vin';
import type { Executor } from '../infra/db/database';
import {
  insertHeldStock,
  insertStock,
  listColours,
  listConfigurations,
  ordersWithLooseVin,
} from './vehicles.repo';

const DAY = 86_400_000;
const TIME_ZONE = 'Asia/Shanghai';

/** A VIN of the demo's yard (BYD WMI LGX, model year 2026 = T) with its check digit; no randomness. */
export const demoStockVin = (store: number, n: number): string => {
  const draft = `LGXC${store === 0 ? 'E4' : 'H4'}CB0T${String(700_000 + n * 37).padStart(7, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
};

/** How many cars each demo store has in its yard. */
const IN_STOCK = [20, 5] as const;

/**
 * The demo's stock: 20 cars in the yard of store 1 and 5 in store 2, spread over the catalog, arrived
 * over the last weeks; and the cars of the demo's orders that name a VIN, held by them (reserved for
 * a confirmed order, sold for a delivered one).
 */
export const loadDemoStock = async (
  tx: Executor,
  input: { storeIds: readonly string[]; now: Date },
): Promise<void> => {
  for (const [store, dealerId] of input.storeIds.entries()) {
    const [configurations, colours] = await Promise.all([
      listConfigurations(tx, dealerId),
      listColours(tx, dealerId),
    ]);
    if (configurations.length === 0) continue;
    const count = IN_STOCK[store] ?? 0;
    for (let n = 0; n < count; n++) {
      const configuration = configurations[(n * 7) % configurations.length];
      if (!configuration) continue;
      const ofSeries = colours.filter((c) => c.seriesId === configuration.seriesId);
      const colour = ofSeries.length > 0 ? ofSeries[n % ofSeries.length] : undefined;
      await insertStock(tx, {
        dealerId,
        vin: demoStockVin(store, n),
        configurationId: configuration.id,
        colourId: colour?.id ?? null,
        arrivedOn: localDateKey(new Date(input.now.getTime() - (2 + ((n * 5) % 40)) * DAY), TIME_ZONE),
        note: n % 6 === 0 ? '展厅展车' : null,
        createdAt: input.now,
      });
    }
    for (const order of await ordersWithLooseVin(tx, dealerId)) {
      if (!order.vin || !order.configurationId) continue;
      await insertHeldStock(tx, {
        dealerId,
        orderId: order.id,
        vin: order.vin,
        configurationId: order.configurationId,
        colourId: order.colourId,
        status: order.status === 'delivered' ? 'sold' : 'reserved',
        arrivedOn: localDateKey(new Date(order.orderedAt.getTime() - 3 * DAY), TIME_ZONE),
        createdAt: order.orderedAt,
      });
    }
  }
};
