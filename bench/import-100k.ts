/**
 * Imports a 100,000-row xlsx end to end and prints how long each step took and the peak memory.
 *
 *   npx tsx bench/import-100k.ts            # in-memory PGlite with the demo dealership
 *   DATABASE_URL=postgres://... npx tsx bench/import-100k.ts   # a fresh PostgreSQL database
 *   npx tsx bench/import-100k.ts 20000      # another number of rows
 *
 * The server and this client run in one process, so the peak RSS below covers both: the database
 * (PGlite runs inside the process), the upload, the checks, the import and the report.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestServer } from '../apps/server/src/test-support/test-server';

const ROWS = Number(process.argv[2] ?? 100_000);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const print = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);
}, 100);

const SERIES = ['秦PLUS', '宋PLUS', '汉', '唐', '海豹'];
const SOURCES = ['汽车之家', '懂车帝', 'walk_in', 'Yiche', '展厅来店', '抖音'];
const OWNERS = ['A01', '张伟', '李娜', 'A02', ''];

/** Writes the file as a stream: the generator itself must not be what fills the memory. */
const writeFile = async (path: string) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('客户');
  sheet
    .addRow(['姓名', '手机', '意向车型', '来源', '级别', '销售顾问', '购车时间', '预算', '登记日期', '备注'])
    .commit();
  for (let i = 0; i < ROWS; i++) {
    // One row in 500 repeats a phone, one in 1,000 has a bad phone: the preview has work to do.
    const n = i % 500 === 499 ? i - 1 : i;
    const phone = i % 1000 === 7 ? '1380000' : `13${String(100_000_000 + n).slice(0, 9)}`;
    const row = sheet.addRow([
      `客户${i}`,
      phone,
      SERIES[i % SERIES.length],
      SOURCES[i % SOURCES.length],
      'HABC'[i % 4],
      OWNERS[i % OWNERS.length],
      i % 2 ? '1-3个月' : '半年内',
      i % 3 ? '15-20万' : '',
      new Date(Date.UTC(2026, 0, 1 + (i % 28), 9, 30)),
      i % 10 ? '' : `第${i}行的备注`,
    ]);
    row.getCell(9).numFmt = 'yyyy-mm-dd hh:mm';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
};

const time = async <T>(label: string, step: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await step();
  const seconds = (performance.now() - started) / 1000;
  print(
    `${label.padEnd(22)} ${seconds.toFixed(1).padStart(7)} s   peak RSS so far ${mb(peakRss)}, peak JS heap ${mb(peakHeap)}`,
  );
  return result;
};

const main = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qianke-bench-'));
  const file = join(dir, 'import.xlsx');
  print(
    `Import of ${ROWS.toLocaleString('en-US')} rows on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
  );
  print(`RSS at start ${mb(process.memoryUsage().rss)}`);
  try {
    await time('generate xlsx', () => writeFile(file));
    print(`file size              ${mb((await stat(file)).size)}`);
    const t = await time('start server + demo', () => startTestServer());
    try {
      const manager = await t.as('manager');
      const cookie = manager.cookie ?? '';
      const upload = await time('upload + read', async () => {
        const res = await fetch(`${t.baseUrl}/api/v1/imports?fileName=bench.xlsx`, {
          method: 'POST',
          headers: { 'content-type': XLSX_TYPE, cookie },
          body: createReadStream(file) as unknown as RequestInit['body'],
          duplex: 'half',
        } as RequestInit);
        if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
        return (await res.json()) as {
          jobId: string;
          totalRows: number;
          suggestedMapping: Record<string, string>;
        };
      });
      const counts = await time('mapping + checks', async () => {
        const res = await manager.request('PUT', `/api/v1/imports/${upload.jobId}/mapping`, {
          mapping: upload.suggestedMapping,
        });
        if (res.status !== 200) throw new Error(`mapping: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body;
      });
      print(`preview                ${JSON.stringify(counts)}`);
      const job = await time('run (import)', async () => {
        // A large file answers 202 "importing" and goes on in the background: follow it to the end.
        let res = await manager.post(`/api/v1/imports/${upload.jobId}/run`);
        if (res.status !== 200 && res.status !== 202)
          throw new Error(`run: ${res.status} ${JSON.stringify(res.body)}`);
        while (res.body.status === 'importing') {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          res = await manager.get(`/api/v1/imports/${upload.jobId}`);
        }
        if (res.body.status !== 'done') throw new Error(`run ended ${res.body.status}`);
        return res.body;
      });
      print(
        `result                 created ${job.createdRows}, merged ${job.mergedRows}, rejected ${job.rejectedRows}`,
      );
      const bytes = await time('report download', async () => {
        const res = await fetch(`${t.baseUrl}/api/v1/imports/${upload.jobId}/report.xlsx`, {
          headers: { cookie },
        });
        if (res.status !== 200 || !res.body) throw new Error(`report: ${res.status}`);
        let total = 0;
        for await (const chunk of res.body) total += (chunk as Uint8Array).byteLength;
        return total;
      });
      print(`report size            ${mb(bytes)}`);
      const [db] = await t.rows<{ leads: number; size: number }>(sql`
        select (select count(*)::int from leads where channel = 'import') as leads,
               pg_database_size(current_database())::float8 as size`);
      print(`leads with channel 'import' in the database: ${db?.leads}`);
      // In-memory PGlite keeps the whole database in this process: it is part of the RSS.
      print(`database size          ${mb(db?.size ?? 0)}`);
    } finally {
      await t.close();
    }
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
  print(`peak RSS               ${mb(peakRss)} (server, client and, on PGlite, the database itself)`);
  print(`peak JS heap            ${mb(peakHeap)}`);
};

await main();
