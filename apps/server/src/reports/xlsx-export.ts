import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { wallClockOf } from '@qianke/core/shared/local-time';
import type ExcelJS from 'exceljs';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { recordAudit } from '../infra/audit/record-audit';
import type { Executor } from '../infra/db/database';
import { loadExcelJs } from '../infra/xlsx/load-exceljs';

/**
 * Every .xlsx download of issue 6 (reports and the customer list) goes through here: the workbook is
 * written as a stream straight into the HTTP response (exceljs WorkbookWriter), the rows are pulled
 * from an async source one batch at a time (see `keysetBatches`) and the writer waits while the client
 * reads, so memory stays flat at 100,000 rows. When the last row is written, one audit row says who
 * exported which report with which filter and how many rows; only then does the response end.
 * Phones are masked by the caller's row mapping (drilldown.ts `phoneForViewer`), never here.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number | Date | null;

export type XlsxColumn<Row> = {
  header: string;
  value: (row: Row) => XlsxCell;
  width?: number;
  /** e.g. '0.0%' for rates, 'yyyy-mm-dd hh:mm' for times (write times with `wallClock`). */
  numFmt?: string;
};

export type XlsxExport<Row> = {
  /** What was exported: the audit row's entity id and the start of the file name (`funnel`, `customers`). */
  report: string;
  fileName: string;
  sheetName: string;
  /** Lines above the table: title, period, notes such as "cost: no campaign records a cost". */
  heading?: readonly string[];
  columns: readonly XlsxColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  audit: { dealerId: string; actorId: string; filter: unknown; requestId?: string | undefined };
};

/** Rows read per query while exporting. */
export const EXPORT_BATCH = 1000;

/**
 * Rows of a keyset-paged query, one batch at a time: `fetchBatch(after, limit)` answers the rows after
 * the key of the previous batch's last row (undefined for the first batch).
 */
export async function* keysetBatches<Row, Key>(
  fetchBatch: (after: Key | undefined, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<Row> {
  let after: Key | undefined;
  for (;;) {
    const batch = await fetchBatch(after, batchSize);
    yield* batch;
    const last = batch.at(-1);
    if (batch.length < batchSize || last === undefined) return;
    after = keyOf(last);
  }
}

/** xlsx dates have no zone: the store's wall-clock time, written as if it were UTC. */
export const wallClock = (instant: Date | string | null, timeZone: string): Date | null => {
  if (instant === null) return null;
  const c = wallClockOf(instant instanceof Date ? instant : new Date(instant), timeZone);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
};

/** `attachment` with the UTF-8 name for browsers and an ASCII one for old clients. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** One style object per column, shared by all its cells (see `withSharedStyles`). */
export const sharedColumnStyles = (
  columns: readonly { numFmt?: string | undefined }[],
): Partial<ExcelJS.Style>[] => columns.map((column) => (column.numFmt ? { numFmt: column.numFmt } : {}));

/**
 * Gives each cell of a row its column's style object. exceljs gives every cell a style object of its
 * own and, not knowing it, renders and looks up each one: two thirds of the CPU of writing 100,000 rows.
 * A style object it has seen is looked up once (it keeps the ids by object, whatever the cell's kind),
 * so a date in a column without a format keeps its own style: exceljs gives it a date format.
 */
export const withSharedStyles = (row: ExcelJS.Row, styles: readonly Partial<ExcelJS.Style>[]) => {
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const style = styles[column - 1];
    if (style && (style.numFmt || !(cell.value instanceof Date))) cell.style = style;
  });
};

/** Writes the workbook into `out` (ended by the zip writer); resolves with the number of data rows. */
export const writeXlsx = async <Row>(
  spec: XlsxExport<Row>,
  out: Writable,
  /** Counts the rows as they are written, for the audit row of an export that stops half way. */
  progress: { rows: number } = { rows: 0 },
): Promise<number> => {
  const { stream } = await loadExcelJs();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const heading = spec.heading ?? [];
  const sheet = workbook.addWorksheet(spec.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: heading.length + 1 }],
  });
  sheet.columns = spec.columns.map((column, i) => ({
    key: `c${i}`,
    width: column.width ?? 16,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  for (const line of heading) sheet.addRow([line]).commit();
  const header = sheet.addRow(spec.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  const styles = sharedColumnStyles(spec.columns);
  let count = 0;
  for await (const row of spec.rows) {
    // The download was abandoned: stop reading rows (the caller audits it as incomplete).
    if (out.destroyed) throw new Error('the client closed the download');
    const added = sheet.addRow(spec.columns.map((column) => column.value(row)));
    withSharedStyles(added, styles);
    added.commit();
    count += 1;
    progress.rows = count;
    // Let the client catch up before reading more rows: memory stays flat however long the list.
    if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
  if (out.destroyed) throw new Error('the client closed the download');
  sheet.commit();
  await workbook.commit();
  return count;
};

/**
 * Streams the export as the HTTP answer. The audit row is written after the last row, before the
 * response ends: a client that has the whole file can rely on the audit row being there.
 */
export const sendXlsx = <Row>(
  db: Executor,
  reply: FastifyReply,
  log: FastifyBaseLogger,
  spec: XlsxExport<Row>,
): FastifyReply => {
  const out = new PassThrough();
  const zip = new PassThrough();
  zip.pipe(out, { end: false });
  const finished = new Promise<void>((resolve, reject) => {
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  // Awaited below; a failure before that point must not become an unhandled rejection.
  finished.catch(() => undefined);
  // Once the client has gone, nobody listens to the response stream: its error must not end the process.
  out.on('error', (error) => log.debug({ err: error }, `export ${spec.report} stream closed`));
  const audit = (rows: number, complete: boolean) =>
    recordAudit(db, {
      dealerId: spec.audit.dealerId,
      actorId: spec.audit.actorId,
      action: 'report.export',
      entity: 'report',
      entityId: spec.report,
      after: { filter: spec.audit.filter, rows, complete },
      requestId: spec.audit.requestId,
    });
  // A client that goes away stops the export (the audit row then says it was not complete).
  reply.raw.on('close', () => {
    if (!out.writableFinished) zip.destroy(new Error('the client closed the download'));
  });
  const progress = { rows: 0 };
  // A download abandoned while the workbook is being finished must not leave the export waiting for ever.
  const abandoned = finished.then(() => new Promise<never>(() => undefined));
  abandoned.catch(() => undefined);
  Promise.race([writeXlsx(spec, zip, progress), abandoned])
    .then(async (rows) => {
      await finished;
      await audit(rows, true);
      out.end();
    })
    .catch(async (error: unknown) => {
      if (reply.raw.destroyed) log.info(`export ${spec.report}: the client left before the end`);
      else log.error({ err: error }, `export ${spec.report} failed`);
      await audit(progress.rows, false).catch(() => undefined);
      // A client that left needs no error; otherwise the error aborts the half-sent file.
      if (reply.raw.destroyed) out.destroy();
      else out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  return reply.type(XLSX_TYPE).header('content-disposition', attachment(spec.fileName)).send(out);
};
