import { z } from 'zod';
import { ZId } from '../common';

/**
 * The one query filter of every report (issue 6), and the pieces every report answer shares. A report
 * adds its own parameters with `ZReportFilter.extend({...})` (the schema has no refinements, so it can
 * be extended; the server checks `from <= to` in the scope resolver and answers 422).
 */
export const reportFilterShape = {
  from: z.iso.date().meta({ description: "First day of the period, in the store's calendar (YYYY-MM-DD)" }),
  to: z.iso.date().meta({ description: 'Last day of the period, included (YYYY-MM-DD)' }),
  dealerId: z
    .union([ZId, z.literal('all')])
    .optional()
    .meta({
      description:
        "The store: a group admin may pick any store of the group, or `all` for the group roll-up; others only their own (another store is 404). Default: the caller's current store",
    }),
  consultantId: ZId.optional().meta({
    description: 'Only this consultant (a consultant or DCC agent always sees only their own figures)',
  }),
  sourceId: ZId.optional().meta({ description: 'This node of the source tree or any node below it' }),
  seriesId: ZId.optional(),
  campaignCode: z.string().trim().min(1).max(60).optional(),
};

export const ZReportFilter = z.object(reportFilterShape);
export type TReportFilter = z.infer<typeof ZReportFilter>;
/** As the web app sends it (every field a string in the query). */
export type TReportFilterInput = z.input<typeof ZReportFilter>;

/** Language of an export's column titles. */
export const ZExportLanguage = z.enum(['zh-CN', 'en']);
export type TExportLanguage = z.infer<typeof ZExportLanguage>;

/** `GET /api/v1/reports/<report>/export`: the report's filter plus the language of the titles. */
export const exportShape = {
  lang: ZExportLanguage.default('zh-CN').meta({ description: 'Language of the column titles' }),
};

/** `GET /api/v1/reports/<report>/customers`: the customers behind one figure. */
export const drilldownShape = {
  metric: z.string().trim().min(1).max(40).meta({ description: 'Which figure, e.g. `leads`, `visited`' }),
  key: z.string().trim().max(120).optional().meta({
    description: 'The row of a breakdown the figure belongs to (a source id, a consultant id, an hour...)',
  }),
  period: z.enum(['current', 'previous']).default('current'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** A figure of the period and of the previous period (the same number of days before `from`). */
export const ZCompared = z.object({ current: z.number(), previous: z.number() });
export type TCompared = z.infer<typeof ZCompared>;

/** A rate in [0, 1] of both periods; null where there was nothing to divide by. */
export const ZComparedRate = z.object({ current: z.number().nullable(), previous: z.number().nullable() });
export type TComparedRate = z.infer<typeof ZComparedRate>;

/** What every report answer starts with: the periods it covers and whose figures these are. */
export const ZReportMeta = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    previousFrom: z.iso.date(),
    previousTo: z.iso.date(),
    timeZone: z.string(),
    storeIds: z.array(ZId).meta({ description: 'The stores counted (several for a group roll-up)' }),
    consultantId: ZId.nullable().meta({
      description: 'Set when the figures are one consultant’s (asked for, or forced for a consultant)',
    }),
    ownFiguresOnly: z.boolean().meta({ description: 'The caller sees only their own figures' }),
  })
  .meta({ id: 'ReportMeta' });
export type TReportMeta = z.infer<typeof ZReportMeta>;

/** One customer behind a figure; the phone is masked unless the caller may see it in full. */
export const ZDrilldownCustomer = z
  .object({
    id: ZId,
    storeId: ZId,
    cardNo: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    phoneMasked: z.boolean(),
    level: z.enum(['O', 'H', 'A', 'B', 'C']).nullable(),
    ownerName: z.string().nullable(),
    sourceNameZh: z.string().nullable(),
    sourceNameEn: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'DrilldownCustomer' });
export type TDrilldownCustomer = z.infer<typeof ZDrilldownCustomer>;

export const ZDrilldownPage = z
  .object({
    items: z.array(ZDrilldownCustomer),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'DrilldownPage' });
export type TDrilldownPage = z.infer<typeof ZDrilldownPage>;
