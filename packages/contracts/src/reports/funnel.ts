import { FUNNEL_STEPS } from '@qianke/core/reports/funnel';
import { z } from 'zod';
import { ZCompared, ZComparedRate, ZReportFilter, ZReportMeta } from './filter';

export const ZFunnelStep = z.enum(FUNNEL_STEPS);
export type TFunnelStep = z.infer<typeof ZFunnelStep>;

export const ZFunnelGroupBy = z.enum(['source', 'consultant', 'series', 'period']);
export type TFunnelGroupBy = z.infer<typeof ZFunnelGroupBy>;

/** `GET /api/v1/reports/funnel`: the common filter plus the breakdown. */
export const ZFunnelQuery = ZReportFilter.extend({
  groupBy: ZFunnelGroupBy.default('source').meta({
    description:
      'Break the funnel down by source, consultant (lead owner), series or period (day/week/month)',
  }),
});
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;
export type TFunnelQueryInput = z.input<typeof ZFunnelQuery>;

const counts = z.object({
  leads: z.number().int(),
  contacted: z.number().int(),
  visited: z.number().int(),
  testDrive: z.number().int(),
  ordered: z.number().int(),
  delivered: z.number().int(),
});
const rates = z.object({
  leads: z.number().nullable(),
  contacted: z.number().nullable(),
  visited: z.number().nullable(),
  testDrive: z.number().nullable(),
  ordered: z.number().nullable(),
  delivered: z.number().nullable(),
});

export const ZFunnelReport = z.object({
  meta: ZReportMeta,
  steps: z.array(
    z.object({
      step: ZFunnelStep,
      count: ZCompared,
      conversion: ZComparedRate.meta({ description: 'This step / the step before (null for leads)' }),
    }),
  ),
  overall: ZComparedRate.meta({ description: 'delivered / leads' }),
  groupBy: ZFunnelGroupBy,
  bucket: z.enum(['day', 'week', 'month']).nullable().meta({ description: 'For groupBy=period' }),
  groups: z.array(
    z.object({
      key: z.string().meta({ description: "Source, user or series id, or the bucket ('' = none)" }),
      label: z.string(),
      labelEn: z.string().nullable(),
      counts,
      conversion: rates,
    }),
  ),
});
export type TFunnelReport = z.infer<typeof ZFunnelReport>;
