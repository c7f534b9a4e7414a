import ExcelJS from 'exceljs';
import type { ApiClient } from './test-server';

/** A file route's answer as a browser gets it: the status, the content type and the bytes. */
export const download = async (client: ApiClient, path: string) => {
  const res = await fetch(client.baseUrl + path, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.arrayBuffer() };
};

/** The first sheet's cells, row by row from column A, as plain values. */
export const sheetOf = async (body: ArrayBuffer): Promise<unknown[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};
