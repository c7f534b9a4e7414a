import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type {
  TImportCounts,
  TImportJob,
  TImportList,
  TImportMappingRequest,
  TImportRow,
  TImportRowList,
  TImportRowsQuery,
  TListImportsQuery,
  TUploadImportResponse,
} from '@qianke/contracts/imports';
import { OWNER_ROLES } from '@qianke/core/customers/ownership';
import { maskPhone } from '@qianke/core/customers/phone';
import { seesPhoneInFull } from '@qianke/core/customers/visibility';
import {
  type ColumnMapping,
  fieldColumnsOf,
  HEADER_SEARCH_ROWS,
  headerRowIndex,
  type MappingProblem,
  mappingProblems,
  suggestMapping,
} from '@qianke/core/imports/column-mapping';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@qianke/core/imports/fields';
import { checkRow, duplicateProblem, indexLookups } from '@qianke/core/imports/row-check';
import { DomainError, isDomainError } from '@qianke/core/shared/domain-error';
import type { CaptureLeadInput } from '../customers/capture-lead';
import { captureLeads } from '../customers/capture-leads';
import { type CardSerials, cardSerialsInTransaction } from '../customers/card-serials';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import { allowGenericPlans } from '../infra/db/prepared-statements';
import type { AuthContext } from '../infra/http/auth-context';
import {
  activeSeries,
  activeSources,
  activeStaffWithRoles,
  addJobCounts,
  claimRun,
  commitBatchWithoutFlush,
  customersByPhone,
  deleteJob,
  findJob,
  findSource,
  type ImportJobRow,
  insertJob,
  insertRows,
  listJobs,
  listRows,
  moveJobStatus,
  pendingValidRows,
  previewCounts,
  type RowCheckRecord,
  type RowOutcome,
  refreshImportStatistics,
  rejectRowsWithProblems,
  rowsAfter,
  type StoredMapping,
  type StoredRow,
  storeTimeZoneOf,
  updateJob,
  writeChecks,
  writeOutcomes,
} from './imports.repo';
import { detectFormat, readSheetRows } from './read-sheet';
import type { ReportLanguage } from './report-texts';
import { reportTexts } from './report-texts';
import { writeImportReport } from './write-report';

/** Rows written to import_rows per statement at upload and per check at mapping. */
const WRITE_BATCH = 1000;
/** Rows captured per transaction when importing (captureLeads: a handful of statements per batch). */
const RUN_BATCH = 250;
/**
 * The planner's statistics are refreshed before an import of more rows than this, after this many rows,
 * and then each time the import has doubled (20,000, 40,000, ...): statistics of a table go stale as it
 * outgrows them (the foreign-key checks then scan instead of probing), and an ANALYZE costs about half a
 * second at 100,000 rows, so refreshing every 10,000 rows spent 5 s of a 100,000-row import on it.
 */
const ANALYZE_FIRST_ROWS = 10_000;
const nextAnalyzeAt = (imported: number) => Math.max(ANALYZE_FIRST_ROWS, imported * 2);
/** An "importing" job without progress for this long was interrupted (the server stopped) and may resume. */
const STALE_RUN_MINUTES = 10;
/** Columns beyond this are not a customer list. */
const MAX_COLUMNS = 200;
/** Rows shown under each column while mapping. */
const SAMPLE_ROWS = 5;

export type ImportsServiceDeps = {
  db: Db;
  clock: Clock;
  /** Where new cards take their numbers (in the batch's transaction unless given). */
  cardSerials?: CardSerials;
  /** Where an upload is kept while it is read; the system's temp folder unless given. */
  tempDir?: string;
  /** The limits of a file; IMPORT_MAX_ROWS and IMPORT_MAX_BYTES unless given (tests use small ones). */
  maxRows?: number;
  maxBytes?: number;
  /** How long a run request waits for the import to end before it answers "importing" (20 s by default). */
  runWaitMs?: number;
};

const toJob = (row: ImportJobRow, counts: TImportCounts | null): TImportJob => {
  const mapping = row.mapping as StoredMapping | null;
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    headers: row.headers as string[],
    mapping: mapping?.columns ?? null,
    defaultSourceId: mapping?.defaultSourceId ?? null,
    totalRows: row.totalRows,
    createdRows: row.createdRows,
    mergedRows: row.mergedRows,
    rejectedRows: row.rejectedRows,
    counts,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    version: row.version,
  };
};

const MAPPING_MESSAGES: Record<MappingProblem['code'], (p: MappingProblem) => string> = {
  unknown_column: (p) => `The file has no column ${'column' in p ? Number(p.column) + 1 : ''}.`,
  unknown_field: () => 'Choose one of the listed fields.',
  field_twice: (p) => `Only one column can be the ${'field' in p ? p.field : ''}.`,
  field_required: (p) =>
    'field' in p && p.field === 'source'
      ? 'Choose the column with the source, or a default source.'
      : `Choose the column with the ${'field' in p ? p.field : ''}.`,
};

const mappingError = (problems: MappingProblem[]): DomainError => {
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    const key = 'field' in problem ? `mapping.${problem.field}` : `mapping.${problem.column}`;
    fields[key] ??= MAPPING_MESSAGES[problem.code](problem);
  }
  return new DomainError('validation_failed', Object.values(fields)[0] ?? 'Check the column mapping.', {
    fields,
  });
};

/** Caps a file's upload at `maxBytes` while it streams to disk. */
const byteLimit = (maxBytes: number) => {
  let bytes = 0;
  return {
    bytes: () => bytes,
    stream: new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          const mb = Math.round((maxBytes / 1024 / 1024) * 100) / 100;
          callback(
            new DomainError(
              'validation_failed',
              `The file is larger than ${mb} MB. Split it into several files.`,
            ),
          );
        } else callback(null, chunk);
      },
    }),
  };
};

/** Trailing empty cells carry nothing; keeping them would make every row as wide as the widest. */
const trimEnd = (cells: string[]): string[] => {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
};

/** A phone is shown in full only to whom the customer policy allows (core/customers/visibility.ts). */
const maskedRow = (row: TImportRow, phoneColumn: number | undefined, ctx: AuthContext): TImportRow => {
  if (seesPhoneInFull(ctx.roles, ctx.userId, row.values?.ownerId ?? null)) return row;
  const cells = [...row.cells];
  if (phoneColumn !== undefined && cells[phoneColumn])
    cells[phoneColumn] = maskPhone(cells[phoneColumn] ?? '');
  const values = row.values && {
    ...row.values,
    ...(row.values.phoneE164 ? { phoneE164: maskPhone(row.values.phoneE164) } : {}),
    ...(row.values.phoneRaw ? { phoneRaw: maskPhone(row.values.phoneRaw) } : {}),
  };
  const problems = row.problems.map((p) =>
    p.field === 'phone' && p.value ? { ...p, value: maskPhone(p.value) } : p,
  );
  return { ...row, cells, values, problems };
};

const toRow = (row: StoredRow): TImportRow => ({
  rowNo: row.rowNo,
  cells: row.cells,
  values: (row.check?.values as TImportRow['values']) ?? null,
  problems: row.check?.problems ?? [],
  merge: row.check?.merge ?? null,
  outcome: row.outcome,
  failure: row.check?.failure ?? null,
  customerId: row.customerId,
  leadId: row.leadId,
  cardNo: row.cardNo ?? row.check?.merge?.cardNo ?? null,
});

/** The server is shutting down: the import stops between two batches. */
class ImportInterrupted extends Error {
  constructor() {
    super('The server stopped during the import.');
  }
}

const failureText = (error: unknown): string =>
  isDomainError(error)
    ? error.message
    : `The row could not be saved: ${error instanceof Error ? error.message : String(error)}`;

export const createImportsService = ({
  db,
  clock,
  cardSerials = cardSerialsInTransaction,
  tempDir = tmpdir(),
  maxRows = IMPORT_MAX_ROWS,
  maxBytes = IMPORT_MAX_BYTES,
  runWaitMs = 20_000,
}: ImportsServiceDeps) => {
  const load = async (ctx: AuthContext, id: string): Promise<ImportJobRow> => {
    const job = await findJob(db, ctx.dealerId, id);
    if (!job) throw new DomainError('not_found', 'There is no such import.');
    return job;
  };

  const get = async (ctx: AuthContext, id: string): Promise<TImportJob> => {
    const job = await load(ctx, id);
    const stored = (job.mapping as StoredMapping | null)?.counts;
    const counts = job.status === 'uploaded' ? null : (stored ?? (await previewCounts(db, ctx.dealerId, id)));
    return toJob(job, counts);
  };

  const list = async (ctx: AuthContext, query: TListImportsQuery): Promise<TImportList> => {
    const { items, total } = await listJobs(db, ctx.dealerId, query);
    return { items: items.map((job) => toJob(job, null)), total };
  };

  /**
   * Reads the file into import_rows, batch by batch; nothing of it stays when it is refused. The header
   * is the first row naming known fields (title rows above it are left out), else the first row.
   */
  const readIntoJob = async (ctx: AuthContext, fileName: string, path: string) => {
    const format = await detectFormat(path);
    let jobId: string | undefined;
    let headers: string[] = [];
    let width = 0;
    let total = 0;
    const samples: string[][] = [];
    let batch: { rowNo: number; cells: string[] }[] = [];
    /** The first rows, held back until it is known which one is the header. */
    const leading: { rowNo: number; cells: string[] }[] = [];

    const addRow = async (id: string, row: { rowNo: number; cells: string[] }) => {
      total++;
      if (total > maxRows) {
        throw new DomainError(
          'validation_failed',
          `The file has more than ${maxRows.toLocaleString('en-US')} rows. Split it into several files.`,
        );
      }
      width = Math.max(width, row.cells.length);
      if (samples.length < SAMPLE_ROWS) samples.push(row.cells);
      batch.push(row);
      if (batch.length >= WRITE_BATCH) {
        await insertRows(db, ctx.dealerId, id, batch);
        batch = [];
      }
    };

    const openJob = async (): Promise<string> => {
      const index = headerRowIndex(leading.map((row) => row.cells));
      headers = leading[index]?.cells ?? [];
      width = headers.length;
      const id = await insertJob(db, { dealerId: ctx.dealerId, fileName, headers, createdBy: ctx.userId });
      jobId = id;
      for (const row of leading.slice(index + 1)) await addRow(id, row);
      return id;
    };

    try {
      for await (const row of readSheetRows(path, format)) {
        const cells = trimEnd(row.cells);
        if (cells.length === 0) continue;
        if (cells.length > MAX_COLUMNS) {
          throw new DomainError(
            'validation_failed',
            `Row ${row.rowNo} has more than ${MAX_COLUMNS} columns: this does not look like a customer list.`,
          );
        }
        if (jobId) {
          await addRow(jobId, { rowNo: row.rowNo, cells });
          continue;
        }
        leading.push({ rowNo: row.rowNo, cells });
        if (leading.length >= HEADER_SEARCH_ROWS) await openJob();
      }
      if (!jobId && leading.length === 0) {
        throw new DomainError('validation_failed', 'The file is empty: it has no header row.');
      }
      const id = jobId ?? (await openJob());
      if (total === 0) {
        throw new DomainError('validation_failed', 'The file has a header row but no customer rows.');
      }
      await insertRows(db, ctx.dealerId, id, batch);
      // Cells past the last header still get a column to map.
      headers = [...headers, ...Array<string>(width - headers.length).fill('')];
      return { jobId: id, format, headers, total, samples };
    } catch (error) {
      if (jobId) await deleteJob(db, ctx.dealerId, jobId);
      throw error;
    }
  };

  const upload = async (
    ctx: AuthContext,
    fileName: string,
    body: Readable,
    requestId?: string,
  ): Promise<TUploadImportResponse> => {
    const path = join(tempDir, `qianke-import-${randomUUID()}`);
    try {
      const limit = byteLimit(maxBytes);
      await pipeline(body, limit.stream, createWriteStream(path));
      if (limit.bytes() === 0) throw new DomainError('validation_failed', 'The file is empty.');
      const read = await readIntoJob(ctx, fileName, path);
      try {
        await db.transaction(async (tx) => {
          await updateJob(tx, ctx.dealerId, read.jobId, { headers: read.headers, totalRows: read.total });
          await recordAudit(tx, {
            dealerId: ctx.dealerId,
            actorId: ctx.userId,
            action: 'import.upload',
            entity: 'import_job',
            entityId: read.jobId,
            after: { fileName, format: read.format, bytes: limit.bytes(), totalRows: read.total },
            requestId,
          });
        });
      } catch (error) {
        await deleteJob(db, ctx.dealerId, read.jobId);
        throw error;
      }
      return {
        jobId: read.jobId,
        fileName,
        headers: read.headers,
        totalRows: read.total,
        suggestedMapping: suggestMapping(read.headers),
        sampleRows: read.samples,
      };
    } finally {
      await rm(path, { force: true });
    }
  };

  const lookupsOf = async (dealerId: string) => {
    const [sources, consultants, series] = await Promise.all([
      activeSources(db, dealerId),
      activeStaffWithRoles(db, dealerId, OWNER_ROLES),
      activeSeries(db, dealerId),
    ]);
    return indexLookups({ sources, consultants, series });
  };

  /**
   * Checks every row against the chosen mapping, the store's staff, sources, catalog and customers,
   * and stores each row's problems and values. Mapping again (another choice) checks again.
   */
  const saveMapping = async (
    ctx: AuthContext,
    id: string,
    input: TImportMappingRequest,
    requestId?: string,
  ): Promise<TImportCounts> => {
    const job = await load(ctx, id);
    if (job.status !== 'uploaded' && job.status !== 'previewed') {
      throw new DomainError('conflict', 'This file has already been imported: its mapping cannot change.');
    }
    const defaultSourceId = input.defaultSourceId ?? null;
    const problems = mappingProblems(
      input.mapping,
      (job.headers as string[]).length,
      defaultSourceId !== null,
    );
    if (problems.length > 0) throw mappingError(problems);
    let defaultSource: { id: string; label: string } | null = null;
    if (defaultSourceId) {
      const source = await findSource(db, ctx.dealerId, defaultSourceId);
      if (!source?.active) {
        const message = 'Choose a source of this store that is in use.';
        throw new DomainError('validation_failed', message, { fields: { defaultSourceId: message } });
      }
      defaultSource = { id: source.id, label: source.nameZh };
    }
    // Back to "uploaded" while checking, so no run can start on half-checked rows.
    if (!(await moveJobStatus(db, ctx.dealerId, id, ['uploaded', 'previewed'], 'uploaded'))) {
      throw new DomainError('conflict', 'This file has already been imported: its mapping cannot change.');
    }
    const mapping: ColumnMapping = input.mapping;
    const columns = fieldColumnsOf(mapping);
    const index = await lookupsOf(ctx.dealerId);
    const context = {
      now: clock.now(),
      timeZone: await storeTimeZoneOf(db, ctx.dealerId),
      defaultSource,
    };
    const seen = new Map<string, number>();
    let after = 0;
    for (;;) {
      const rows = await rowsAfter(db, ctx.dealerId, id, after, WRITE_BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]?.rowNo ?? after;
      const checked = rows.map((row) => {
        const check = checkRow(row.cells, columns, index, context);
        const duplicate = duplicateProblem(
          seen,
          check.values.phoneE164,
          row.rowNo,
          check.values.phoneRaw ?? '',
        );
        if (duplicate) check.problems.push(duplicate);
        return { rowNo: row.rowNo, check };
      });
      const phones = [
        ...new Set(checked.flatMap((c) => (c.check.values.phoneE164 ? [c.check.values.phoneE164] : []))),
      ];
      const known = await customersByPhone(db, ctx.dealerId, phones);
      await writeChecks(
        db,
        ctx.dealerId,
        id,
        checked.map(({ rowNo, check }) => ({
          rowNo,
          check: {
            problems: check.problems,
            values: check.values,
            merge: (check.values.phoneE164 && known.get(check.values.phoneE164)) || null,
          } satisfies RowCheckRecord,
        })),
      );
    }
    const counts = await previewCounts(db, ctx.dealerId, id);
    await db.transaction(async (tx) => {
      await updateJob(tx, ctx.dealerId, id, {
        mapping: { columns: mapping, defaultSourceId, counts } satisfies StoredMapping,
        status: 'previewed',
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'import.map',
        entity: 'import_job',
        entityId: id,
        after: { fileName: job.fileName, mapping, defaultSourceId, ...counts },
        requestId,
      });
    });
    return counts;
  };

  const rows = async (ctx: AuthContext, id: string, query: TImportRowsQuery): Promise<TImportRowList> => {
    const job = await load(ctx, id);
    const stored = await listRows(db, ctx.dealerId, id, query.filter, query.cursor ?? 0, query.limit + 1);
    const page = stored.slice(0, query.limit);
    const phoneColumn = fieldColumnsOf((job.mapping as StoredMapping | null)?.columns ?? {}).phone;
    return {
      items: page.map((row) => maskedRow(toRow(row), phoneColumn, ctx)),
      nextCursor: stored.length > query.limit ? String(page[page.length - 1]?.rowNo ?? '') : null,
    };
  };

  const captureInput = (
    ctx: AuthContext,
    job: ImportJobRow,
    row: { rowNo: number; cells: string[]; check: RowCheckRecord },
    now: Date,
    requestId: string | undefined,
  ): CaptureLeadInput => {
    const v = row.check.values;
    const headers = job.headers as string[];
    if (!v.name || !v.phoneE164 || !v.phoneRaw || !v.sourceId) {
      throw new Error(`row ${row.rowNo} was checked valid without a name, phone or source`);
    }
    return {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      customer: {
        name: v.name,
        phoneE164: v.phoneE164,
        phoneRaw: v.phoneRaw,
        gender: v.gender ?? null,
        region: v.region ?? null,
        address: v.address ?? null,
        occupation: v.occupation ?? null,
        company: v.company ?? null,
        currentCar: v.currentCar ?? null,
        budgetMin: v.budgetMin ?? null,
        budgetMax: v.budgetMax ?? null,
        paymentIntent: v.paymentIntent ?? null,
      },
      lead: {
        sourceId: v.sourceId,
        channel: 'import',
        seriesId: v.seriesId ?? null,
        campaignCode: v.campaignCode ?? null,
        level: v.level ?? null,
        horizon: v.horizon ?? null,
        note: v.note ?? null,
        rawPayload: {
          import: { jobId: job.id, fileName: job.fileName, rowNo: row.rowNo },
          row: Object.fromEntries(headers.map((header, i) => [header || `#${i + 1}`, row.cells[i] ?? ''])),
        },
      },
      ownerId: v.ownerId ?? null,
      occurredAt: v.occurredAt ? new Date(v.occurredAt) : now,
      // An inquiry dated in the file happened then; its tasks are planned from now.
      now,
      via: 'import',
      requestId,
    };
  };

  /**
   * One transaction: every row captured and its outcome recorded, or none of them. The rows are captured
   * together (captureLeads: a handful of statements for the batch, the same outcome as one by one).
   */
  const importBatch = async (
    tx: Executor,
    ctx: AuthContext,
    job: ImportJobRow,
    batch: { rowNo: number; cells: string[]; check: RowCheckRecord }[],
    now: Date,
    requestId: string | undefined,
  ) => {
    // The batch's write is one large statement that took longer to plan (~5 ms) than its lookups take to
    // run, and its plan does not depend on the values: planned once per connection, as intake's.
    await allowGenericPlans(tx);
    await commitBatchWithoutFlush(tx);
    const results = await captureLeads(
      tx,
      batch.map((row) => captureInput(ctx, job, row, now, requestId)),
      { cardSerials },
    );
    const outcomes: RowOutcome[] = batch.map((row, i) => {
      const result = results[i];
      if (!result) throw new Error(`row ${row.rowNo} was not captured`);
      return {
        rowNo: row.rowNo,
        outcome: result.duplicate ? 'merged' : 'created',
        customerId: result.customerId,
        leadId: result.leadId,
      };
    });
    await writeOutcomes(tx, ctx.dealerId, job.id, outcomes);
    const merged = outcomes.filter((o) => o.outcome === 'merged').length;
    await addJobCounts(tx, ctx.dealerId, job.id, { created: outcomes.length - merged, merged, rejected: 0 });
  };

  const rejectRow = async (ctx: AuthContext, jobId: string, rowNo: number, error: unknown) => {
    await db.transaction(async (tx) => {
      await writeOutcomes(tx, ctx.dealerId, jobId, [
        { rowNo, outcome: 'rejected', customerId: null, leadId: null, failure: failureText(error) },
      ]);
      await addJobCounts(tx, ctx.dealerId, jobId, { created: 0, merged: 0, rejected: 1 });
    });
  };

  /** Imports in progress in this process, so shutting down can stop them cleanly between batches. */
  const running = new Map<string, Promise<{ error?: unknown }>>();
  let stopping = false;

  /**
   * Imports the valid rows through captureLeads, RUN_BATCH rows per transaction. A batch that fails is
   * retried row by row, so one bad row is refused with its reason and the others still go in.
   */
  const importValidRows = async (ctx: AuthContext, job: ImportJobRow, requestId: string | undefined) => {
    const id = job.id;
    await db.transaction(async (tx) => {
      const rejected = await rejectRowsWithProblems(tx, ctx.dealerId, id);
      await addJobCounts(tx, ctx.dealerId, id, { created: 0, merged: 0, rejected });
    });
    let after = 0;
    // A large file's rows were just written and checked: their statistics first, so the batches below
    // are read by the primary key; then the store's as it grows (see nextAnalyzeAt).
    if (job.totalRows > ANALYZE_FIRST_ROWS) await refreshImportStatistics(db, { withImportRows: true });
    let imported = 0;
    let analyzeAt = ANALYZE_FIRST_ROWS;
    for (;;) {
      if (stopping) throw new ImportInterrupted();
      const batch = await pendingValidRows(db, ctx.dealerId, id, after, RUN_BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.rowNo ?? after;
      if (imported >= analyzeAt) {
        await refreshImportStatistics(db, { withImportRows: false });
        analyzeAt = nextAnalyzeAt(imported);
      }
      imported += batch.length;
      // A large file imports for minutes: each batch is recorded at its own time.
      const now = clock.now();
      try {
        await db.transaction((tx) => importBatch(tx, ctx, job, batch, now, requestId));
      } catch {
        for (const row of batch) {
          try {
            await db.transaction((tx) => importBatch(tx, ctx, job, [row], now, requestId));
          } catch (error) {
            await rejectRow(ctx, id, row.rowNo, error);
          }
        }
      }
    }
    await db.transaction(async (tx) => {
      await updateJob(tx, ctx.dealerId, id, { status: 'done', finishedAt: clock.now() });
      const done = await findJob(tx, ctx.dealerId, id);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'import.run',
        entity: 'import_job',
        entityId: id,
        after: {
          fileName: job.fileName,
          totalRows: job.totalRows,
          created: done?.createdRows,
          merged: done?.mergedRows,
          rejected: done?.rejectedRows,
        },
        requestId,
      });
    });
  };

  /** A run that fails is "failed" (it can be started again, and carries on); the failure is audited. */
  const recordFailure = async (ctx: AuthContext, job: ImportJobRow, error: unknown, requestId?: string) => {
    try {
      await db.transaction(async (tx) => {
        await updateJob(tx, ctx.dealerId, job.id, { status: 'failed' });
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'import.fail',
          entity: 'import_job',
          entityId: job.id,
          after: { fileName: job.fileName, reason: error instanceof Error ? error.message : String(error) },
          requestId,
        });
      });
    } catch {
      // The database is gone (shutting down): the job stays "importing" and may resume once it is stale.
    }
  };

  /**
   * Starts importing and waits up to `runWaitMs` for the end: a small file answers "done"; a large one
   * answers "importing" and goes on in the background (the job shows its progress). A run that stopped
   * half-way (an error, a shutdown, or the server went down and STALE_RUN_MINUTES passed without
   * progress) can be started again: it carries on with the rows not yet imported.
   */
  const run = async (ctx: AuthContext, id: string, requestId?: string): Promise<TImportJob> => {
    if (stopping)
      throw new DomainError('conflict', 'The server is restarting. Start the import again in a minute.');
    const job = await load(ctx, id);
    if (!(await claimRun(db, ctx.dealerId, id, STALE_RUN_MINUTES))) {
      if (job.status === 'uploaded') {
        throw new DomainError('conflict', 'Map the columns and check the preview before importing.');
      }
      throw new DomainError('conflict', 'This file has already been imported.');
    }
    const work: Promise<{ error?: unknown }> = importValidRows(ctx, job, requestId)
      .then(
        () => ({}),
        async (error: unknown) => {
          await recordFailure(ctx, job, error, requestId);
          return { error };
        },
      )
      .finally(() => running.delete(id));
    running.set(id, work);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      work,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), runWaitMs);
      }),
    ]);
    clearTimeout(timer);
    // Stopped by a shutdown: not the caller's fault; the job says "failed" and can carry on.
    if (waited?.error && !(waited.error instanceof ImportInterrupted)) throw waited.error;
    return get(ctx, id);
  };

  /** Before the database closes: imports stop after their current batch, as "failed" (they can carry on). */
  const stop = async () => {
    stopping = true;
    await Promise.all(running.values());
  };

  async function* allRows(dealerId: string, jobId: string): AsyncGenerator<StoredRow> {
    let after = 0;
    for (;;) {
      const page = await listRows(db, dealerId, jobId, 'all', after, WRITE_BATCH);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]?.rowNo ?? after;
    }
  }

  /**
   * The report of a job as an xlsx, written to `out` as it is read; the export is audited. The job is
   * looked up first, so a wrong id is a 404 before anything is streamed.
   */
  const report = async (ctx: AuthContext, id: string, language: ReportLanguage, requestId?: string) => {
    const job = await load(ctx, id);
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const phoneColumn = fieldColumnsOf((job.mapping as StoredMapping | null)?.columns ?? {}).phone;
    await recordAudit(db, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'import.report',
      entity: 'import_job',
      entityId: id,
      after: { fileName: job.fileName, rows: job.totalRows },
      requestId,
    });
    const base = job.fileName.replace(/\.[^.]+$/, '') || 'import';
    const masked = async function* () {
      for await (const row of allRows(ctx.dealerId, id)) {
        if (seesPhoneInFull(ctx.roles, ctx.userId, row.check?.values.ownerId ?? null)) yield row;
        else {
          const view = maskedRow(toRow(row), phoneColumn, ctx);
          yield { ...row, cells: view.cells, check: row.check && { ...row.check, problems: view.problems } };
        }
      }
    };
    return {
      fileName: `${base}-${reportTexts(language).fileSuffix}.xlsx`,
      write: (out: Writable) =>
        writeImportReport(
          {
            headers: job.headers as string[],
            language,
            timeZone,
            finishedAt: job.finishedAt,
            rows: masked(),
          },
          out,
        ),
    };
  };

  return { get, list, upload, saveMapping, rows, run, report, stop };
};

export type ImportsService = ReturnType<typeof createImportsService>;
