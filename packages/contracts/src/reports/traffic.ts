import { TRAFFIC_METRICS } from '@qianke/core/reports/traffic';
import { z } from 'zod';
import { ZReportFilter, ZReportMeta } from './filter';

export const ZTrafficQuery = ZReportFilter;
export const ZTrafficMetric = z.enum(TRAFFIC_METRICS);

const figures = z.object({
  visits: z.number().int(),
  phoneIns: z.number().int(),
  people: z.number().int(),
  firstVisits: z.number().int(),
  repeatVisits: z.number().int(),
  leftContact: z.number().int(),
  valid: z.number().int(),
  ordered: z.number().int(),
  averagePartySize: z.number().nullable(),
  averageStayMinutes: z.number().nullable(),
  retentionRate: z.number().nullable().meta({
    description: 'First-time visitors who left details / first-time visitors not closed on the spot',
  }),
  validRate: z.number().nullable(),
  visitToOrderRate: z.number().nullable(),
});
export type TTrafficFigures = z.infer<typeof figures>;

export const ZTrafficReport = z.object({
  meta: ZReportMeta,
  current: figures,
  previous: figures,
  byHour: z.array(z.number().int()).meta({ description: 'Visits by hour of arrival 0..23, store clock' }),
  byWeekday: z.array(z.number().int()).meta({ description: 'Visits by weekday, Monday first' }),
  partySizes: z.array(z.number().int()).meta({ description: 'Visits of 1, 2, 3, 4, 5+ people' }),
  consultants: z.array(z.object({ key: z.string(), name: z.string(), figures })),
});
export type TTrafficReport = z.infer<typeof ZTrafficReport>;
