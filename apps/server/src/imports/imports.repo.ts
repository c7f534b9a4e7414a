import type { ColumnMapping } from '@qianke/core/imports/column-mapping';
import type { ImportProblem, ImportProblemCode } from '@qianke/core/imports/fields';
import type { RowValues } from '@qianke/core/imports/row-check';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  catalogSeries,
  customers,
  dealers,
  importJobs,
  importRows,
  leadSources,
  leads,
  tasks,
  userRoles,
  users,
} from '../infra/db/schema/index';

/**
 * What the mapping step found for one row, kept in `import_rows.errors` (the table has no other column
 * for it): its problems, the values it will be captured with, and the customer a known phone belongs to.
 * A failure while importing a row the preview found valid is added as `failure`.
 */
export type RowCheckRecord = {
  problems: ImportProblem[];
  values: RowValues;
  merge: { customerId: string; cardNo: string } | null;
  failure?: string;
};

export type ImportJobRow = typeof importJobs.$inferSelect & { createdByName: string };

/**
 * import_jobs.mapping: the columns and the default source chosen in the mapping step, and the preview
 * counts it found (kept, so that reading a job of 100,000 rows while it imports costs no scan of them).
 */
export type StoredMapping = {
  columns: ColumnMapping;
  defaultSourceId: string | null;
  counts?: PreviewCounts;
};

const jobColumns = {
  dealerId: importJobs.dealerId,
  id: importJobs.id,
  createdAt: importJobs.createdAt,
  updatedAt: importJobs.updatedAt,
  version: importJobs.version,
  fileName: importJobs.fileName,
  status: importJobs.status,
  headers: importJobs.headers,
  mapping: importJobs.mapping,
  totalRows: importJobs.totalRows,
  createdRows: importJobs.createdRows,
  mergedRows: importJobs.mergedRows,
  rejectedRows: importJobs.rejectedRows,
  createdBy: importJobs.createdBy,
  finishedAt: importJobs.finishedAt,
  createdByName: sql<string>`coalesce(${users.displayName}, '')`,
};

const jobQuery = (db: Executor) =>
  db
    .select(jobColumns)
    .from(importJobs)
    .leftJoin(users, and(eq(users.dealerId, importJobs.dealerId), eq(users.id, importJobs.createdBy)));

export const findJob = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<ImportJobRow | undefined> => {
  const [row] = await jobQuery(db).where(and(eq(importJobs.dealerId, dealerId), eq(importJobs.id, id)));
  return row;
};

export const listJobs = async (
  db: Executor,
  dealerId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: ImportJobRow[]; total: number }> => {
  const where = eq(importJobs.dealerId, dealerId);
  const [items, [count]] = await Promise.all([
    jobQuery(db)
      .where(where)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(importJobs).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
};

export const insertJob = async (
  db: Executor,
  job: { dealerId: string; fileName: string; headers: string[]; createdBy: string },
): Promise<string> => {
  const [row] = await db
    .insert(importJobs)
    .values({ ...job, status: 'uploaded', totalRows: 0 })
    .returning({ id: importJobs.id });
  if (!row) throw new Error('insert into import_jobs returned no row');
  return row.id;
};

export const deleteJob = async (db: Executor, dealerId: string, id: string) => {
  await db.delete(importJobs).where(and(eq(importJobs.dealerId, dealerId), eq(importJobs.id, id)));
};

export type JobPatch = Partial<
  Pick<
    typeof importJobs.$inferInsert,
    | 'status'
    | 'headers'
    | 'mapping'
    | 'totalRows'
    | 'finishedAt'
    | 'createdRows'
    | 'mergedRows'
    | 'rejectedRows'
  >
>;

export const updateJob = async (db: Executor, dealerId: string, id: string, patch: JobPatch) => {
  await db
    .update(importJobs)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${importJobs.version} + 1` })
    .where(and(eq(importJobs.dealerId, dealerId), eq(importJobs.id, id)));
};

/**
 * Moves a job from one of `from` to `to` in one statement, so two requests cannot both start the same
 * step; undefined when the job is not in one of those states (or not in this store).
 */
export const moveJobStatus = async (
  db: Executor,
  dealerId: string,
  id: string,
  from: ImportJobRow['status'][],
  to: ImportJobRow['status'],
): Promise<boolean> => {
  const rows = await db
    .update(importJobs)
    .set({ status: to, updatedAt: sql`now()`, version: sql`${importJobs.version} + 1` })
    .where(and(eq(importJobs.dealerId, dealerId), eq(importJobs.id, id), inArray(importJobs.status, from)))
    .returning({ id: importJobs.id });
  return rows.length > 0;
};

/**
 * Starts (or resumes) a run: from "previewed", from "failed", or from an "importing" that has made no
 * progress for `staleMinutes` (the server went down in the middle). One statement, so two requests
 * cannot both start it.
 */
export const claimRun = async (db: Executor, dealerId: string, id: string, staleMinutes: number) => {
  const rows = await db
    .update(importJobs)
    .set({ status: 'importing', updatedAt: sql`now()`, version: sql`${importJobs.version} + 1` })
    .where(
      and(
        eq(importJobs.dealerId, dealerId),
        eq(importJobs.id, id),
        sql`(${importJobs.status} in ('previewed', 'failed') or (${importJobs.status} = 'importing' and ${importJobs.updatedAt} < now() - make_interval(mins => ${staleMinutes})))`,
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length > 0;
};

export const addJobCounts = async (
  db: Executor,
  dealerId: string,
  id: string,
  add: { created: number; merged: number; rejected: number },
) => {
  await db
    .update(importJobs)
    .set({
      createdRows: sql`${importJobs.createdRows} + ${add.created}`,
      mergedRows: sql`${importJobs.mergedRows} + ${add.merged}`,
      rejectedRows: sql`${importJobs.rejectedRows} + ${add.rejected}`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.dealerId, dealerId), eq(importJobs.id, id)));
};

/**
 * Writes many rows of the file in one statement with one JSON parameter: building a 1,000-row insert
 * value by value cost more CPU than the database's work (drizzle checks every value's kind).
 */
export const insertRows = async (
  db: Executor,
  dealerId: string,
  jobId: string,
  rows: readonly { rowNo: number; cells: string[] }[],
) => {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((row) => ({ row_no: row.rowNo, cells: row.cells })));
  await db.execute(sql`
    insert into ${importRows} (dealer_id, job_id, row_no, cells)
    select ${dealerId}, ${jobId}, v.row_no, v.cells
    from jsonb_to_recordset(${payload}::jsonb) as v(row_no int, cells jsonb)`);
};

/** A page of rows in file order, after `afterRowNo` (keyset). */
export const rowsAfter = async (
  db: Executor,
  dealerId: string,
  jobId: string,
  afterRowNo: number,
  limit: number,
): Promise<{ rowNo: number; cells: string[] }[]> =>
  db
    .select({ rowNo: importRows.rowNo, cells: sql<string[]>`${importRows.cells}` })
    .from(importRows)
    .where(
      and(
        eq(importRows.dealerId, dealerId),
        eq(importRows.jobId, jobId),
        sql`${importRows.rowNo} > ${afterRowNo}`,
      ),
    )
    .orderBy(asc(importRows.rowNo))
    .limit(limit);

/**
 * The row numbers a batch spans. Said in the statement, so the join reads only that stretch of the
 * job's rows: without it every batch of a 100,000-row file would read all of them.
 */
const rangeOf = (rows: readonly { rowNo: number }[]) => ({
  first: Math.min(...rows.map((r) => r.rowNo)),
  last: Math.max(...rows.map((r) => r.rowNo)),
});

/** Writes the checks of many rows in one statement. */
export const writeChecks = async (
  db: Executor,
  dealerId: string,
  jobId: string,
  checks: readonly { rowNo: number; check: RowCheckRecord }[],
) => {
  if (checks.length === 0) return;
  const payload = JSON.stringify(checks.map((c) => ({ row_no: c.rowNo, check: c.check })));
  const { first, last } = rangeOf(checks);
  await db.execute(sql`
    update ${importRows} r set errors = v.check
    from jsonb_to_recordset(${payload}::jsonb) as v(row_no int, "check" jsonb)
    where r.dealer_id = ${dealerId} and r.job_id = ${jobId} and r.row_no = v.row_no
      and r.row_no between ${first} and ${last}`);
};

/** Customers of the store that already have one of these phones. */
export const customersByPhone = async (
  db: Executor,
  dealerId: string,
  phones: readonly string[],
): Promise<Map<string, { customerId: string; cardNo: string }>> => {
  if (phones.length === 0) return new Map();
  const rows = await db
    .select({ phone: customers.phoneE164, id: customers.id, cardNo: customers.cardNo })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), inArray(customers.phoneE164, [...phones])));
  return new Map(rows.map((r) => [r.phone ?? '', { customerId: r.id, cardNo: r.cardNo }]));
};

const TIER_ORDER = sql`case ${leadSources.tier} when 'sub_source' then 0 when 'source' then 1 else 2 end`;

/** Active sources, most specific first: a name shared by a channel and a sub-source means the sub-source. */
export const activeSources = (db: Executor, dealerId: string) =>
  db
    .select({
      id: leadSources.id,
      code: leadSources.code,
      nameZh: leadSources.nameZh,
      nameEn: leadSources.nameEn,
    })
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), eq(leadSources.active, true)))
    .orderBy(TIER_ORDER, asc(leadSources.sort), asc(leadSources.code));

export const findSource = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: leadSources.id, nameZh: leadSources.nameZh, active: leadSources.active })
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), eq(leadSources.id, id)));
  return row;
};

/** Enabled staff of the store holding one of `roles`. */
export const activeStaffWithRoles = (db: Executor, dealerId: string, roles: readonly string[]) =>
  db
    .select({ id: users.id, displayName: users.displayName, code: users.consultantCode })
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} and r.role in ${roles})`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));

export const activeSeries = (db: Executor, dealerId: string) =>
  db
    .select({ id: catalogSeries.id, name: catalogSeries.name, nameEn: catalogSeries.nameEn })
    .from(catalogSeries)
    .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.active, true)))
    .orderBy(asc(catalogSeries.sort), asc(catalogSeries.name));

const hasProblems = sql`jsonb_array_length(coalesce(${importRows.errors}->'problems', '[]'::jsonb)) > 0`;
const isValid = sql`${importRows.errors} is not null and jsonb_array_length(${importRows.errors}->'problems') = 0`;
const willMerge = sql`jsonb_typeof(${importRows.errors}->'merge') = 'object'`;

/** Rows the preview refused get the outcome "rejected" before anything is imported; their count. */
export const rejectRowsWithProblems = async (
  db: Executor,
  dealerId: string,
  jobId: string,
): Promise<number> => {
  const rows = await db
    .update(importRows)
    .set({ outcome: 'rejected' })
    .where(
      and(
        eq(importRows.dealerId, dealerId),
        eq(importRows.jobId, jobId),
        isNull(importRows.outcome),
        hasProblems,
      ),
    )
    .returning({ rowNo: importRows.rowNo });
  return rows.length;
};

/** The next valid rows not yet imported, with their checks, in file order. */
export const pendingValidRows = (
  db: Executor,
  dealerId: string,
  jobId: string,
  afterRowNo: number,
  limit: number,
) =>
  db
    .select({
      rowNo: importRows.rowNo,
      cells: sql<string[]>`${importRows.cells}`,
      check: sql<RowCheckRecord>`${importRows.errors}`,
    })
    .from(importRows)
    .where(
      and(
        eq(importRows.dealerId, dealerId),
        eq(importRows.jobId, jobId),
        isNull(importRows.outcome),
        isValid,
        sql`${importRows.rowNo} > ${afterRowNo}`,
      ),
    )
    .orderBy(asc(importRows.rowNo))
    .limit(limit);

export type RowOutcome = {
  rowNo: number;
  outcome: 'created' | 'merged' | 'rejected';
  customerId: string | null;
  leadId: string | null;
  failure?: string;
};

/** Records what became of many rows in one statement. */
export const writeOutcomes = async (
  db: Executor,
  dealerId: string,
  jobId: string,
  outcomes: readonly RowOutcome[],
) => {
  if (outcomes.length === 0) return;
  const payload = JSON.stringify(
    outcomes.map((o) => ({
      row_no: o.rowNo,
      outcome: o.outcome,
      customer_id: o.customerId,
      lead_id: o.leadId,
      failure: o.failure ?? null,
    })),
  );
  const { first, last } = rangeOf(outcomes);
  await db.execute(sql`
    update ${importRows} r
    set outcome = v.outcome, customer_id = v.customer_id, lead_id = v.lead_id,
        errors = case when v.failure is null then r.errors
                      else jsonb_set(r.errors, '{failure}', to_jsonb(v.failure)) end
    from jsonb_to_recordset(${payload}::jsonb)
      as v(row_no int, outcome text, customer_id uuid, lead_id uuid, failure text)
    where r.dealer_id = ${dealerId} and r.job_id = ${jobId} and r.row_no = v.row_no
      and r.row_no between ${first} and ${last}`);
};

export type PreviewCounts = {
  valid: number;
  willCreate: number;
  willMerge: number;
  rejected: number;
  problems: Partial<Record<ImportProblemCode, number>>;
};

/** The preview counts of a mapped job, from its rows. */
export const previewCounts = async (
  db: Executor,
  dealerId: string,
  jobId: string,
): Promise<PreviewCounts> => {
  const of = and(eq(importRows.dealerId, dealerId), eq(importRows.jobId, jobId));
  const [totals] = await db
    .select({
      valid: sql<number>`count(*) filter (where ${isValid})::int`,
      willMerge: sql<number>`count(*) filter (where ${isValid} and ${willMerge})::int`,
      rejected: sql<number>`count(*) filter (where ${hasProblems})::int`,
    })
    .from(importRows)
    .where(of);
  const byCode = (await db.execute(sql`
    select p->>'code' as code, count(distinct r.row_no)::int as n
    from ${importRows} r, jsonb_array_elements(r.errors->'problems') p
    where r.dealer_id = ${dealerId} and r.job_id = ${jobId} and r.errors is not null
    group by 1 order by 1`)) as unknown as { rows: { code: ImportProblemCode; n: number }[] };
  const valid = totals?.valid ?? 0;
  const merging = totals?.willMerge ?? 0;
  return {
    valid,
    willCreate: valid - merging,
    willMerge: merging,
    rejected: totals?.rejected ?? 0,
    problems: Object.fromEntries(byCode.rows.map((r) => [r.code, r.n])),
  };
};

export type StoredRow = {
  rowNo: number;
  cells: string[];
  check: RowCheckRecord | null;
  outcome: 'created' | 'merged' | 'rejected' | null;
  customerId: string | null;
  leadId: string | null;
  cardNo: string | null;
};

/** A page of rows for the preview, the result and the report: all, those with problems, or those merging. */
export const listRows = (
  db: Executor,
  dealerId: string,
  jobId: string,
  filter: 'all' | 'errors' | 'merge',
  afterRowNo: number,
  limit: number,
): Promise<StoredRow[]> =>
  db
    .select({
      rowNo: importRows.rowNo,
      cells: sql<string[]>`${importRows.cells}`,
      check: sql<RowCheckRecord | null>`${importRows.errors}`,
      outcome: importRows.outcome,
      customerId: importRows.customerId,
      leadId: importRows.leadId,
      cardNo: customers.cardNo,
    })
    .from(importRows)
    .leftJoin(
      customers,
      and(eq(customers.dealerId, importRows.dealerId), eq(customers.id, importRows.customerId)),
    )
    .where(
      and(
        eq(importRows.dealerId, dealerId),
        eq(importRows.jobId, jobId),
        sql`${importRows.rowNo} > ${afterRowNo}`,
        filter === 'errors'
          ? sql`(${hasProblems} or ${importRows.outcome} = 'rejected')`
          : filter === 'merge'
            ? sql`(${isValid} and ${willMerge})`
            : undefined,
      ),
    )
    .orderBy(asc(importRows.rowNo))
    .limit(limit);

export const storeTimeZoneOf = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
};

/**
 * Refreshes the planner's statistics of the tables an import grows. A large import adds rows faster
 * than autovacuum looks at them: with statistics of a small store the planner (and the cached plans
 * of the foreign-key checks) keeps scanning the whole store for what one index probe finds.
 * ANALYZE also invalidates those cached plans. The job's own rows (`withImportRows`) once, before the
 * run: they do not grow while it runs.
 */
export const refreshImportStatistics = async (
  db: Executor,
  { withImportRows }: { withImportRows: boolean },
) => {
  await db.execute(
    withImportRows
      ? sql`analyze ${customers}, ${leads}, ${tasks}, ${importRows}`
      : sql`analyze ${customers}, ${leads}, ${tasks}`,
  );
};

/**
 * A batch's commit does not wait for the disk. Nothing is acknowledged per batch: the job says "done"
 * in a transaction of its own, which waits for the log up to its commit and so for every batch before
 * it. A crash can lose only the last batches, and with them their rows' outcomes, so running the job
 * again imports those rows (none twice). About 2 ms a batch on this machine's disk.
 */
export const commitBatchWithoutFlush = async (tx: Executor) => {
  await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
};
