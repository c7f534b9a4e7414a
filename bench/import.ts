import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generate } from './dataset/generate';
import { createScratchDatabase, queryRows } from './lib/database';
import { login } from './lib/http';
import { rssKibOf } from './lib/proc';
import { type BenchServer, startServer } from './lib/server';
import type { Result } from './lib/table';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Customers of the store before the import: some rows of the file are theirs (an inquiry added to a card). */
const STORE_CUSTOMERS = 2_000;

const SERIES = ['秦PLUS', '宋PLUS', '汉', '唐', '海豹'];
const SOURCES = ['汽车之家', '懂车帝', 'walk_in', 'Yiche', '展厅来店', '抖音'];
// Consultant codes and a display name of the bench store; a blank owner goes to the store's rotation.
const OWNERS = ['A01', '顾问01-3', 'A02', ''];

/**
 * The file a store's manager would upload: 10 columns as a dealership keeps them, one row in 100 a phone
 * the store already knows, one in 500 a phone repeated in the file, one in 1,000 a phone too short.
 * Written as a stream, so the generator is not what fills the memory.
 */
export const writeImportFile = async (path: string, rows: number, knownPhones: readonly string[]) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('客户');
  sheet
    .addRow(['姓名', '手机', '意向车型', '来源', '级别', '销售顾问', '购车时间', '预算', '登记日期', '备注'])
    .commit();
  for (let i = 0; i < rows; i++) {
    const n = i % 500 === 499 ? i - 1 : i;
    const phone =
      i % 1000 === 7
        ? '1380000'
        : i % 100 === 42 && knownPhones.length > 0
          ? (knownPhones[((i / 100) % knownPhones.length) | 0] as string)
          : `19${String(900_000_000 + n).slice(0, 9)}`;
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

/** The server's resident memory in bytes (its own node process), 0 once it has ended. */
const serverRss = (pid: number) => {
  try {
    return rssKibOf(pid) * 1024;
  } catch {
    return 0;
  }
};

/** The peak of the server's RSS while `step` runs, sampled every 50 ms. */
const measured = async <T>(server: BenchServer, step: () => Promise<T>) => {
  const pid = server.child.pid as number;
  let peak = serverRss(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, serverRss(pid));
  }, 50);
  const started = performance.now();
  try {
    const value = await step();
    return {
      value,
      seconds: (performance.now() - started) / 1000,
      peakMb: Math.max(peak, serverRss(pid)) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
};

/**
 * A `rows`-row xlsx imported through the API as the web app does it (upload, the suggested mapping
 * checked, run and followed to the end), then the store's customer list exported as xlsx (the list's
 * export button: every customer, the imported ones included). Its own database with one store of
 * STORE_CUSTOMERS customers, its own server process; the peak RSS is that process's.
 */
export const importBenchmark = async (
  adminUrl: string,
  rows: number,
  log: (line: string) => void,
): Promise<Result[]> => {
  const scratch = await createScratchDatabase(adminUrl);
  const dir = await mkdtemp(join(tmpdir(), 'qianke-bench-import-'));
  try {
    await generate(
      { kind: 'postgres', url: scratch.url },
      { stores: 1, customers: STORE_CUSTOMERS, seed: 1, now: new Date() },
    );
    const known = await queryRows<{ phone: string }>(
      scratch.url,
      `select phone_raw as phone from customers order by card_no limit 1000`,
    );
    const file = join(dir, 'customers.xlsx');
    await writeImportFile(
      file,
      rows,
      known.map((k) => k.phone),
    );
    const size = (await stat(file)).size;
    const server = await startServer({ DATABASE_URL: scratch.url });
    try {
      const manager = await login(server.url, 'b01-manager');
      log(
        `  server RSS before the import: ${(serverRss(server.child.pid as number) / 2 ** 20).toFixed(0)} MB`,
      );
      const cookie = manager.cookie ?? '';
      const imported = await measured(server, async () => {
        const started = performance.now();
        const res = await fetch(`${server.url}/api/v1/imports?fileName=customers.xlsx`, {
          method: 'POST',
          headers: { 'content-type': XLSX_TYPE, cookie },
          body: new Blob([readFileSync(file)]),
        });
        if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
        const upload = (await res.json()) as { jobId: string; suggestedMapping: Record<string, string> };
        const uploaded = performance.now();
        const mapped = await manager.request('PUT', `/api/v1/imports/${upload.jobId}/mapping`, {
          mapping: upload.suggestedMapping,
        });
        if (mapped.status !== 200)
          throw new Error(`mapping: ${mapped.status} ${JSON.stringify(mapped.body)}`);
        const checked = performance.now();
        // A large file answers 202 "importing" and goes on in the background: followed to the end.
        let job = await manager.request<{
          status: string;
          createdRows: number;
          mergedRows: number;
          rejectedRows: number;
        }>('POST', `/api/v1/imports/${upload.jobId}/run`);
        while (job.body.status === 'importing') {
          await new Promise((resolve) => setTimeout(resolve, 250));
          job = await manager.request('GET', `/api/v1/imports/${upload.jobId}`);
        }
        if (job.body.status !== 'done') throw new Error(`the import ended ${job.body.status}`);
        const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
        log(
          `  upload ${seconds(started, uploaded)}, checks ${seconds(uploaded, checked)}, run ${seconds(checked, performance.now())}`,
        );
        return job.body;
      });
      log(
        `  import: ${imported.seconds.toFixed(1)} s, created ${imported.value.createdRows}, merged ${imported.value.mergedRows}, rejected ${imported.value.rejectedRows}, peak RSS ${imported.peakMb.toFixed(0)} MB`,
      );
      log(
        `  server RSS before the export: ${(serverRss(server.child.pid as number) / 2 ** 20).toFixed(0)} MB`,
      );
      const exported = await measured(server, async () => {
        const res = await fetch(`${server.url}/api/v1/customers/export?lang=zh-CN`, { headers: { cookie } });
        if (res.status !== 200 || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
        let bytes = 0;
        for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
        return bytes;
      });
      const [customers] = await queryRows<{ n: number }>(
        scratch.url,
        'select count(*)::int as n from customers',
      );
      const label = `${(rows / 1000).toFixed(0)}k rows`;
      // Issue 7's targets are for 100,000 rows; a smaller file (the CI preset) is held to its share.
      const share = rows / 100_000;
      const scaled = share === 1 ? '' : `; target ${share}x issue 7's for 100k rows`;
      return [
        {
          benchmark: `import ${label} (xlsx)`,
          figure: imported.seconds,
          unit: 's',
          target: 30 * share,
          note: `upload, checks and run; ${(size / 2 ** 20).toFixed(1)} MB file, ${imported.value.createdRows} created, ${imported.value.mergedRows} merged, ${imported.value.rejectedRows} rejected${scaled}`,
        },
        {
          benchmark: 'import peak RSS',
          figure: imported.peakMb,
          unit: 'MB',
          target: 300,
          note: 'the server process while importing',
        },
        {
          benchmark: `export ${label} (xlsx)`,
          figure: exported.seconds,
          unit: 's',
          target: 15 * share,
          note: `GET /api/v1/customers/export: ${customers?.n ?? 0} customers, ${(exported.value / 2 ** 20).toFixed(1)} MB${scaled}`,
        },
        {
          benchmark: 'export peak RSS',
          figure: exported.peakMb,
          unit: 'MB',
          target: 300,
          note: 'the server process while exporting',
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await scratch.drop();
  }
};
