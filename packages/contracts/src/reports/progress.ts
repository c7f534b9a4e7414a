import { LEVELS } from '@qianke/core/leads/grading';
import { LEDGER_METRICS } from '@qianke/core/reports/progress-ledger';
import { z } from 'zod';
import { ZId } from '../common';
import { drilldownShape, exportShape, reportFilterShape, ZReportMeta } from './filter';

/**
 * Intention customer progress table (意向客户进度管制表, issue 6): the month of `from`, per consultant;
 * definitions in core/reports/progress-ledger.ts.
 */
export const ZProgressQuery = z.object(reportFilterShape);
export type TProgressQuery = z.infer<typeof ZProgressQuery>;

export const ZProgressExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TProgressExportQuery = z.infer<typeof ZProgressExportQuery>;

export const PROGRESS_METRICS = LEDGER_METRICS;
export type TProgressMetric = (typeof PROGRESS_METRICS)[number];

const ZLedgerLevel = z.enum(LEVELS);

export const ZProgressDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: z.enum(PROGRESS_METRICS).meta({
    description:
      '`opening` (carried in), `new`, `upgraded`, `downgraded`, `sold`, `defeated`, `carried` (rolls over)',
  }),
  key: drilldownShape.key.meta({ description: 'One consultant: their user id' }),
  level: z
    .union([ZLedgerLevel, z.literal('none')])
    .optional()
    .meta({ description: 'Only leads at this level (opening: at the start; carried: as of)' }),
});
export type TProgressDrilldownQuery = z.infer<typeof ZProgressDrilldownQuery>;

export const ZLevelCounts = z
  .object({
    O: z.number().int(),
    H: z.number().int(),
    A: z.number().int(),
    B: z.number().int(),
    C: z.number().int(),
    none: z.number().int(),
  })
  .meta({ id: 'LevelCounts', description: 'Leads by level; `none` never graded' });

export const ZLedgerSummary = z
  .object({
    opening: ZLevelCounts,
    openingTotal: z.number().int(),
    new: z.number().int(),
    upgraded: z.number().int(),
    downgraded: z.number().int(),
    sold: z.number().int(),
    defeated: z.number().int(),
    closing: ZLevelCounts,
    carried: z.number().int(),
  })
  .meta({ id: 'LedgerSummary' });
export type TLedgerSummary = z.infer<typeof ZLedgerSummary>;

export const ZLedgerRow = z
  .object({
    leadId: ZId,
    customer: z.object({ id: ZId, name: z.string(), cardNo: z.string() }),
    seriesName: z.string().nullable(),
    isNew: z.boolean(),
    levelAtStart: ZLedgerLevel.nullable(),
    levelAsOf: ZLedgerLevel.nullable(),
    changes: z.array(z.object({ at: z.iso.datetime(), from: ZLedgerLevel.nullable(), to: ZLedgerLevel })),
    result: z.enum(['sold', 'defeated']).nullable(),
    resultAt: z.iso.datetime().nullable(),
    struck: z
      .boolean()
      .meta({ description: 'Struck out at month end (sold or defeated); the rest rolls over' }),
  })
  .meta({ id: 'LedgerRow' });
export type TLedgerRow = z.infer<typeof ZLedgerRow>;

export const ZConsultantLedger = z
  .object({
    consultant: z.object({ id: ZId, name: z.string() }),
    storeId: ZId,
    summary: ZLedgerSummary,
    /** The previous month's summary. */
    previous: ZLedgerSummary,
    rows: z.array(ZLedgerRow),
  })
  .meta({ id: 'ConsultantLedger' });
export type TConsultantLedger = z.infer<typeof ZConsultantLedger>;

export const ZProgressReport = z
  .object({
    meta: ZReportMeta,
    month: z.string().meta({ description: 'YYYY-MM: the month of `from`' }),
    previousMonth: z.string(),
    asOf: z.iso.datetime().meta({ description: 'The month end, or now for the month still running' }),
    consultants: z.array(ZConsultantLedger),
    total: z.object({ current: ZLedgerSummary, previous: ZLedgerSummary }),
  })
  .meta({ id: 'ProgressReport' });
export type TProgressReport = z.infer<typeof ZProgressReport>;
