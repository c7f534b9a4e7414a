import { IMPORT_FIELDS, IMPORT_PROBLEMS } from '@qianke/core/imports/fields';
import { HORIZONS } from '@qianke/core/leads/horizon';
import { z } from 'zod';
import { ZId, ZPageQuery } from './common';

/** Excel / CSV import of customers and leads: upload -> mapping -> preview -> run -> report. */

export const ZImportField = z.enum(IMPORT_FIELDS, { message: `Choose one of: ${IMPORT_FIELDS.join(', ')}.` });
export type TImportField = z.infer<typeof ZImportField>;

export const ZImportStatus = z.enum(['uploaded', 'previewed', 'importing', 'done', 'failed']);
export type TImportStatus = z.infer<typeof ZImportStatus>;

/** Column index (0-based, as a string: JSON keys are strings) -> field. */
export const ZColumnMapping = z
  .record(z.string().regex(/^\d{1,4}$/, { message: 'A column number.' }), ZImportField)
  .meta({ description: 'Column index (0-based) -> field, e.g. {"0":"name","1":"phone"}' });
export type TColumnMapping = z.infer<typeof ZColumnMapping>;

export const ZUploadImportQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { message: 'Name the file.' })
    .max(200, { message: 'Use at most 200 characters.' })
    .meta({ description: 'The file name as the user chose it, e.g. 客户.xlsx' }),
});

export const ZUploadImportResponse = z
  .object({
    jobId: ZId,
    fileName: z.string(),
    headers: z.array(z.string()),
    totalRows: z.number().int(),
    suggestedMapping: ZColumnMapping,
    /** The first rows, so each column can be shown with its first values while mapping. */
    sampleRows: z.array(z.array(z.string())),
  })
  .meta({ id: 'ImportUpload' });
export type TUploadImportResponse = z.infer<typeof ZUploadImportResponse>;

export const ZImportMappingRequest = z.object({
  mapping: ZColumnMapping,
  defaultSourceId: ZId.nullish().meta({
    description:
      'The source of rows whose source cell is empty, or of every row when no column is the source',
  }),
});
export type TImportMappingRequest = z.infer<typeof ZImportMappingRequest>;

export const ZImportProblemCode = z.enum(IMPORT_PROBLEMS);

export const ZImportCounts = z
  .object({
    valid: z.number().int().meta({ description: 'Rows that will be imported' }),
    willCreate: z.number().int().meta({ description: 'Valid rows with a new phone: a new customer each' }),
    willMerge: z
      .number()
      .int()
      .meta({ description: 'Valid rows whose phone is a customer already: the inquiry is added to it' }),
    rejected: z.number().int().meta({ description: 'Rows with at least one problem' }),
    problems: z.partialRecord(ZImportProblemCode, z.number().int()).meta({
      description: 'How many rows have each problem',
    }),
  })
  .meta({ id: 'ImportCounts' });
export type TImportCounts = z.infer<typeof ZImportCounts>;

export const ZImportJob = z
  .object({
    id: ZId,
    fileName: z.string(),
    status: ZImportStatus,
    headers: z.array(z.string()),
    mapping: ZColumnMapping.nullable(),
    defaultSourceId: ZId.nullable(),
    totalRows: z.number().int(),
    createdRows: z.number().int(),
    mergedRows: z.number().int(),
    rejectedRows: z.number().int(),
    /** The preview counts, once the columns are mapped. */
    counts: ZImportCounts.nullable(),
    createdBy: z.object({ id: ZId, displayName: z.string() }),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ImportJob' });
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportList = z.object({ items: z.array(ZImportJob), total: z.number().int() }).meta({
  id: 'ImportList',
});
export type TImportList = z.infer<typeof ZImportList>;

export const ZListImportsQuery = ZPageQuery;
export type TListImportsQuery = z.infer<typeof ZListImportsQuery>;

export const ZImportRowFilter = z.enum(['all', 'errors', 'merge']);
export type TImportRowFilter = z.infer<typeof ZImportRowFilter>;

export const ZImportRowsQuery = z.object({
  filter: ZImportRowFilter.default('all'),
  cursor: z.coerce
    .number()
    .int()
    .nonnegative()
    .optional()
    .meta({ description: 'nextCursor of the page before' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TImportRowsQuery = z.infer<typeof ZImportRowsQuery>;

export const ZImportProblem = z.object({
  field: ZImportField,
  code: ZImportProblemCode,
  value: z.string().optional(),
  firstRow: z.number().int().optional(),
  max: z.number().int().optional(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

/** The values a row will be captured with (ids resolved, with their names to show). */
export const ZImportRowValues = z.object({
  name: z.string().optional(),
  phoneE164: z.string().optional(),
  phoneRaw: z.string().optional(),
  sourceId: ZId.optional(),
  sourceName: z.string().optional(),
  ownerId: ZId.optional(),
  ownerName: z.string().optional(),
  seriesId: ZId.optional(),
  seriesName: z.string().optional(),
  level: z.enum(['O', 'H', 'A', 'B', 'C']).optional(),
  horizon: z.enum(HORIZONS).optional(),
  gender: z.enum(['male', 'female']).optional(),
  region: z.string().optional(),
  address: z.string().optional(),
  occupation: z.string().optional(),
  company: z.string().optional(),
  currentCar: z.string().optional(),
  budgetMin: z.number().optional(),
  budgetMax: z.number().optional(),
  paymentIntent: z.enum(['cash', 'loan', 'undecided']).optional(),
  note: z.string().optional(),
  campaignCode: z.string().optional(),
  occurredAt: z.string().optional(),
});
export type TImportRowValues = z.infer<typeof ZImportRowValues>;

export const ZImportRow = z
  .object({
    rowNo: z.number().int().meta({ description: 'The row number in the file (the header is row 1)' }),
    cells: z.array(z.string()),
    /** Null until the columns are mapped. */
    values: ZImportRowValues.nullable(),
    problems: z.array(ZImportProblem),
    /** The customer this row's phone already belongs to: the inquiry is added to it. */
    merge: z.object({ customerId: ZId, cardNo: z.string() }).nullable(),
    outcome: z.enum(['created', 'merged', 'rejected']).nullable(),
    /** Why the import refused a row the preview had found valid. */
    failure: z.string().nullable(),
    customerId: ZId.nullable(),
    leadId: ZId.nullable(),
    cardNo: z.string().nullable(),
  })
  .meta({ id: 'ImportRow' });
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportRowList = z
  .object({ items: z.array(ZImportRow), nextCursor: z.string().nullable() })
  .meta({ id: 'ImportRowList' });
export type TImportRowList = z.infer<typeof ZImportRowList>;

export const ZImportReportQuery = z.object({
  lang: z.enum(['zh-CN', 'en']).default('zh-CN').meta({ description: 'Language of the column titles' }),
});
