import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectCsvEncoding, detectFormat, guessDelimiter, readSheetRows, type SheetRow } from './read-sheet';
import { csvText, gbkCsv, utf8BomCsv, xlsxFile } from './test-support/files';

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qianke-read-sheet-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fileOf = async (content: Buffer | string) => {
  const path = join(dir, `f${n++}`);
  await writeFile(path, content);
  return path;
};

const readAll = async (content: Buffer | string) => {
  const path = await fileOf(content);
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(path, await detectFormat(path))) rows.push(row);
  return rows;
};

const ROWS = [
  ['姓名', '手机', '意向车型', '备注'],
  ['王先生', '13800138000', '秦PLUS', '想要"白色", 周末来'],
  ['李女士', '139-0013-9000', '汉', ''],
];

describe('reading an import file', () => {
  it('reads a UTF-8 CSV with a byte-order mark: the BOM is not part of the first header', async () => {
    const path = await fileOf(utf8BomCsv(ROWS));
    expect(await detectCsvEncoding(path)).toBe('utf-8');
    const rows = await readAll(utf8BomCsv(ROWS));
    expect(rows.map((r) => r.cells)).toEqual(ROWS);
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
  });

  it('reads a GBK CSV as Excel in China saves it', async () => {
    const path = await fileOf(gbkCsv(ROWS));
    expect(await detectCsvEncoding(path)).toBe('gb18030');
    expect((await readAll(gbkCsv(ROWS))).map((r) => r.cells)).toEqual(ROWS);
  });

  it('reads a UTF-16 "Unicode text" file with tabs', async () => {
    const text = ROWS.map((r) => r.join('\t')).join('\r\n');
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await readAll(content)).map((r) => r.cells)).toEqual(ROWS);
  });

  it('reads semicolon-separated CSV, keeps row numbers across blank lines', async () => {
    const text = `${csvText(ROWS.slice(0, 2), ';')}\r\n\r\n${csvText(ROWS.slice(2), ';')}`;
    const rows = await readAll(text);
    expect(rows.filter((r) => r.cells.some(Boolean)).map((r) => r.rowNo)).toEqual([1, 2, 4]);
  });

  it('reads the first sheet of an xlsx: numbers as digits, dates as dates, other sheets skipped', async () => {
    const content = await xlsxFile(
      [
        ['姓名', '手机', '登记日期', '预算'],
        ['王先生', 13800138000, new Date(Date.UTC(2026, 2, 1)), 150000],
        [null, null, null, null],
        ['李女士', '13900139000', '2026/3/2', '15-20万'],
      ],
      ['说明'],
    );
    const rows = await readAll(content);
    expect(rows.filter((r) => r.cells.some(Boolean)).map((r) => [r.rowNo, r.cells])).toEqual([
      [1, ['姓名', '手机', '登记日期', '预算']],
      [2, ['王先生', '13800138000', '2026-03-01', '150000']],
      [4, ['李女士', '13900139000', '2026/3/2', '15-20万']],
    ]);
  });

  it('keeps every Chinese character whole across the chunks of a large sheet (exceljs issue 2084)', async () => {
    const text = (i: number) => `客户${i}号，地址上海市浦东新区世纪大道${i}弄，意向秦PLUS荣耀版`;
    const rows = Array.from({ length: 3000 }, (_, i) => [text(i), `${15 + (i % 5)}-20万`]);
    const expected = rows.map((r) => r.join('|'));
    // Shared strings (what Excel writes) and inline strings (what streaming writers and other systems write).
    const shared = await xlsxFile([['备注', '预算'], ...rows]);
    const path = join(dir, `inline-${n++}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('客户');
    sheet.addRow(['备注', '预算']).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await writer.commit();
    for (const content of [shared, await readFile(path)]) {
      const read = (await readAll(content)).slice(1).map((r) => r.cells.join('|'));
      expect(read.filter((line) => line.includes('\uFFFD'))).toEqual([]);
      expect(read).toEqual(expected);
    }
  });

  it('refuses an old .xls and a binary file, and says what to do', async () => {
    const xls = await fileOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(detectFormat(xls)).rejects.toThrow(/save it as \.xlsx/);
    const binary = await fileOf(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2]));
    await expect(detectFormat(binary)).rejects.toThrow(/neither/);
  });

  it('refuses a damaged xlsx with a sentence, not a stack trace', async () => {
    const good = await xlsxFile(ROWS);
    await expect(readAll(good.subarray(0, 200))).rejects.toThrow(/cannot be read/);
  });

  it.each([
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['a;b;c', ';'],
    ['name', ','],
  ] as const)('guesses the delimiter of %j', (line, delimiter) =>
    expect(guessDelimiter(line)).toBe(delimiter),
  );
});
