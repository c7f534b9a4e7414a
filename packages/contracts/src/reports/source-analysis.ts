import { SOURCE_METRICS } from '@qianke/core/reports/source-analysis';
import { z } from 'zod';
import { ZReportFilter, ZReportMeta } from './filter';

export const ZSourceAnalysisQuery = ZReportFilter;
export const ZSourceMetric = z.enum(SOURCE_METRICS);

const figures = z.object({
  leads: z.number().int(),
  visits: z.number().int(),
  orders: z.number().int(),
  leadToOrderRate: z.number().nullable(),
  cost: z.number().nullable().meta({ description: 'null: no campaign records a cost' }),
  costPerLead: z.number().nullable(),
});

export const ZSourceAnalysisReport = z.object({
  meta: ZReportMeta,
  costRecorded: z.boolean().meta({ description: 'false: no campaign cost exists yet, cost shows as —' }),
  total: z.object({ current: figures, previous: figures }),
  sources: z.array(
    z.object({
      key: z.string().meta({ description: "The source id ('' = none)" }),
      name: z.string(),
      nameEn: z.string().nullable(),
      current: figures,
      previous: figures,
    }),
  ),
});
export type TSourceAnalysisReport = z.infer<typeof ZSourceAnalysisReport>;
