import { DCC_METRICS } from '@qianke/core/reports/dcc';
import { z } from 'zod';
import { ZId } from '../common';
import {
  drilldownShape,
  exportShape,
  reportFilterShape,
  ZCompared,
  ZComparedRate,
  ZReportMeta,
} from './filter';

/**
 * The DCC report (issue 6): calls, reach rate, invitations, arrivals and invitation-to-order per agent;
 * the definitions are in core/reports/dcc.ts (rates of core/dcc/rates.ts).
 */
export const ZDccReportQuery = z.object(reportFilterShape);
export type TDccReportQuery = z.infer<typeof ZDccReportQuery>;

export const ZDccReportExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TDccReportExportQuery = z.infer<typeof ZDccReportExportQuery>;

export const ZDccReportMetric = z.enum(DCC_METRICS);
export const ZDccReportDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: ZDccReportMetric.meta({ description: '`calls`, `reached`, `invitations`, `arrived` or `ordered`' }),
  key: drilldownShape.key.meta({ description: 'One agent of the table: `agent:<id>`' }),
});
export type TDccReportDrilldownQuery = z.infer<typeof ZDccReportDrilldownQuery>;

const figures = {
  calls: z.number().int(),
  reached: z.number().int(),
  reachRate: z.number().nullable(),
  invitations: z.number().int(),
  invitationsDue: z.number().int(),
  arrived: z.number().int(),
  invitationRate: z.number().nullable().meta({ description: 'Invitations / reached calls' }),
  arrivalRate: z.number().nullable().meta({ description: 'Arrived / invitations due' }),
  ordered: z.number().int(),
  invitationToOrderRate: z.number().nullable().meta({ description: 'Ordered / invitations' }),
};

export const ZDccReportAgent = z
  .object({
    key: z.string().meta({ description: 'The drill-down key: `agent:<id>`' }),
    agent: z.object({ id: ZId, name: z.string() }),
    ...figures,
    previous: z.object(figures),
  })
  .meta({ id: 'DccReportAgent' });
export type TDccReportAgent = z.infer<typeof ZDccReportAgent>;

export const ZDccReport = z
  .object({
    meta: ZReportMeta,
    totals: z.object({
      calls: ZCompared,
      reached: ZCompared,
      reachRate: ZComparedRate,
      invitations: ZCompared,
      invitationsDue: ZCompared,
      arrived: ZCompared,
      invitationRate: ZComparedRate,
      arrivalRate: ZComparedRate,
      ordered: ZCompared,
      invitationToOrderRate: ZComparedRate,
    }),
    byAgent: z.array(ZDccReportAgent),
  })
  .meta({ id: 'DccReport' });
export type TDccReport = z.infer<typeof ZDccReport>;
