import type { Writable } from 'node:stream';
import { wallClockOf } from '@qianke/core/shared/local-time';
import { loadExcelJs } from '../infra/xlsx/load-exceljs';
import { sharedColumnStyles, withSharedStyles } from '../reports/xlsx-export';
import type { StoredRow } from './imports.repo';
import { problemText, type ReportLanguage, reportTexts } from './report-texts';

/**
 * The import report (issue 3): one row per row of the file, with its original cells, what became of
 * it, the customer's card number and its problems. Written as a stream, row by row, so a 100,000-row
 * report never sits in memory.
 */
export type ReportInput = {
  headers: readonly string[];
  language: ReportLanguage;
  timeZone: string;
  /** When the run finished: the inquiry time of imported rows without a date column. */
  finishedAt: Date | null;
  rows: AsyncIterable<StoredRow>;
};

/** xlsx dates have no zone: write the store's wall-clock time as if it were UTC. */
const wallClock = (instant: Date, timeZone: string): Date => {
  const c = wallClockOf(instant, timeZone);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
};

export const writeImportReport = async (input: ReportInput, out: Writable): Promise<void> => {
  const texts = reportTexts(input.language);
  const { stream } = await loadExcelJs();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(texts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cellColumns = input.headers.map((header, i) => ({
    header: header || texts.column(i + 1),
    key: `c${i}`,
    width: 16,
  }));
  sheet.columns = [
    { header: texts.rowNo, key: 'rowNo', width: 8 },
    ...cellColumns,
    { header: texts.outcome, key: 'outcome', width: 12 },
    { header: texts.cardNo, key: 'cardNo', width: 16 },
    { header: texts.occurredAt, key: 'occurredAt', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    { header: texts.problems, key: 'problems', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const styles = sharedColumnStyles(
    (sheet.columns ?? []).map((column) => ({ numFmt: column.style?.numFmt })),
  );

  for await (const row of input.rows) {
    const problems = row.check?.problems ?? [];
    const outcome =
      row.outcome ?? (row.check === null ? 'unchecked' : problems.length > 0 ? 'rejected' : 'pending');
    const imported = row.outcome === 'created' || row.outcome === 'merged';
    const occurredAt = row.check?.values.occurredAt
      ? new Date(row.check.values.occurredAt)
      : imported
        ? input.finishedAt
        : null;
    const messages = problems.map((p) => problemText(p, input.language));
    if (row.check?.failure) messages.push(row.check.failure);
    const values: Record<string, unknown> = {
      rowNo: row.rowNo,
      outcome: texts.outcomes[outcome],
      cardNo: row.cardNo ?? row.check?.merge?.cardNo ?? '',
      occurredAt: occurredAt ? wallClock(occurredAt, input.timeZone) : null,
      problems: messages.join('；'),
    };
    input.headers.forEach((_, i) => {
      values[`c${i}`] = row.cells[i] ?? '';
    });
    const added = sheet.addRow(values);
    withSharedStyles(added, styles);
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
};
