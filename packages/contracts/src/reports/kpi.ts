import { COUNT_METRICS, KPI_METRICS } from '@qianke/core/reports/kpi';
import { z } from 'zod';
import { ZId } from '../common';
import { drilldownShape, exportShape, reportFilterShape, ZReportMeta } from './filter';

/**
 * KPI dashboard (issue 6): the month of `from` per store and consultant against the monthly targets the
 * sales manager sets; definitions in core/reports/kpi.ts.
 */
export const ZKpiMetric = z.enum(KPI_METRICS);
export type TKpiMetric = z.infer<typeof ZKpiMetric>;

export const ZKpiQuery = z.object(reportFilterShape);
export type TKpiQuery = z.infer<typeof ZKpiQuery>;

export const ZKpiExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TKpiExportQuery = z.infer<typeof ZKpiExportQuery>;

export const ZKpiDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: z
    .enum(COUNT_METRICS)
    .meta({ description: '`leads`, `visits`, `test_drives`, `orders`, `deliveries`' }),
  key: drilldownShape.key.meta({ description: 'One consultant: their user id' }),
});
export type TKpiDrilldownQuery = z.infer<typeof ZKpiDrilldownQuery>;

export const ZKpiFigure = z
  .object({
    metric: ZKpiMetric,
    actual: z
      .number()
      .nullable()
      .meta({ description: 'A count, or a rate in [0, 1] (null: nothing to divide by)' }),
    previous: z.number().nullable().meta({ description: "The previous month's actual" }),
    ratio: z.object({ part: z.number().int(), whole: z.number().int() }).nullable(),
    target: z.number().nullable(),
    attainment: z.number().nullable().meta({ description: 'actual / target; null without a target' }),
  })
  .meta({ id: 'KpiFigure' });
export type TKpiFigure = z.infer<typeof ZKpiFigure>;

export const ZKpiReport = z
  .object({
    meta: ZReportMeta,
    month: z.string().meta({ description: 'YYYY-MM: the month of `from`' }),
    previousMonth: z.string(),
    stores: z
      .array(z.object({ store: z.object({ id: ZId, name: z.string() }), figures: z.array(ZKpiFigure) }))
      .meta({
        description: 'The store; the stores side by side for a group roll-up; empty for own figures only',
      }),
    rollUp: z
      .array(ZKpiFigure)
      .nullable()
      .meta({ description: 'The group added up (several stores only): counts added, rate targets averaged' }),
    consultants: z.array(
      z.object({
        consultant: z.object({ id: ZId, name: z.string() }),
        storeId: ZId,
        figures: z.array(ZKpiFigure),
      }),
    ),
  })
  .meta({ id: 'KpiReport' });
export type TKpiReport = z.infer<typeof ZKpiReport>;

// Targets (kpi_targets.manage)
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const ZKpiMonth = z.string().regex(MONTH, { message: 'Choose a month (YYYY-MM).' });

export const ZKpiTargetsQuery = z.object({ month: ZKpiMonth });
export type TKpiTargetsQuery = z.infer<typeof ZKpiTargetsQuery>;

export const ZKpiTargetValue = z.object({
  consultantId: ZId.nullable().meta({ description: 'Null: the whole store' }),
  metric: ZKpiMetric,
  target: z
    .number()
    .nullable()
    .meta({ description: 'A whole count, or a rate in [0, 1]; null removes the target' }),
});
export type TKpiTargetValue = z.infer<typeof ZKpiTargetValue>;

export const ZSetKpiTargets = z.object({
  month: ZKpiMonth,
  targets: z.array(ZKpiTargetValue).min(1).max(500),
});
export type TSetKpiTargets = z.infer<typeof ZSetKpiTargets>;

export const ZKpiTargets = z
  .object({
    month: z.string(),
    consultants: z.array(z.object({ id: ZId, name: z.string() })),
    targets: z.array(z.object({ consultantId: ZId.nullable(), metric: ZKpiMetric, target: z.number() })),
  })
  .meta({ id: 'KpiTargets' });
export type TKpiTargets = z.infer<typeof ZKpiTargets>;
