import { z } from 'zod';
import { ZId } from '../common';

/** What the report filter bar offers: stores (a group admin's group), consultants, sources, series, campaigns. */
export const ZReportOptions = z.object({
  stores: z.array(z.object({ id: ZId, name: z.string(), timeZone: z.string() })),
  consultants: z.array(z.object({ id: ZId, name: z.string(), roles: z.array(z.string()) })),
  sources: z.array(
    z.object({ id: ZId, parentId: ZId.nullable(), tier: z.string(), nameZh: z.string(), nameEn: z.string() }),
  ),
  series: z.array(z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() })),
  campaignCodes: z.array(z.string()),
});
export type TReportOptions = z.infer<typeof ZReportOptions>;
