import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { DomainError } from '@qianke/core/shared/domain-error';
import { CsvError, parse } from 'csv-parse';
import { loadExcelJs } from '../infra/xlsx/load-exceljs';

/**
 * Reads the rows of an uploaded .xlsx or .csv file from disk, one at a time, so a 100,000-row file never
 * sits in memory. Every cell comes out as text, as the person sees it in Excel: dates as
 * `2026-03-01` (or `2026-03-01 14:30`), numbers without grouping, formulas as their result.
 */
export type SheetFormat = 'xlsx' | 'csv';
export type SheetRow = { rowNo: number; cells: string[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** By content, not by name: a .csv renamed .xlsx, or an old .xls, is told apart here. */
export const detectFormat = async (path: string): Promise<SheetFormat> => {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
    if (startsWith(bytes, OLE_MAGIC)) {
      throw new DomainError(
        'validation_failed',
        'This is an old Excel file (.xls). Open it in Excel and save it as .xlsx or .csv, then upload it again.',
      );
    }
    // Excel's "Unicode text" is UTF-16 with a BOM, full of zero bytes.
    if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return 'csv';
    if (bytes.includes(0)) {
      throw new DomainError('validation_failed', 'This file is neither an .xlsx nor a .csv file.');
    }
    return 'csv';
  } finally {
    await handle.close();
  }
};

/**
 * UTF-16 when the file starts with its BOM (Excel's "Unicode text"); UTF-8 (with or without a BOM)
 * when every byte sequence is valid UTF-8; otherwise GB18030, the superset of GBK that Excel in China
 * saves CSV files in.
 */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const detectCsvEncoding = async (path: string): Promise<CsvEncoding> => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const bytes = chunk as Buffer;
      if (first && startsWith(bytes, UTF16LE_BOM)) return 'utf-16le';
      if (first && startsWith(bytes, UTF16BE_BOM)) return 'utf-16be';
      first = false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
};

const decodeStream = (encoding: CsvEncoding) => {
  // The decoders drop a leading BOM themselves.
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, decoder.decode());
    },
  });
};

/** Comma as Excel writes it; a tab or a semicolon when the header line has more of those. */
export const guessDelimiter = (firstLine: string): ',' | '\t' | ';' => {
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [',', '\t', ';'] as const;
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ',');
};

const firstLineOf = async (path: string, encoding: CsvEncoding): Promise<string> => {
  const decoder = new TextDecoder(encoding);
  let text = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    text += decoder.decode(chunk as Buffer, { stream: true });
    const end = text.search(/\r?\n/);
    if (end >= 0) return text.slice(0, end);
    if (text.length > 1_000_000) break;
  }
  return text;
};

async function* readCsv(path: string): AsyncGenerator<SheetRow> {
  const encoding = await detectCsvEncoding(path);
  const delimiter = guessDelimiter(await firstLineOf(path, encoding));
  const source = createReadStream(path);
  const parser = source.pipe(decodeStream(encoding)).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let rowNo = 0;
  try {
    for await (const record of parser) {
      rowNo++;
      yield { rowNo, cells: (record as string[]).map((cell) => cell.trim()) };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new DomainError(
        'validation_failed',
        `The CSV file cannot be read near row ${rowNo + 1}: ${error.message}`,
      );
    }
    throw error;
  } finally {
    // A reader that stops early (too many rows) must not keep the file open.
    source.destroy();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates carry no zone: exceljs hands them over as UTC with the wall-clock digits. */
const dateText = (date: Date): string => {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${pad(h)}:${pad(m)}`;
};

/** A cell of any kind exceljs reads (text, number, date, rich text, formula, hyperlink, error) as text. */
export const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text?: string }[];
      result?: unknown;
      formula?: string;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText))
      return v.richText
        .map((part) => part.text ?? '')
        .join('')
        .trim();
    if ('result' in v || v.formula !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return '';
  }
  return String(value).trim();
};

/** The internals of exceljs's streaming reader that take the XML of the parts of the file. */
type ReaderInternals = {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

const decodedEntry = (entry: NodeJS.ReadableStream) => {
  entry.setEncoding('utf8');
  return entry;
};
/**
 * exceljs 4.4 decodes each 16 KB chunk of XML on its own, so a Chinese character that straddles two
 * chunks turns into `��` (exceljs issues 2063 and 2084, open). Its XML parser passes text through
 * untouched, so here every part reaches it already decoded, with the character boundaries kept.
 * The class is made when the first workbook is read, after exceljs is loaded.
 */
const defineUtf8WorkbookReader = async () => {
  const { stream } = await loadExcelJs();
  class Utf8WorkbookReader extends stream.xlsx.WorkbookReader {}
  const base = stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
  Object.assign(Utf8WorkbookReader.prototype, {
    _parseRels(this: ReaderInternals, entry: NodeJS.ReadableStream) {
      return base._parseRels.call(this, decodedEntry(entry));
    },
    _parseWorkbook(this: ReaderInternals, entry: NodeJS.ReadableStream) {
      return base._parseWorkbook.call(this, decodedEntry(entry));
    },
    _parseStyles(this: ReaderInternals, entry: NodeJS.ReadableStream) {
      return base._parseStyles.call(this, decodedEntry(entry));
    },
    _parseSharedStrings(this: ReaderInternals, entry: NodeJS.ReadableStream) {
      return base._parseSharedStrings.call(this, decodedEntry(entry));
    },
    _parseWorksheet(this: ReaderInternals, iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
      return base._parseWorksheet.call(this, utf8Text(iterator), sheetNo);
    },
  } satisfies ReaderInternals);
  return Utf8WorkbookReader;
};
let utf8WorkbookReader: ReturnType<typeof defineUtf8WorkbookReader> | undefined;

async function* readXlsx(path: string): AsyncGenerator<SheetRow> {
  utf8WorkbookReader ??= defineUtf8WorkbookReader();
  const workbook = new (await utf8WorkbookReader)(path, {
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let first = true;
  try {
    for await (const worksheet of workbook) {
      // Only the first sheet is imported; the XML of the others is read through (not parsed), so
      // exceljs closes and removes the temporary files it may have parked them in.
      if (!first) {
        for await (const _chunk of (worksheet as unknown as { iterator: AsyncIterable<unknown> }).iterator) {
          // skipped
        }
        continue;
      }
      first = false;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        yield { rowNo: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'validation_failed',
      'The Excel file cannot be read: it may be damaged or protected by a password. Open it in Excel, save it again as .xlsx and upload it again.',
    );
  } finally {
    (workbook as unknown as { stream?: { destroy: () => void } }).stream?.destroy();
  }
}

/** The rows of the first sheet (or of the CSV file), header row included, numbered as Excel shows them. */
export const readSheetRows = (path: string, format: SheetFormat): AsyncGenerator<SheetRow> =>
  format === 'xlsx' ? readXlsx(path) : readCsv(path);
