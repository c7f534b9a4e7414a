import { DEFEAT_METRICS } from '@qianke/core/reports/defeats';
import { z } from 'zod';
import { ZId } from '../common';
import { drilldownShape, exportShape, reportFilterShape, ZCompared, ZReportMeta } from './filter';

/**
 * Defeat statistics and analysis (issue 6): confirmed defeats by reason, competitor, consultant and
 * series, rejected requests apart, approval time; the definitions are in core/reports/defeats.ts.
 */
export const ZDefeatsQuery = z.object(reportFilterShape);
export type TDefeatsQuery = z.infer<typeof ZDefeatsQuery>;

export const ZDefeatsExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TDefeatsExportQuery = z.infer<typeof ZDefeatsExportQuery>;

export const ZDefeatMetric = z.enum(DEFEAT_METRICS);
export const ZDefeatsDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: ZDefeatMetric.meta({
    description: '`confirmed`, `rejected`, `pending` (asked in the period, undecided) or `decided`',
  }),
  key: drilldownShape.key.meta({
    description:
      'One row of a breakdown: `reason:<id>`, `competitor:<brand|model>`, `consultant:<id>`, `series:<id>`, `manager:<id>` (`none` for the row without one)',
  }),
});
export type TDefeatsDrilldownQuery = z.infer<typeof ZDefeatsDrilldownQuery>;

const ZHours = z
  .object({ current: z.number().nullable(), previous: z.number().nullable() })
  .meta({ description: 'Hours; null when nothing was decided' });

export const ZDefeatGroup = z
  .object({
    key: z
      .string()
      .meta({ description: 'The drill-down key of the row, e.g. `reason:<id>` or `series:none`' }),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    confirmed: ZCompared,
    rejected: z.number().int(),
    share: z.number().nullable().meta({ description: "The row's share of the period's confirmed defeats" }),
  })
  .meta({ id: 'DefeatGroup' });
export type TDefeatGroup = z.infer<typeof ZDefeatGroup>;

export const ZManagerApproval = z
  .object({
    key: z.string(),
    manager: z.object({ id: ZId, name: z.string() }),
    decided: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    medianApprovalHours: z.number().nullable(),
    averageApprovalHours: z.number().nullable(),
  })
  .meta({ id: 'DefeatManagerApproval' });
export type TManagerApproval = z.infer<typeof ZManagerApproval>;

export const ZDefeatsReport = z
  .object({
    meta: ZReportMeta,
    totals: z.object({
      confirmed: ZCompared,
      rejected: ZCompared,
      pending: ZCompared,
      decided: ZCompared,
      medianApprovalHours: ZHours,
      averageApprovalHours: ZHours,
    }),
    byReason: z.array(ZDefeatGroup),
    byCompetitor: z.array(ZDefeatGroup),
    byConsultant: z.array(ZDefeatGroup),
    bySeries: z.array(ZDefeatGroup),
    approvalByManager: z.array(ZManagerApproval),
  })
  .meta({ id: 'DefeatsReport' });
export type TDefeatsReport = z.infer<typeof ZDefeatsReport>;
