import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common';

/** Stock vehicles by VIN (DOMAIN §3 order) and the catalog to pick them from. */
export const STOCK_STATUSES = ['in_stock', 'reserved', 'sold'] as const;
export const ZStockStatus = z.enum(STOCK_STATUSES, { message: 'Choose in stock, reserved or sold.' });

/** What a person types or scans; the server trims, upper-cases and checks it (core/vehicles/vin.ts). */
export const ZVinInput = z
  .string()
  .trim()
  .min(1, { message: 'Enter the VIN.' })
  .max(30, { message: 'A VIN has 17 characters.' })
  .meta({ description: '17 characters, check digit at position 9 (ISO 3779 / GB 16735)' });

const note = z.string().trim().max(200, { message: 'Use at most 200 characters.' });

export const ZCatalogConfiguration = z
  .object({
    id: ZId,
    name: z.string(),
    guidePrice: z.number(),
    brand: z.string(),
    series: z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() }),
    model: z.object({ id: ZId, name: z.string(), modelYear: z.number().int() }),
    colours: z.array(
      z.object({
        id: ZId,
        name: z.string(),
        nameEn: z.string().nullable(),
        hex: z.string().nullable(),
        surcharge: z.number(),
      }),
    ),
  })
  .meta({ id: 'CatalogConfiguration' });
export type TCatalogConfiguration = z.infer<typeof ZCatalogConfiguration>;

export const ZCatalogConfigurationList = z
  .object({ items: z.array(ZCatalogConfiguration) })
  .meta({ id: 'CatalogConfigurationList' });

export const ZStockVehicle = z
  .object({
    id: ZId,
    vin: z.string(),
    status: ZStockStatus,
    configuration: z.object({
      id: ZId,
      name: z.string(),
      guidePrice: z.number(),
      seriesId: ZId,
      seriesName: z.string(),
      modelName: z.string(),
      modelYear: z.number().int(),
    }),
    colour: z.object({ id: ZId, name: z.string(), surcharge: z.number() }).nullable(),
    /** Guide price plus the colour's surcharge: what an order starts from. */
    listPrice: z.number(),
    arrivedOn: z.iso.date().nullable(),
    note: z.string().nullable(),
    /** The live order holding the car, if any. */
    orderId: ZId.nullable(),
    orderNo: z.string().nullable(),
    createdAt: z.iso.datetime(),
    version: ZVersion,
  })
  .meta({ id: 'StockVehicle' });
export type TStockVehicle = z.infer<typeof ZStockVehicle>;

export const ZListStockQuery = ZPageQuery.extend({
  status: ZStockStatus.optional(),
  seriesId: ZId.optional(),
  vin: z.string().trim().max(17).optional().meta({ description: 'Part of the VIN, e.g. its last 6' }),
});
export type TListStockQuery = z.infer<typeof ZListStockQuery>;

export const ZStockVehicleList = z
  .object({ items: z.array(ZStockVehicle), total: z.number().int() })
  .meta({ id: 'StockVehicleList' });
export type TStockVehicleList = z.infer<typeof ZStockVehicleList>;

export const ZCreateStockVehicle = z.object({
  vin: ZVinInput,
  configurationId: ZId,
  colourId: ZId.nullish(),
  arrivedOn: z.iso.date({ message: 'Use a date such as 2026-11-25.' }).nullish(),
  note: note.nullish(),
});
export type TCreateStockVehicle = z.infer<typeof ZCreateStockVehicle>;

export const ZUpdateStockVehicle = z.object({
  version: ZVersion,
  /** Only a car in stock is changed here; reserving and selling go through orders. */
  note: note.nullish(),
  arrivedOn: z.iso.date({ message: 'Use a date such as 2026-11-25.' }).nullish(),
  colourId: ZId.nullish(),
});
export type TUpdateStockVehicle = z.infer<typeof ZUpdateStockVehicle>;
