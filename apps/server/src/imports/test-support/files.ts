import ExcelJS from 'exceljs';

/** Import files as dealership staff send them, built in the test itself: xlsx, CSV in UTF-8 and in GBK. */

export type Cell = string | number | Date | null;

export const csvText = (rows: readonly (readonly Cell[])[], delimiter = ','): string =>
  rows
    .map((row) =>
      row
        .map((cell) => {
          const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
          return /[",\n\r;\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(delimiter),
    )
    .join('\r\n');

/** UTF-8 with the byte-order mark Excel writes for "CSV UTF-8". */
export const utf8BomCsv = (rows: readonly (readonly Cell[])[]): Buffer =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')]);

let gbkTable: Map<string, Buffer> | undefined;

/** Node decodes GB18030 but cannot encode it: invert the decoder over the two-byte range once. */
const gbkOf = (char: string): Buffer => {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const decoded = decoder.decode(bytes);
        if (decoded.length === 1 && !gbkTable.has(decoded)) gbkTable.set(decoded, bytes);
      }
    }
  }
  if (char.charCodeAt(0) < 0x80) return Buffer.from(char, 'latin1');
  const bytes = gbkTable.get(char);
  if (!bytes) throw new Error(`no GBK code for ${char}`);
  return bytes;
};

/** What "CSV (逗号分隔)" in a Chinese Excel writes: GBK, no byte-order mark. */
export const gbkCsv = (rows: readonly (readonly Cell[])[]): Buffer =>
  Buffer.concat([...csvText(rows)].map(gbkOf));

/** An .xlsx built with exceljs; Date cells get a date format so they read back as dates. */
export const xlsxFile = async (
  rows: readonly (readonly Cell[])[],
  extraSheets: readonly string[] = [],
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  for (const row of rows) sheet.addRow([...row]);
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    }),
  );
  for (const name of extraSheets) workbook.addWorksheet(name).addRow(['不应导入', 'not imported']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
