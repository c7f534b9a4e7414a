import { ACTIVITY_KINDS } from '@qianke/core/reports/daily-activity';
import { z } from 'zod';
import { ZId } from '../common';
import { drilldownShape, exportShape, reportFilterShape, ZReportMeta } from './filter';

/**
 * Consultant daily activity report (销售人员活动日报表, issue 6): the days `from`..`to` (one day for the
 * daily sheet), per consultant; definitions in core/reports/daily-activity.ts.
 */
export const ZDailyActivityQuery = z.object(reportFilterShape);
export type TDailyActivityQuery = z.infer<typeof ZDailyActivityQuery>;

export const ZDailyActivityExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TDailyActivityExportQuery = z.infer<typeof ZDailyActivityExportQuery>;

export const ZActivityKind = z.enum(ACTIVITY_KINDS);
export type TActivityKind = z.infer<typeof ZActivityKind>;

export const ZDailyActivityDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: ZActivityKind.meta({
    description: '`new_prospect`, `visit`, `call`, `invitation`, `arrival`, `test_drive`, `order`, `defeat`',
  }),
  key: drilldownShape.key.meta({ description: 'One consultant: their user id' }),
});
export type TDailyActivityDrilldownQuery = z.infer<typeof ZDailyActivityDrilldownQuery>;

export const ZActivityCounts = z
  .object(
    Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, z.number().int()])) as Record<
      (typeof ACTIVITY_KINDS)[number],
      z.ZodNumber
    >,
  )
  .meta({ id: 'ActivityCounts' });
export type TActivityCounts = z.infer<typeof ZActivityCounts>;

export const ZDailyActivityRow = z
  .object({
    consultant: z.object({ id: ZId, name: z.string() }),
    storeId: ZId,
    current: ZActivityCounts,
    previous: ZActivityCounts,
    total: z.object({ current: z.number().int(), previous: z.number().int() }),
  })
  .meta({ id: 'DailyActivityRow' });
export type TDailyActivityRow = z.infer<typeof ZDailyActivityRow>;

export const ZDailyActivityReport = z
  .object({
    meta: ZReportMeta,
    rows: z.array(ZDailyActivityRow),
    total: z.object({ current: ZActivityCounts, previous: ZActivityCounts }),
  })
  .meta({ id: 'DailyActivityReport' });
export type TDailyActivityReport = z.infer<typeof ZDailyActivityReport>;
