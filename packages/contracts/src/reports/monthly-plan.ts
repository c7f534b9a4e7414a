import { z } from 'zod';
import { ZId } from '../common';
import { exportShape, reportFilterShape, ZReportMeta } from './filter';
import { ZKpiFigure } from './kpi';
import { ZLevelCounts } from './progress';

/**
 * Monthly sales activity plan (月度销售活动计划表, issue 6): the month of `from`; prospects by level at
 * month end, targets and attainment per consultant and for the store (core/reports/monthly-plan.ts).
 */
export const ZMonthlyPlanQuery = z.object(reportFilterShape);
export type TMonthlyPlanQuery = z.infer<typeof ZMonthlyPlanQuery>;

export const ZMonthlyPlanExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TMonthlyPlanExportQuery = z.infer<typeof ZMonthlyPlanExportQuery>;

export const ZPlanLine = z
  .object({
    consultant: z.object({ id: ZId, name: z.string() }).nullable().meta({ description: 'Null: the store' }),
    storeId: ZId.nullable(),
    prospects: ZLevelCounts,
    carried: z.number().int(),
    new: z.number().int(),
    sold: z.number().int(),
    defeated: z.number().int(),
    figures: z.array(ZKpiFigure),
  })
  .meta({ id: 'PlanLine' });
export type TPlanLine = z.infer<typeof ZPlanLine>;

export const ZMonthlyPlan = z
  .object({
    meta: ZReportMeta,
    month: z.string(),
    asOf: z.iso.datetime(),
    lines: z.array(ZPlanLine),
    /** The store line (null for own figures only). */
    store: ZPlanLine.nullable(),
  })
  .meta({ id: 'MonthlyPlan' });
export type TMonthlyPlan = z.infer<typeof ZMonthlyPlan>;
