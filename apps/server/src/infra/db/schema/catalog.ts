import {
  boolean,
  foreignKey,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { dealers } from './accounts';
import { tenantColumns } from './columns';

/** The vehicle catalog a store sells: brand -> series -> model -> configuration, with colours and prices. */
export const catalogBrands = pgTable(
  'catalog_brands',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('catalog_brands_name_key').on(t.dealerId, t.name),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

export const catalogSeries = pgTable(
  'catalog_series',
  {
    ...tenantColumns(),
    brandId: uuid('brand_id').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** sedan, suv, mpv... */
    bodyType: text('body_type'),
    energy: text('energy').$type<'ice' | 'phev' | 'bev' | 'hev'>(),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('catalog_series_name_key').on(t.dealerId, t.brandId, t.name),
    foreignKey({
      columns: [t.dealerId, t.brandId],
      foreignColumns: [catalogBrands.dealerId, catalogBrands.id],
    }),
  ],
);

export const catalogModels = pgTable(
  'catalog_models',
  {
    ...tenantColumns(),
    seriesId: uuid('series_id').notNull(),
    name: text('name').notNull(),
    modelYear: integer('model_year').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('catalog_models_name_key').on(t.dealerId, t.seriesId, t.name, t.modelYear),
    foreignKey({
      columns: [t.dealerId, t.seriesId],
      foreignColumns: [catalogSeries.dealerId, catalogSeries.id],
    }),
  ],
);

export const catalogConfigurations = pgTable(
  'catalog_configurations',
  {
    ...tenantColumns(),
    modelId: uuid('model_id').notNull(),
    name: text('name').notNull(),
    /** Manufacturer's guide price (指导价) in yuan. */
    guidePrice: numeric('guide_price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('catalog_configurations_name_key').on(t.dealerId, t.modelId, t.name),
    foreignKey({
      columns: [t.dealerId, t.modelId],
      foreignColumns: [catalogModels.dealerId, catalogModels.id],
    }),
  ],
);

export const catalogColours = pgTable(
  'catalog_colours',
  {
    ...tenantColumns(),
    seriesId: uuid('series_id').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    hex: text('hex'),
    /** Surcharge over the guide price in yuan (premium paint). */
    surcharge: numeric('surcharge', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('catalog_colours_name_key').on(t.dealerId, t.seriesId, t.name),
    foreignKey({
      columns: [t.dealerId, t.seriesId],
      foreignColumns: [catalogSeries.dealerId, catalogSeries.id],
    }),
  ],
);
