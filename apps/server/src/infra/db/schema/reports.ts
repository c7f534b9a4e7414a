import { foreignKey, index, numeric, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { dealers, users } from './accounts';
import { tenantColumns } from './columns';

/**
 * Monthly KPI targets (issue 6) the sales manager sets: for the whole store (`consultant_id` null) or one
 * consultant, per metric (core/reports/kpi.ts KPI_METRICS): a count, or a rate in [0, 1].
 */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    ...tenantColumns(),
    /** `YYYY-MM`, the store's calendar month. */
    month: text('month').notNull(),
    consultantId: uuid('consultant_id'),
    metric: text('metric').notNull(),
    target: numeric('target', { precision: 12, scale: 4, mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    // One target per store, month, consultant (or the store itself) and metric.
    unique('kpi_targets_key').on(t.dealerId, t.month, t.consultantId, t.metric).nullsNotDistinct(),
    index('kpi_targets_month_idx').on(t.dealerId, t.month),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
    foreignKey({ columns: [t.dealerId, t.consultantId], foreignColumns: [users.dealerId, users.id] }),
  ],
);
