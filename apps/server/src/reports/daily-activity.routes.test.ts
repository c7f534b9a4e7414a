import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customers,
  defeatRequests,
  demoCars,
  followUps,
  invitations,
  leadSources,
  leads,
  orders,
  showroomVisits,
  testDrives,
} from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * The daily activity report over HTTP with the fixture of packages/core/src/reports/daily-activity.test.ts:
 * 25 Nov 2026 in Shanghai = [24 Nov 16:00 UTC, 25 Nov 16:00 UTC), in the demo store SH-PD (the clock
 * stands in June 2027, far from the demo's March - June 2027).
 *
 *   c1: visits 01:00Z and 16:05Z of the 24th (00:05 on the 25th), calls 02:00, 03:00, 15:59, one invitation
 *       booked 04:00, one arrival 05:00, one test drive 06:00, one order 07:00, one new prospect 01:00 = 10;
 *       a call at 16:00Z (00:00 on the 26th) is the next day's
 *   c2: a call 02:30 and a defeat request 08:00 = 2; a visit at 15:59Z of the 24th is the day before's
 */
const DAY = 'from=2026-11-25&to=2026-11-25';

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let ids: { c1: string; c2: string; callCustomer: string; source: string };

const one = async <T>(query: ReturnType<typeof sql>) => (await t.rows<T>(query))[0] as T;
const at = (iso: string) => new Date(iso);

const seedFixture = async () => {
  const store = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)).id;
  const user = async (name: string) =>
    (await one<{ id: string }>(sql`select id from users where username = ${name}`)).id;
  const [c1, c2] = [await user('consultant1'), await user('consultant2')];
  const source = randomUUID();
  await t.db.insert(leadSources).values({
    dealerId: store,
    id: source,
    tier: 'channel',
    code: 'DAILY-S',
    nameZh: '日报来源',
    nameEn: 'Daily source',
  });
  let serial = 0;
  const lead = async (ownerId: string, createdAt: string, campaignCode: string | null = null) => {
    serial += 1;
    const customerId = randomUUID();
    await t.db.insert(customers).values({
      dealerId: store,
      id: customerId,
      cardNo: `DAY-${serial}`,
      name: `日报客户${serial}`,
      phoneE164: `+8613500${String(serial).padStart(6, '0')}`,
      sourceId: source,
      ownerId,
      createdAt: at(createdAt),
    });
    const leadId = randomUUID();
    await t.db.insert(leads).values({
      dealerId: store,
      id: leadId,
      customerId,
      sourceId: source,
      ownerId,
      channel: 'walk_in',
      campaignCode,
      createdAt: at(createdAt),
    });
    return { customerId, leadId };
  };
  const old = await lead(c1, '2026-11-01T02:00:00Z', 'DAILY-OLD');
  const fresh = await lead(c1, '2026-11-25T01:00:00Z');
  const other = await lead(c2, '2026-11-01T03:00:00Z');

  const visit = (consultantId: string, arrivedAt: string) =>
    t.db.insert(showroomVisits).values({
      dealerId: store,
      customerId: old.customerId,
      arrivedAt: at(arrivedAt),
      firstVisit: false,
      leftContact: true,
      consultantId,
    });
  await visit(c1, '2026-11-25T01:00:00Z');
  await visit(c1, '2026-11-24T16:05:00Z');
  await visit(c2, '2026-11-24T15:59:00Z');

  const call = (l: { customerId: string; leadId: string }, userId: string, occurredAt: string) =>
    t.db.insert(followUps).values({
      dealerId: store,
      leadId: l.leadId,
      customerId: l.customerId,
      userId,
      channel: 'phone',
      content: '电话回访',
      result: '已接通',
      occurredAt: at(occurredAt),
    });
  await call(fresh, c1, '2026-11-25T02:00:00Z');
  await call(fresh, c1, '2026-11-25T03:00:00Z');
  await call(fresh, c1, '2026-11-25T15:59:00Z');
  await call(fresh, c1, '2026-11-25T16:00:00Z');
  await call(other, c2, '2026-11-25T02:30:00Z');

  await t.db.insert(invitations).values({
    dealerId: store,
    customerId: old.customerId,
    leadId: old.leadId,
    invitedBy: c1,
    scheduledAt: at('2026-11-27T02:00:00Z'),
    purpose: 'viewing',
    createdAt: at('2026-11-25T04:00:00Z'),
  });
  await t.db.insert(invitations).values({
    dealerId: store,
    customerId: old.customerId,
    leadId: old.leadId,
    invitedBy: c1,
    consultantId: c1,
    scheduledAt: at('2026-11-25T05:00:00Z'),
    purpose: 'test_drive',
    status: 'arrived',
    arrivedAt: at('2026-11-25T05:00:00Z'),
    createdAt: at('2026-11-20T04:00:00Z'),
  });
  const car = (
    await t.db.select({ id: demoCars.id }).from(demoCars).where(eq(demoCars.dealerId, store)).limit(1)
  )[0]?.id as string;
  await t.db.insert(testDrives).values({
    dealerId: store,
    customerId: old.customerId,
    leadId: old.leadId,
    demoCarId: car,
    consultantId: c1,
    startsAt: at('2026-11-25T06:00:00Z'),
    endsAt: at('2026-11-25T06:30:00Z'),
    status: 'done',
  });
  await t.db.insert(orders).values({
    dealerId: store,
    orderNo: 'DAY-1',
    customerId: old.customerId,
    leadId: old.leadId,
    consultantId: c1,
    price: 180_000,
    paymentMethod: 'loan',
    status: 'confirmed',
    orderedAt: at('2026-11-25T07:00:00Z'),
  });
  const reason = (
    await one<{ id: string }>(sql`select id from defeat_reasons where dealer_id = ${store} limit 1`)
  ).id;
  await t.db.insert(defeatRequests).values({
    dealerId: store,
    leadId: other.leadId,
    requestedBy: c2,
    reasonId: reason,
    createdAt: at('2026-11-25T08:00:00Z'),
  });
  ids = { c1, c2, callCustomer: fresh.customerId, source };
};

type Row = {
  consultant: { id: string };
  current: Record<string, number>;
  previous: Record<string, number>;
  total: { current: number; previous: number };
};
const rowOf = (body: { rows: Row[] }, id: string) => body.rows.find((r) => r.consultant.id === id) as Row;

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  await seedFixture();
});
afterAll(() => t?.close());

describe('the daily activity report of 25 Nov 2026', () => {
  it('counts each consultant by the Shanghai day, as in the core test', async () => {
    const res = await manager.get(`/api/v1/reports/daily-activity?${DAY}`);
    expect(res.status).toBe(200);
    const c1 = rowOf(res.body, ids.c1);
    expect(c1.current).toEqual({
      new_prospect: 1,
      visit: 2,
      call: 3,
      invitation: 1,
      arrival: 1,
      test_drive: 1,
      order: 1,
      defeat: 0,
    });
    expect(c1.total.current).toBe(10);
    const c2 = rowOf(res.body, ids.c2);
    expect(c2.current).toMatchObject({ call: 1, defeat: 1, visit: 0 });
    expect(c2.total.current).toBe(2);
    expect(res.body.total.current).toEqual({
      new_prospect: 1,
      visit: 2,
      call: 4,
      invitation: 1,
      arrival: 1,
      test_drive: 1,
      order: 1,
      defeat: 1,
    });
    // the previous period is the day before: c2's visit at 23:59 on the 24th
    expect(c2.previous.visit).toBe(1);
    expect(c1.total.previous).toBe(0);
  });

  it('a campaign or source filter keeps what was done on leads of that campaign or source', async () => {
    // The old lead carries campaign DAILY-OLD: its invitation, arrival, test drive and order.
    const campaign = await manager.get(`/api/v1/reports/daily-activity?${DAY}&campaignCode=DAILY-OLD`);
    expect(campaign.status).toBe(200);
    expect(rowOf(campaign.body, ids.c1).current).toEqual({
      new_prospect: 0,
      visit: 0,
      call: 0,
      invitation: 1,
      arrival: 1,
      test_drive: 1,
      order: 1,
      defeat: 0,
    });
    expect(rowOf(campaign.body, ids.c2).total.current).toBe(0);
    // Every fixture lead has the fixture's source: all but the visits, which belong to no lead.
    const source = await manager.get(`/api/v1/reports/daily-activity?${DAY}&sourceId=${ids.source}`);
    expect(rowOf(source.body, ids.c1).total.current).toBe(8);
    expect(rowOf(source.body, ids.c1).current.visit).toBe(0);
    expect(rowOf(source.body, ids.c2).current).toMatchObject({ call: 1, defeat: 1 });
  });

  it('the next day holds the call made at midnight', async () => {
    const res = await manager.get('/api/v1/reports/daily-activity?from=2026-11-26&to=2026-11-26');
    expect(rowOf(res.body, ids.c1).current.call).toBe(1);
  });

  it('drills down from a consultant’s calls to the customer called', async () => {
    const res = await manager.get(
      `/api/v1/reports/daily-activity/customers?${DAY}&metric=call&key=${ids.c1}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([ids.callCustomer]);
  });

  it('a consultant sees their own line only; the manager exports it, audited', async () => {
    const own = await consultant1.get(`/api/v1/reports/daily-activity?${DAY}`);
    expect(own.body.rows.map((r: Row) => r.consultant.id)).toEqual([ids.c1]);
    expect((await consultant1.get(`/api/v1/reports/daily-activity/export?${DAY}`)).status).toBe(403);
    const res = await fetch(`${t.baseUrl}/api/v1/reports/daily-activity/export?${DAY}&lang=zh-CN`, {
      headers: { cookie: manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const lines: string[] = [];
    book.worksheets[0]?.eachRow((row) => lines.push((row.values as unknown[]).join('|')));
    expect(lines.some((l) => l.startsWith('|合计|1|2|4|1|1|1|1|1|12'))).toBe(true);
    const audit = await one<{ after: { rows: number } }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'daily-activity' order by id desc limit 1`,
    );
    expect(audit.after.rows).toBeGreaterThan(1);
  });
});
