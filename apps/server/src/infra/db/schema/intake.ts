import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { dealers, users } from './accounts';
import { tenantColumns, ts } from './columns';

/**
 * Per-store API keys for the intake API (portals, the website, the 400 line). The key is shown once;
 * only its SHA-256 is stored, with a prefix to recognise it in lists.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('api_keys_hash_idx').on(t.keyHash),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** `Idempotency-Key` replays: the first answer to a key, kept 24 hours. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    dealerId: uuid('dealer_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.key] }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** An Excel/CSV import: uploaded, mapped, previewed, then imported; its report stays downloadable. */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...tenantColumns(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull().$type<'uploaded' | 'previewed' | 'importing' | 'done' | 'failed'>(),
    headers: jsonb('headers').notNull(),
    mapping: jsonb('mapping'),
    totalRows: integer('total_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    mergedRows: integer('merged_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    foreignKey({ columns: [t.dealerId, t.createdBy], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** The rows of an import file as read, with their problems and, once imported, what became of them. */
export const importRows = pgTable(
  'import_rows',
  {
    dealerId: uuid('dealer_id').notNull(),
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    cells: jsonb('cells').notNull(),
    errors: jsonb('errors'),
    outcome: text('outcome').$type<'created' | 'merged' | 'rejected' | null>(),
    customerId: uuid('customer_id'),
    leadId: uuid('lead_id'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.jobId, t.rowNo] }),
    foreignKey({
      columns: [t.dealerId, t.jobId],
      foreignColumns: [importJobs.dealerId, importJobs.id],
    }).onDelete('cascade'),
  ],
);
