import { Readable } from 'node:stream';
import type { Role } from '@qianke/core/accounts/roles';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../infra/http/auth-context';
import {
  type ApiClient,
  type ApiResponse,
  startTestServer,
  type TestServer,
} from '../test-support/test-server';
import { createImportsService } from './imports.service';
import { gbkCsv, utf8BomCsv, XLSX_TYPE, xlsxFile } from './test-support/files';

let t: TestServer;
let manager: ApiClient;
let dealerId: string;
/** A customer of the demo store: a row with this phone is merged into it. */
let known: { id: string; phone: string; cardNo: string };

beforeAll(async () => {
  t = await startTestServer();
  manager = await t.as('manager');
  const [row] = await t.rows<{ dealer_id: string; id: string; phone: string; card_no: string }>(sql`
    select c.dealer_id, c.id, substr(c.phone_e164, 4) as phone, c.card_no
    from customers c join dealers d on d.id = c.dealer_id
    where d.code = 'SH-PD' and c.phone_e164 like '+861%' order by c.id limit 1`);
  if (!row) throw new Error('the demo store has no customer');
  dealerId = row.dealer_id;
  known = { id: row.id, phone: row.phone, cardNo: row.card_no };
});
afterAll(() => t?.close());

/** The raw file as the body, as the web app sends it. */
const upload = async (
  client: ApiClient,
  body: Buffer | string,
  fileName: string,
  type = fileName.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv',
): Promise<ApiResponse> => {
  const res = await fetch(`${t.baseUrl}/api/v1/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(client.cookie ? { cookie: client.cookie } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
};

const map = (client: ApiClient, jobId: string, body: unknown) =>
  client.request('PUT', `/api/v1/imports/${jobId}/mapping`, body);

const rowsOf = async (client: ApiClient, jobId: string, filter = 'all') => {
  const res = await client.get(`/api/v1/imports/${jobId}/rows?filter=${filter}&limit=500`);
  expect(res.status).toBe(200);
  return res.body.items as {
    rowNo: number;
    cells: string[];
    problems: { field: string; code: string; firstRow?: number }[];
    merge: { customerId: string; cardNo: string } | null;
    outcome: string | null;
    values: Record<string, unknown> | null;
    customerId: string | null;
    cardNo: string | null;
    failure: string | null;
  }[];
};

const HEADERS_ZH = [
  '序号',
  '客户姓名',
  '手机号码',
  '意向车型',
  '线索来源',
  '意向级别',
  '销售顾问',
  '购车时间',
  '备注',
];

describe('uploading a file', () => {
  it('recognises Chinese headers in an xlsx and answers the suggested mapping with the first rows', async () => {
    const file = await xlsxFile([
      HEADERS_ZH,
      [1, '王先生', 13912345001, '秦PLUS', '汽车之家', 'H', '李娜', '1个月内', '周末看车'],
      [2, '陈女士', '139 1234 5002', '汉', '懂车帝', 'A级', 'A02', '3-6个月', null],
    ]);
    const res = await upload(manager, file, '客户.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: '客户.xlsx',
      headers: HEADERS_ZH,
      totalRows: 2,
      suggestedMapping: {
        '1': 'name',
        '2': 'phone',
        '3': 'series',
        '4': 'source',
        '5': 'level',
        '6': 'owner',
        '7': 'horizon',
        '8': 'note',
      },
    });
    expect(res.body.sampleRows[0]).toEqual([
      '1',
      '王先生',
      '13912345001',
      '秦PLUS',
      '汽车之家',
      'H',
      '李娜',
      '1个月内',
      '周末看车',
    ]);
    const job = await manager.get(`/api/v1/imports/${res.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'uploaded', totalRows: 2, counts: null, mapping: null });
    expect(job.body.createdBy.displayName).toBe('王经理');
  });

  it('recognises English headers in a UTF-8 CSV with a byte-order mark', async () => {
    const res = await upload(
      manager,
      utf8BomCsv([
        ['Name', 'Mobile', 'Model', 'Source', 'Level', 'Consultant'],
        ['Li Lei', '13912345011', 'Han', 'autohome', 'B', 'A01'],
      ]),
      'leads.csv',
    );
    expect(res.status).toBe(201);
    expect(res.body.headers[0]).toBe('Name');
    expect(res.body.suggestedMapping).toEqual({
      '0': 'name',
      '1': 'phone',
      '2': 'series',
      '3': 'source',
      '4': 'level',
      '5': 'owner',
    });
  });

  it('reads a CSV saved by Chinese Excel in GBK', async () => {
    const res = await upload(
      manager,
      gbkCsv([
        ['姓名', '手机', '来源'],
        ['赵先生', '13912345021', '展厅来店'],
      ]),
      '来店登记.csv',
      'application/vnd.ms-excel',
    );
    expect(res.status).toBe(201);
    expect(res.body.headers).toEqual(['姓名', '手机', '来源']);
    expect(res.body.sampleRows).toEqual([['赵先生', '13912345021', '展厅来店']]);
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    ['a file of blank lines', '\r\n,,\r\n', 'no header row'],
    ['a header without rows', '姓名,手机\r\n', 'no customer rows'],
    [
      'an old .xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      '.xlsx or .csv',
    ],
  ])('refuses %s with a sentence (422) and keeps nothing', async (_, body, message) => {
    const before = await manager.get('/api/v1/imports?pageSize=200');
    const res = await upload(manager, body, 'x.csv');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(message);
    expect((await manager.get('/api/v1/imports?pageSize=200')).body.total).toBe(before.body.total);
  });

  it('refuses a body that is not a file', async () => {
    const res = await manager.post('/api/v1/imports?fileName=x.csv', { name: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Content-Type');
  });

  it('refuses a file over the row or size limit and keeps none of its rows', async () => {
    const [actor] = await t.rows<{ id: string; group_id: string }>(sql`
      select u.id, d.group_id from users u join dealers d on d.id = u.dealer_id where u.username = 'manager'`);
    if (!actor) throw new Error('no manager');
    const ctx: AuthContext = {
      userId: actor.id,
      homeDealerId: dealerId,
      dealerId,
      groupId: actor.group_id,
      roles: ['sales_manager'] as Role[],
      groupAdmin: false,
      tokenHash: 'test',
    };
    const small = createImportsService({
      db: t.db,
      clock: { now: () => new Date() },
      maxRows: 3,
      maxBytes: 200,
    });
    const csv = (rows: number) =>
      [
        '姓名,手机',
        ...Array.from({ length: rows }, (_, i) => `客户${i},1391234${String(i).padStart(4, '0')}`),
      ].join('\n');
    await expect(small.upload(ctx, 'big.csv', Readable.from([Buffer.from(csv(4))]))).rejects.toThrow(
      'more than 3 rows',
    );
    await expect(
      small.upload(ctx, 'big.csv', Readable.from([Buffer.from(csv(3).repeat(3))])),
    ).rejects.toThrow('larger than');
    expect(await t.rows(sql`select id from import_jobs where file_name = 'big.csv'`)).toEqual([]);
    expect((await small.upload(ctx, 'ok.csv', Readable.from([Buffer.from(csv(3))]))).totalRows).toBe(3);
  });
});

describe('mapping, preview, import and report', () => {
  let jobId: string;
  const file = () =>
    xlsxFile([
      ['姓名', '手机', '意向车型', '来源', '级别', '销售顾问', '登记日期'],
      ['新客户甲', '13912340101', '秦PLUS', '汽车之家', 'H', '李娜', new Date(Date.UTC(2026, 0, 5))],
      ['号码不对', '1391234', '汉', '汽车之家', 'A', 'A01', null],
      ['不认识的顾问', '13912340103', '汉', '懂车帝', 'B', '赵六', null],
      ['新客户甲再次', '+86 139-1234-0101', '汉', '易车', 'B', 'A02', null],
      ['老客户', known.phone, '唐', 'walk_in', 'A', null, null],
      ['新客户乙', '13912340106', null, null, 'c', 'A02', null],
    ]);

  it('maps the columns, checks every row and answers the counts', async () => {
    const res = await upload(manager, await file(), '二月名单.xlsx');
    expect(res.status).toBe(201);
    jobId = res.body.jobId;
    const noSource = await map(manager, jobId, { mapping: { '0': 'name', '1': 'phone' } });
    expect(noSource.status).toBe(422);
    expect(noSource.body.error.fields['mapping.source']).toBeDefined();
    const twice = await map(manager, jobId, {
      mapping: { '0': 'name', '1': 'phone', '2': 'phone', '3': 'source' },
    });
    expect(twice.status).toBe(422);

    const [walkIn] = await t.rows<{ id: string }>(
      sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'walk_in_natural'`,
    );
    const mapped = await map(manager, jobId, {
      mapping: res.body.suggestedMapping,
      defaultSourceId: walkIn?.id,
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toEqual({
      valid: 3,
      willCreate: 2,
      willMerge: 1,
      rejected: 3,
      problems: { bad_phone: 1, unknown_consultant: 1, duplicate_in_file: 1 },
    });
    const job = (await manager.get(`/api/v1/imports/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'previewed', counts: mapped.body, defaultSourceId: walkIn?.id });
  });

  it('lists each row with its problems; the errors and merge filters pick those rows', async () => {
    const all = await rowsOf(manager, jobId);
    expect(all.map((r) => r.rowNo)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(all[0]?.values).toMatchObject({
      name: '新客户甲',
      phoneE164: '+8613912340101',
      seriesName: '秦PLUS',
      sourceName: '汽车之家',
      ownerName: '李娜',
      level: 'H',
      occurredAt: '2026-01-04T16:00:00.000Z',
    });
    // The default source fills the empty source cell.
    expect(all[5]?.values?.sourceName).toBe('自然到店');

    const errors = await rowsOf(manager, jobId, 'errors');
    expect(errors.map((r) => [r.rowNo, r.problems.map((p) => p.code)])).toEqual([
      [3, ['bad_phone']],
      [4, ['unknown_consultant']],
      [5, ['duplicate_in_file']],
    ]);
    expect(errors[2]?.problems[0]?.firstRow).toBe(2);

    const merging = await rowsOf(manager, jobId, 'merge');
    expect(merging.map((r) => [r.rowNo, r.merge])).toEqual([
      [6, { customerId: known.id, cardNo: known.cardNo }],
    ]);

    const page = await manager.get(`/api/v1/imports/${jobId}/rows?limit=4`);
    expect(page.body.items).toHaveLength(4);
    const next = await manager.get(`/api/v1/imports/${jobId}/rows?limit=4&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((r: { rowNo: number }) => r.rowNo)).toEqual([6, 7]);
    expect(next.body.nextCursor).toBeNull();
  });

  it('masks phones for an administrator, whose role does not see phone numbers', async () => {
    const admin = await t.as('admin');
    const [first] = await rowsOf(admin, jobId);
    expect(first?.cells[1]).toBe('139****0101');
    expect(first?.values?.phoneE164).toBe('139****0101');
  });

  it('imports exactly what the preview said: two new customers, one inquiry added, three refused', async () => {
    const [before] = await t.rows<{ leads: number }>(
      sql`select count(*)::int as leads from leads where customer_id = ${known.id}`,
    );
    const res = await manager.post(`/api/v1/imports/${jobId}/run`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', createdRows: 2, mergedRows: 1, rejectedRows: 3 });
    expect(res.body.finishedAt).not.toBeNull();

    const rows = await rowsOf(manager, jobId);
    expect(rows.map((r) => [r.rowNo, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'merged'],
      [7, 'created'],
    ]);
    expect(rows[0]?.cardNo).toMatch(/^A01-26-\d{4}$/);
    expect(rows[5]?.cardNo).toMatch(/^A02-26-\d{4}$/);
    expect(rows[4]).toMatchObject({ customerId: known.id, cardNo: known.cardNo });

    const [after] = await t.rows<{ leads: number }>(
      sql`select count(*)::int as leads from leads where customer_id = ${known.id}`,
    );
    expect(after?.leads).toBe((before?.leads ?? 0) + 1);
    const [created] = await t.rows<{
      name: string;
      level: string;
      owner: string;
      channel: string;
      created_at: Date;
      raw: { import: { rowNo: number } };
    }>(sql`
      select c.name, c.level, u.username as owner, l.channel, l.created_at, l.raw_payload as raw
      from customers c join leads l on l.customer_id = c.id join users u on u.id = c.owner_id
      where c.phone_e164 = '+8613912340101'`);
    expect(created).toMatchObject({ name: '新客户甲', level: 'H', owner: 'consultant1', channel: 'import' });
    expect(new Date(created?.created_at ?? 0).toISOString()).toBe('2026-01-04T16:00:00.000Z');
    expect(created?.raw.import.rowNo).toBe(2);

    const audit = await t.rows<{ action: string; after: Record<string, unknown> }>(sql`
      select action, after from audit_log where entity = 'import_job' and entity_id = ${jobId} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['import.upload', 'import.map', 'import.run']);
    expect(audit[2]?.after).toMatchObject({ fileName: '二月名单.xlsx', created: 2, merged: 1, rejected: 3 });
  });

  it('runs once: a second run, or a new mapping, is 409 and changes nothing', async () => {
    const [before] = await t.rows<{ n: number }>(sql`select count(*)::int as n from leads`);
    const again = await manager.post(`/api/v1/imports/${jobId}/run`);
    expect(again.status).toBe(409);
    const remap = await map(manager, jobId, { mapping: { '0': 'name', '1': 'phone', '3': 'source' } });
    expect(remap.status).toBe(409);
    const [after] = await t.rows<{ n: number }>(sql`select count(*)::int as n from leads`);
    expect(after?.n).toBe(before?.n);
  });

  it('downloads the report: one row per row of the file, with outcome, card number and problems', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/imports/${jobId}/report.xlsx?lang=en`, {
      headers: { cookie: manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('二月名单-import-report.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    const lines: unknown[][] = [];
    sheet?.eachRow((row) => {
      lines.push((row.values as unknown[]).slice(1));
    });
    expect(lines).toHaveLength(1 + 6);
    expect(lines[0]).toEqual([
      'Row',
      '姓名',
      '手机',
      '意向车型',
      '来源',
      '级别',
      '销售顾问',
      '登记日期',
      'Outcome',
      'Card number',
      'Inquiry time',
      'Problems',
    ]);
    expect(lines[1]?.[0]).toBe(2);
    expect(lines[1]?.[8]).toBe('Created');
    expect(lines[1]?.[9]).toMatch(/^A01-26-/);
    // The inquiry time is a real date cell in the store's time zone.
    expect(lines[1]?.[10]).toEqual(new Date('2026-01-05T00:00:00.000Z'));
    expect(lines[2]?.[8]).toBe('Rejected');
    expect(lines[2]?.[11]).toBe('Not a phone number "1391234"');
    expect(lines[4]?.[11]).toBe('Same phone as row 2');
    expect(lines[5]?.slice(8, 10)).toEqual(['Merged', known.cardNo]);
    const audit = await t.rows(
      sql`select id from audit_log where action = 'import.report' and entity_id = ${jobId}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('lists the store imports, newest first', async () => {
    const res = await manager.get('/api/v1/imports');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: jobId, status: 'done', createdRows: 2 });
  });
});

describe('an import before its mapping', () => {
  it('cannot be run: 409', async () => {
    const res = await upload(manager, '姓名,手机,来源\n钱先生,13912340201,walk_in\n', 'a.csv');
    const run = await manager.post(`/api/v1/imports/${res.body.jobId}/run`);
    expect(run.status).toBe(409);
    expect(run.body.error.message).toContain('Map the columns');
  });

  it('can be mapped again until it is imported; the second mapping decides', async () => {
    const res = await upload(manager, '姓名,手机,顾问\n钱女士,13912340301,不存在\n', 'b.csv');
    const first = await map(manager, res.body.jobId, {
      mapping: { '0': 'name', '1': 'phone', '2': 'owner' },
      defaultSourceId: (
        await t.rows<{ id: string }>(
          sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'walk_in'`,
        )
      )[0]?.id,
    });
    expect(first.body).toMatchObject({ valid: 0, rejected: 1 });
    const sourceId = (
      await t.rows<{ id: string }>(
        sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'walk_in'`,
      )
    )[0]?.id;
    const second = await map(manager, res.body.jobId, {
      mapping: { '0': 'name', '1': 'phone' },
      defaultSourceId: sourceId,
    });
    expect(second.body).toMatchObject({ valid: 1, rejected: 0 });
    const run = await manager.post(`/api/v1/imports/${res.body.jobId}/run`);
    expect(run.body).toMatchObject({ createdRows: 1, rejectedRows: 0 });
  });
});

describe('files as they come from dealerships', () => {
  it('skips a title row above the header and keeps the Excel row numbers', async () => {
    const file = await xlsxFile([
      ['2026年3月 展厅客户登记表', null, null],
      ['姓名', '手机', '来源'],
      ['冯先生', '13912340501', '展厅来店'],
    ]);
    const res = await upload(manager, file, '登记表.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ headers: ['姓名', '手机', '来源'], totalRows: 1 });
    await map(manager, res.body.jobId, { mapping: res.body.suggestedMapping });
    const [row] = await rowsOf(manager, res.body.jobId);
    expect(row).toMatchObject({ rowNo: 3, problems: [] });
  });

  it('carries on an import that stopped half-way (the server went down), but not one still running', async () => {
    const res = await upload(manager, '姓名,手机,来源\n褚先生,13912340601,walk_in\n', 'stopped.csv');
    const jobId = res.body.jobId;
    await map(manager, jobId, { mapping: res.body.suggestedMapping });
    await t.rows(sql`update import_jobs set status = 'importing', updated_at = now() where id = ${jobId}`);
    expect((await manager.post(`/api/v1/imports/${jobId}/run`)).status).toBe(409);
    await t.rows(sql`update import_jobs set updated_at = now() - interval '11 minutes' where id = ${jobId}`);
    const run = await manager.post(`/api/v1/imports/${jobId}/run`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'done', createdRows: 1 });
  });
});

describe('a large import', () => {
  it('answers "importing" when it outlasts the request, carries on in the background, and stops cleanly', async () => {
    const rows = Array.from(
      { length: 600 },
      (_, i) => `后台${i},1381234${String(i).padStart(4, '0')},walk_in`,
    );
    const res = await upload(manager, ['姓名,手机,来源', ...rows].join('\n'), 'large.csv');
    const jobId = res.body.jobId;
    await map(manager, jobId, { mapping: res.body.suggestedMapping });
    const [actor] = await t.rows<{ id: string; group_id: string }>(sql`
      select u.id, d.group_id from users u join dealers d on d.id = u.dealer_id where u.username = 'manager'`);
    const ctx: AuthContext = {
      userId: actor?.id ?? '',
      homeDealerId: dealerId,
      dealerId,
      groupId: actor?.group_id ?? '',
      roles: ['sales_manager'] as Role[],
      groupAdmin: false,
      tokenHash: 'test',
    };
    // This instance does not wait for the end, and is shut down when its first batch starts.
    let stopped: Promise<void> | undefined;
    const impatient = createImportsService({
      db: t.db,
      clock: {
        now: () => {
          stopped ??= impatient.stop();
          return new Date();
        },
      },
      runWaitMs: 0,
    });
    const started = await impatient.run(ctx, jobId);
    expect(['importing', 'failed']).toContain(started.status);
    while (!stopped) await new Promise((resolve) => setTimeout(resolve, 10));
    await stopped;
    const interrupted = (await manager.get(`/api/v1/imports/${jobId}`)).body;
    // The batch under way when the server stopped is finished; the next one never starts.
    expect(interrupted).toMatchObject({ status: 'failed', createdRows: 250 });

    // Run again: it carries on with the rows not yet imported, and imports none twice.
    const resumed = await manager.post(`/api/v1/imports/${jobId}/run`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'done', createdRows: 600, rejectedRows: 0 });
    const [leads] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where raw_payload->'import'->>'jobId' = ${jobId}`,
    );
    expect(leads?.n).toBe(600);
    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${jobId} and action like 'import.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['import.upload', 'import.map', 'import.fail', 'import.run']);
  });
});

describe('store isolation and permissions', () => {
  it('a store-2 manager cannot see, map, run or download a store-1 import; a consultant may not import', async () => {
    const res = await upload(manager, '姓名,手机,来源\n孙先生,13912340401,walk_in\n', 's1.csv');
    const id = res.body.jobId;
    const manager2 = await t.as('manager2');
    expect((await manager2.get(`/api/v1/imports/${id}`)).status).toBe(404);
    expect((await manager2.get(`/api/v1/imports/${id}/rows`)).status).toBe(404);
    expect((await map(manager2, id, { mapping: { '0': 'name', '1': 'phone', '2': 'source' } })).status).toBe(
      404,
    );
    expect((await manager2.post(`/api/v1/imports/${id}/run`)).status).toBe(404);
    expect((await manager2.get(`/api/v1/imports/${id}/report.xlsx`)).status).toBe(404);
    const list = await manager2.get('/api/v1/imports');
    expect(JSON.stringify(list.body)).not.toContain(id);
    expect((await manager.get(`/api/v1/imports/${id}`)).body.status).toBe('uploaded');

    const consultant = await t.as('consultant1');
    expect((await upload(consultant, '姓名,手机\n周,13912340402\n', 'c.csv')).status).toBe(403);
    expect((await consultant.get('/api/v1/imports')).status).toBe(403);
  });
});
