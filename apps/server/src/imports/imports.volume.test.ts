import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { type Cell, XLSX_TYPE, xlsxFile } from './test-support/files';

/**
 * A 5,000-row file end to end (upload -> mapping -> run -> report), in batches across transactions.
 * The 100,000-row figures come from `npx tsx bench/import-100k.ts`, not from here.
 */
const ROWS = 5_000;

let t: TestServer;
let manager: ApiClient;
let knownPhones: string[];

beforeAll(async () => {
  t = await startTestServer();
  manager = await t.as('manager');
  knownPhones = (
    await t.rows<{ phone: string }>(sql`
      select substr(c.phone_e164, 4) as phone from customers c join dealers d on d.id = c.dealer_id
      where d.code = 'SH-PD' and c.phone_e164 like '+861%' order by c.id limit 20`)
  ).map((r) => r.phone);
});
afterAll(() => t?.close());

const SERIES = ['秦PLUS', '宋PLUS', '汉', '唐', '海豹'];
const SOURCES = ['汽车之家', '懂车帝', 'walk_in', 'Yiche', '展厅来店'];

/** Row i (0-based): every 250th repeats the phone of the row before it; the first 20 are known customers. */
const fileRows = (): Cell[][] => {
  const rows: Cell[][] = [['姓名', '手机', '意向车型', '来源', '级别', '销售顾问', '购车时间', '备注']];
  for (let i = 0; i < ROWS; i++) {
    const phone =
      i < 20
        ? knownPhones[i]
        : i % 250 === 249
          ? `1365${String(i - 1).padStart(7, '0')}`
          : `1365${String(i).padStart(7, '0')}`;
    rows.push([
      `导入客户${i}`,
      phone ?? null,
      SERIES[i % SERIES.length] ?? null,
      SOURCES[i % SOURCES.length] ?? null,
      'HABC'[i % 4] ?? null,
      i % 3 === 0 ? 'A01' : i % 3 === 1 ? '张伟' : null,
      i % 2 === 0 ? '1-3个月' : '半年内',
      i % 10 === 0 ? `第${i}行的备注` : null,
    ]);
  }
  return rows;
};

describe(`importing ${ROWS.toLocaleString('en-US')} rows`, () => {
  it('uploads, checks, imports and reports every row', async () => {
    const duplicates = Math.floor(ROWS / 250);
    const [before] = await t.rows<{ customers: number; leads: number }>(sql`
      select (select count(*)::int from customers) as customers, (select count(*)::int from leads) as leads`);

    const file = await xlsxFile(fileRows());
    const uploaded = await fetch(`${t.baseUrl}/api/v1/imports?fileName=big.xlsx`, {
      method: 'POST',
      headers: { 'content-type': XLSX_TYPE, cookie: manager.cookie ?? '' },
      body: file,
    });
    expect(uploaded.status).toBe(201);
    const { jobId, totalRows, suggestedMapping } = (await uploaded.json()) as {
      jobId: string;
      totalRows: number;
      suggestedMapping: Record<string, string>;
    };
    expect(totalRows).toBe(ROWS);

    const counts = await manager.request('PUT', `/api/v1/imports/${jobId}/mapping`, {
      mapping: suggestedMapping,
    });
    expect(counts.body).toEqual({
      valid: ROWS - duplicates,
      willCreate: ROWS - duplicates - 20,
      willMerge: 20,
      rejected: duplicates,
      problems: { duplicate_in_file: duplicates },
    });

    // Migration 0013: once analyzed, the planner knows most checked rows are valid, so a batch of the
    // run walks the primary key; guessing 0.5% of them, it read and sorted the whole job per batch.
    await t.db.execute(sql`analyze import_rows`);
    const [plan] = await t.rows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`
      explain (format json) select row_no from import_rows
      where job_id = ${jobId} and errors is not null and jsonb_array_length(errors->'problems') = 0`);
    expect(plan?.['QUERY PLAN'][0].Plan['Plan Rows']).toBeGreaterThan((ROWS - duplicates) / 2);

    // A file this size may take longer than the run request waits: then it goes on in the background.
    const started = await manager.post(`/api/v1/imports/${jobId}/run`);
    expect([200, 202]).toContain(started.status);
    let run = started;
    while (run.body.status === 'importing') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run = await manager.get(`/api/v1/imports/${jobId}`);
    }
    expect(run.body).toMatchObject({
      status: 'done',
      createdRows: ROWS - duplicates - 20,
      mergedRows: 20,
      rejectedRows: duplicates,
    });

    const [after] = await t.rows<{ customers: number; leads: number }>(sql`
      select (select count(*)::int from customers) as customers, (select count(*)::int from leads) as leads`);
    expect(after?.customers).toBe((before?.customers ?? 0) + ROWS - duplicates - 20);
    expect(after?.leads).toBe((before?.leads ?? 0) + ROWS - duplicates);
    const outcomes = await t.rows<{ outcome: string; n: number }>(sql`
      select outcome, count(*)::int as n from import_rows where job_id = ${jobId} group by 1 order by 1`);
    expect(outcomes).toEqual([
      { outcome: 'created', n: ROWS - duplicates - 20 },
      { outcome: 'merged', n: 20 },
      { outcome: 'rejected', n: duplicates },
    ]);

    // Every error row, page by page.
    let cursor = '';
    let errorRows = 0;
    do {
      const page = await manager.get(`/api/v1/imports/${jobId}/rows?filter=errors&limit=7${cursor}`);
      errorRows += page.body.items.length;
      cursor = page.body.nextCursor ? `&cursor=${page.body.nextCursor}` : '';
    } while (cursor);
    expect(errorRows).toBe(duplicates);

    const report = await fetch(`${t.baseUrl}/api/v1/imports/${jobId}/report.xlsx`, {
      headers: { cookie: manager.cookie ?? '' },
    });
    expect(report.status).toBe(200);
    expect((await report.arrayBuffer()).byteLength).toBeGreaterThan(50_000);
  }, 600_000);
});
