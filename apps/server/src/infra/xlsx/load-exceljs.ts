import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded the first time a workbook is read or written. Importing it takes about a second, a
 * quarter of the server's cold start (docs/performance.md), and most starts never touch a workbook.
 */
export const loadExcelJs = (): Promise<typeof ExcelJS> => {
  loading ??= import('exceljs').then((module) => module.default);
  return loading;
};
