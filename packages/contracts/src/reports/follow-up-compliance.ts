import { COMPLIANCE_METRICS } from '@qianke/core/reports/follow-up-compliance';
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
 * Follow-up compliance (issue 6): 24 h call-back rate, on-time follow-up rate, overdue tasks by user
 * now, first response time of portal leads; the definitions are in core/reports/follow-up-compliance.ts.
 */
export const ZComplianceQuery = z.object(reportFilterShape);
export type TComplianceQuery = z.infer<typeof ZComplianceQuery>;

export const ZComplianceExportQuery = z.object({ ...reportFilterShape, ...exportShape });
export type TComplianceExportQuery = z.infer<typeof ZComplianceExportQuery>;

export const ZComplianceMetric = z.enum(COMPLIANCE_METRICS);
export const ZComplianceDrilldownQuery = z.object({
  ...reportFilterShape,
  ...drilldownShape,
  metric: ZComplianceMetric.meta({
    description:
      '`callbacks_due`, `callbacks_missed`, `tasks_due`, `tasks_late`, `overdue` (open tasks past due now), `portal_leads`, `portal_waiting`',
  }),
  key: drilldownShape.key.meta({ description: 'One user of the table: `user:<id>`' }),
});
export type TComplianceDrilldownQuery = z.infer<typeof ZComplianceDrilldownQuery>;

const ZMinutes = z
  .object({ current: z.number().nullable(), previous: z.number().nullable() })
  .meta({ description: 'Minutes; null without a responded lead' });

export const ZComplianceUser = z
  .object({
    key: z.string().meta({ description: 'The drill-down key: `user:<id>`' }),
    user: z.object({ id: ZId, name: z.string() }),
    callbacksDue: z.number().int(),
    callbacksMet: z.number().int(),
    callbackRate: z.number().nullable(),
    tasksDue: z.number().int(),
    tasksOnTime: z.number().int(),
    onTimeRate: z.number().nullable(),
    overdueNow: z.number().int(),
    oldestOverdueAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ComplianceUser' });
export type TComplianceUser = z.infer<typeof ZComplianceUser>;

export const ZComplianceReport = z
  .object({
    meta: ZReportMeta,
    asOf: z.iso.datetime().meta({ description: 'The instant "overdue now" was measured at' }),
    callbacks: z.object({ due: ZCompared, met: ZCompared, rate: ZComparedRate }),
    tasks: z.object({ due: ZCompared, onTime: ZCompared, rate: ZComparedRate }),
    portal: z.object({
      leads: ZCompared,
      responded: ZCompared,
      waiting: ZCompared,
      medianMinutes: ZMinutes,
      p90Minutes: ZMinutes,
    }),
    overdueNow: z.number().int(),
    byUser: z.array(ZComplianceUser),
  })
  .meta({ id: 'ComplianceReport' });
export type TComplianceReport = z.infer<typeof ZComplianceReport>;
