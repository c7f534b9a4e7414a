import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customers,
  demoCars,
  leadSources,
  leads,
  orders,
  showroomVisits,
  tasks,
  testDrives,
} from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * The KPI dashboard, its targets and the monthly plan over HTTP with the fixture of
 * packages/core/src/reports/kpi.test.ts, written into the demo store SH-PD for November 2026. The clock
 * stands in June 2027, so the demo's 90 days (March - June 2027) lie far from the fixture.
 *
 *   leads  A 3 Nov c1 (call-back due 10 Nov, made 9 Nov: met)     B 4 Nov c1 (due 12 Nov, made 13 Nov: late)
 *          C 1 Nov 00:30 Shanghai c1 (due 20 Nov, never made)      D 31 Oct 23:30 Shanghai c1 (October's; due 3 Dec)
 *          E 5 Nov c2 (due 6 Nov, made 5 Nov: met)                 F 6 Nov nobody's
 *   visits c1 3 Nov first+details, 8 Nov first no details, 9 Nov closed on the spot, 10 Nov repeat;
 *          c2 9 Nov first+details; nobody 11 Nov first no details
 *   test drive c1 8 Nov done; orders c1 10 Nov (lead A, delivered 25 Nov), c1 30 Nov 23:50 Shanghai (lead B),
 *          c2 12 Nov (lead E), c2 1 Dec 00:10 Shanghai (December's)
 *   tasks  c1 due 3 Nov done on time, due 4 Nov done late, due 8 Nov cancelled; c2 due 9 Nov still open,
 *          due 15 Nov done at its due time
 */
const NOV = 'from=2026-11-01&to=2026-11-30';

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let ids: { store: string; otherStore: string; c1: string; c2: string; c3: string };

const one = async <T>(query: ReturnType<typeof sql>) => (await t.rows<T>(query))[0] as T;
const at = (iso: string) => new Date(iso);

const seedFixture = async () => {
  const store = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)).id;
  const otherStore = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-MH'`)).id;
  const user = async (name: string) =>
    (await one<{ id: string }>(sql`select id from users where username = ${name}`)).id;
  const [c1, c2, c3] = [await user('consultant1'), await user('consultant2'), await user('consultant3')];
  ids = { store, otherStore, c1, c2, c3 };
  const source = randomUUID();
  await t.db.insert(leadSources).values({
    dealerId: store,
    id: source,
    tier: 'channel',
    code: 'KPI-S',
    nameZh: 'KPI 来源',
    nameEn: 'KPI source',
  });
  let serial = 0;
  const lead = async (
    ownerId: string | null,
    createdAt: string,
    dueAt: string | null,
    contactedAt: string | null,
  ) => {
    serial += 1;
    const customerId = randomUUID();
    await t.db.insert(customers).values({
      dealerId: store,
      id: customerId,
      cardNo: `KPI-${serial}`,
      name: `KPI客户${serial}`,
      phoneE164: `+8613700${String(serial).padStart(6, '0')}`,
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
      createdAt: at(createdAt),
      firstContactDueAt: dueAt ? at(dueAt) : null,
      firstContactedAt: contactedAt ? at(contactedAt) : null,
    });
    return { customerId, leadId };
  };
  const a = await lead(c1, '2026-11-03T02:00:00Z', '2026-11-10T02:00:00Z', '2026-11-09T02:00:00Z');
  const b = await lead(c1, '2026-11-04T02:00:00Z', '2026-11-12T02:00:00Z', '2026-11-13T02:00:00Z');
  await lead(c1, '2026-10-31T16:30:00Z', '2026-11-20T02:00:00Z', null);
  await lead(c1, '2026-10-31T15:30:00Z', '2026-12-03T02:00:00Z', null);
  const e = await lead(c2, '2026-11-05T02:00:00Z', '2026-11-06T02:00:00Z', '2026-11-05T03:00:00Z');
  await lead(null, '2026-11-06T02:00:00Z', null, null);

  const visit = (
    consultantId: string | null,
    arrivedAt: string,
    firstVisit: boolean,
    leftContact: boolean,
    closedOnSpot = false,
  ) =>
    t.db.insert(showroomVisits).values({
      dealerId: store,
      id: randomUUID(),
      arrivedAt: at(arrivedAt),
      firstVisit,
      leftContact,
      closedOnSpot,
      consultantId,
    });
  await visit(c1, '2026-11-03T02:00:00Z', true, true);
  await visit(c1, '2026-11-08T02:00:00Z', true, false);
  await visit(c1, '2026-11-09T02:00:00Z', true, true, true);
  await visit(c1, '2026-11-10T02:00:00Z', false, true);
  await visit(c2, '2026-11-09T02:00:00Z', true, true);
  await visit(null, '2026-11-11T02:00:00Z', true, false);

  const car = (
    await t.db.select({ id: demoCars.id }).from(demoCars).where(eq(demoCars.dealerId, store)).limit(1)
  )[0]?.id as string;
  await t.db.insert(testDrives).values({
    dealerId: store,
    customerId: a.customerId,
    leadId: a.leadId,
    demoCarId: car,
    consultantId: c1,
    startsAt: at('2026-11-08T03:00:00Z'),
    endsAt: at('2026-11-08T03:30:00Z'),
    status: 'done',
  });
  const order = (
    l: { customerId: string; leadId: string } | null,
    consultantId: string,
    orderedAt: string,
    deliveredAt: string | null,
    customerId?: string,
  ) =>
    t.db.insert(orders).values({
      dealerId: store,
      orderNo: `KPI-${orderedAt}`,
      customerId: l?.customerId ?? (customerId as string),
      leadId: l?.leadId ?? null,
      consultantId,
      price: 200_000,
      paymentMethod: 'cash',
      status: deliveredAt ? 'delivered' : 'confirmed',
      orderedAt: at(orderedAt),
      deliveredAt: deliveredAt ? at(deliveredAt) : null,
    });
  await order(a, c1, '2026-11-10T02:00:00Z', '2026-11-25T02:00:00Z');
  await order(b, c1, '2026-11-30T15:50:00Z', null);
  await order(e, c2, '2026-11-12T02:00:00Z', null);
  await order(null, c2, '2026-11-30T16:10:00Z', null, e.customerId);

  const task = (
    assigneeId: string,
    dueAt: string,
    status: 'open' | 'done' | 'cancelled',
    doneAt: string | null = null,
  ) =>
    t.db.insert(tasks).values({
      dealerId: store,
      assigneeId,
      kind: 'custom',
      custom: true,
      dueAt: at(dueAt),
      status,
      doneAt: doneAt ? at(doneAt) : null,
    });
  await task(c1, '2026-11-03T09:00:00Z', 'done', '2026-11-03T08:00:00Z');
  await task(c1, '2026-11-04T09:00:00Z', 'done', '2026-11-06T08:00:00Z');
  await task(c1, '2026-11-08T09:00:00Z', 'cancelled');
  await task(c2, '2026-11-09T09:00:00Z', 'open');
  await task(c2, '2026-11-15T09:00:00Z', 'done', '2026-11-15T09:00:00Z');
};

type Figure = {
  metric: string;
  actual: number | null;
  target: number | null;
  attainment: number | null;
  previous: number | null;
};
const byMetric = (figures: Figure[]) =>
  Object.fromEntries(figures.map((f) => [f.metric, [f.actual, f.target, f.attainment]]));

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  await seedFixture();
});
afterAll(() => t?.close());

describe('monthly targets', () => {
  it('the manager sets targets for the store and a consultant; each change is audited once', async () => {
    const res = await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-11',
      targets: [
        { consultantId: ids.c1, metric: 'leads', target: 4 },
        { consultantId: ids.c1, metric: 'visits', target: 0 },
        { consultantId: ids.c1, metric: 'orders', target: 2 },
        { consultantId: ids.c1, metric: 'info_retention_rate', target: 0.8 },
        { consultantId: ids.c1, metric: 'callback_24h_rate', target: 0.9 },
        { consultantId: null, metric: 'orders', target: 5 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.targets).toHaveLength(6);
    expect(res.body.consultants.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([ids.c1, ids.c2]),
    );
    const audits = async () =>
      (
        await t.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where entity = 'kpi_target'`)
      )[0]?.n;
    expect(await audits()).toBe(6);
    // the same values again change nothing and write no audit row
    const again = await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-11',
      targets: [{ consultantId: null, metric: 'orders', target: 5 }],
    });
    expect(again.status).toBe(200);
    expect(await audits()).toBe(6);
    const got = await manager.get('/api/v1/kpi-targets?month=2026-11');
    expect(got.body.targets).toContainEqual({ consultantId: null, metric: 'orders', target: 5 });
  });

  it('refuses a rate out of [0, 1] next to the field, another store’s consultant (404), and a consultant (403)', async () => {
    const bad = await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-11',
      targets: [{ consultantId: null, metric: 'callback_24h_rate', target: 95 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields['targets.0.target']).toMatch(/between 0 and 1/);
    const foreign = await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-11',
      targets: [{ consultantId: ids.c3, metric: 'orders', target: 3 }],
    });
    expect(foreign.status).toBe(404);
    const own = await consultant1.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-11',
      targets: [{ consultantId: ids.c1, metric: 'orders', target: 1 }],
    });
    expect(own.status).toBe(403);
  });

  it('a null target removes it, audited', async () => {
    await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-12',
      targets: [{ consultantId: null, metric: 'leads', target: 30 }],
    });
    const res = await manager.request('PUT', '/api/v1/kpi-targets', {
      month: '2026-12',
      targets: [{ consultantId: null, metric: 'leads', target: null }],
    });
    expect(res.body.targets).toEqual([]);
    const row = await one<{ action: string; before: unknown }>(
      sql`select action, before from audit_log where entity = 'kpi_target' order by id desc limit 1`,
    );
    expect(row).toEqual({ action: 'kpi_target.remove', before: { target: 30 } });
  });
});

describe('the KPI dashboard of November 2026', () => {
  it('shows the store and each consultant against their targets (the core test’s figures)', async () => {
    const res = await manager.get(`/api/v1/reports/kpi?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe('2026-11');
    expect(res.body.rollUp).toBeNull();
    const store = res.body.stores[0];
    expect(store.store.id).toBe(ids.store);
    expect(byMetric(store.figures)).toEqual({
      leads: [5, null, null],
      visits: [6, null, null],
      test_drives: [1, null, null],
      orders: [3, 5, 0.6],
      deliveries: [1, null, null],
      info_retention_rate: [0.5, null, null],
      callback_24h_rate: [0.5, null, null],
      on_time_follow_up_rate: [0.5, null, null],
    });
    const c1 = res.body.consultants.find((c: { consultant: { id: string } }) => c.consultant.id === ids.c1);
    expect(byMetric(c1.figures)).toEqual({
      leads: [3, 4, 0.75],
      visits: [4, 0, null],
      test_drives: [1, null, null],
      orders: [2, 2, 1],
      deliveries: [1, null, null],
      info_retention_rate: [0.5, 0.8, 0.625],
      callback_24h_rate: [0.3333, 0.9, 0.3703],
      on_time_follow_up_rate: [0.5, null, null],
    });
    const c2 = res.body.consultants.find((c: { consultant: { id: string } }) => c.consultant.id === ids.c2);
    expect(byMetric(c2.figures)).toMatchObject({
      leads: [1, null, null],
      orders: [1, null, null],
      info_retention_rate: [1, null, null],
      callback_24h_rate: [1, null, null],
      on_time_follow_up_rate: [0.5, null, null],
    });
    // October had one lead (D) and nothing else
    expect(store.figures.find((f: Figure) => f.metric === 'leads').previous).toBe(1);
  });

  it('a campaign no fixture lead carries leaves nothing to count', async () => {
    const res = await manager.get(`/api/v1/reports/kpi?${NOV}&campaignCode=NO-SUCH-CAMPAIGN`);
    expect(res.status).toBe(200);
    const counts = byMetric(res.body.stores[0].figures);
    for (const metric of ['leads', 'visits', 'test_drives', 'orders', 'deliveries'] as const) {
      expect(counts[metric]?.[0]).toBe(0);
    }
  });

  it('a consultant sees their own dashboard only', async () => {
    const res = await consultant1.get(`/api/v1/reports/kpi?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.meta.ownFiguresOnly).toBe(true);
    expect(res.body.stores).toEqual([]);
    expect(res.body.consultants.map((c: { consultant: { id: string } }) => c.consultant.id)).toEqual([
      ids.c1,
    ]);
    expect(byMetric(res.body.consultants[0].figures)).toMatchObject({
      leads: [3, 4, 0.75],
      orders: [2, 2, 1],
    });
  });

  it('a group admin sees the stores side by side and the roll-up', async () => {
    const admin = await t.as('admin');
    const res = await admin.get(`/api/v1/reports/kpi?${NOV}&dealerId=all`);
    expect(res.status).toBe(200);
    expect(res.body.stores.map((s: { store: { id: string } }) => s.store.id).sort()).toEqual(
      [ids.store, ids.otherStore].sort(),
    );
    // SH-MH has nothing in November 2026: the roll-up is SH-PD's figures, its order target the sum
    expect(byMetric(res.body.rollUp)).toMatchObject({ leads: [5, null, null], orders: [3, 5, 0.6] });
    expect((await manager.get(`/api/v1/reports/kpi?${NOV}&dealerId=all`)).status).toBe(404);
  });

  it('drills down from a count to its customers', async () => {
    const res = await manager.get(`/api/v1/reports/kpi/customers?${NOV}&metric=orders&key=${ids.c1}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { cardNo: string }) => c.cardNo).sort()).toEqual(['KPI-1', 'KPI-2']);
  });

  it('exports for the manager (audited), not for a consultant', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/reports/kpi/export?${NOV}&lang=en`, {
      headers: { cookie: manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push(String(row.values)));
    expect(texts.some((line) => line.includes('Orders') && line.includes('3'))).toBe(true);
    const audit = await one<{ after: { rows: number } }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'kpi' order by id desc limit 1`,
    );
    expect(audit.after.rows).toBeGreaterThan(0);
    expect((await consultant1.get(`/api/v1/reports/kpi/export?${NOV}`)).status).toBe(403);
  });
});

describe('the monthly sales activity plan of November 2026', () => {
  it('puts prospects by level at month end beside the targets', async () => {
    const res = await manager.get(`/api/v1/reports/monthly-plan?${NOV}`);
    expect(res.status).toBe(200);
    const c1 = res.body.lines.find((l: { consultant: { id: string } }) => l.consultant.id === ids.c1);
    // c1: D carried in (never graded); A, B, C new; A and B sold; C and D roll over ungraded
    expect(c1).toMatchObject({
      prospects: { O: 0, H: 0, A: 0, B: 0, C: 0, none: 2 },
      carried: 2,
      new: 3,
      sold: 2,
      defeated: 0,
    });
    expect(byMetric(c1.figures)).toEqual({
      leads: [3, 4, 0.75],
      visits: [4, 0, null],
      test_drives: [1, null, null],
      orders: [2, 2, 1],
      deliveries: [1, null, null],
    });
    // the store: c1's and c2's (E new and sold) lines; its own order target
    expect(res.body.store).toMatchObject({ carried: 2, new: 4, sold: 3 });
    expect(byMetric(res.body.store.figures).orders).toEqual([3, 5, 0.6]);
  });
});
