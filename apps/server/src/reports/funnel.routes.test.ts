import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildLeadMilestones } from '../customers/lead-milestones';
import {
  customers,
  demoCars,
  leadSources,
  leads,
  orders,
  showroomVisits,
  testDrives,
} from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { download, sheetOf } from '../test-support/xlsx-download';

/**
 * The funnel over HTTP with the fixture of packages/core/src/reports/funnel.test.ts, written into the
 * demo store SH-PD. The clock stands in June 2027, so the demo's 90 days (March - June 2027) lie far
 * from the fixture's November 2026; the fixture's leads also carry their own campaign code.
 *
 *   L1 11-03 S1 C1 X: contacted, visit, test drive, order, delivered
 *   L2 11-10 S1 C1 X: contacted, visit, order (no drive)
 *   L3 11-15 S2 C2 Y: contacted
 *   L4 31 Oct 16:30 UTC = 1 Nov 00:30 Shanghai, S2 C2: a walk-in visit
 *   L5 30 Nov 15:30 UTC = 30 Nov 23:30 Shanghai, S1 C2 X: nothing yet
 *   L6 30 Nov 16:10 UTC = 1 Dec 00:10 Shanghai: NOT in November
 *   P1 10-20 S1 C1 X: contacted, visit; P2 31 Oct 15:30 UTC = 31 Oct 23:30 Shanghai, S2 C2: nothing
 */
const CAMPAIGN = 'FUNNEL-T';
const NOV = `from=2026-11-01&to=2026-11-30&campaignCode=${CAMPAIGN}`;

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let marketing: ApiClient;
let ids: {
  store: string;
  otherStore: string;
  c1: string;
  c2: string;
  s1: string;
  s2: string;
  x: string;
  y: string;
  customer: Record<string, string>;
};

const one = async <T>(query: ReturnType<typeof sql>) => (await t.rows<T>(query))[0] as T;

const seedFixture = async () => {
  const store = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)).id;
  const otherStore = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-MH'`)).id;
  const user = async (name: string) =>
    (await one<{ id: string }>(sql`select id from users where username = ${name}`)).id;
  const [c1, c2] = [await user('consultant1'), await user('consultant2')];
  const series = await t.rows<{ id: string }>(
    sql`select id from catalog_series where dealer_id = ${store} order by name limit 2`,
  );
  const [x, y] = [series[0]?.id as string, series[1]?.id as string];
  const car = (
    await t.db.select({ id: demoCars.id }).from(demoCars).where(eq(demoCars.dealerId, store)).limit(1)
  )[0]?.id as string;
  const [s1, s2] = [randomUUID(), randomUUID()];
  await t.db.insert(leadSources).values([
    {
      dealerId: store,
      id: s1,
      tier: 'channel',
      code: 'FUNNEL-S1',
      nameZh: '漏斗来源一',
      nameEn: 'Funnel source 1',
    },
    {
      dealerId: store,
      id: s2,
      tier: 'channel',
      code: 'FUNNEL-S2',
      nameZh: '漏斗来源二',
      nameEn: 'Funnel source 2',
    },
  ]);
  const customer: Record<string, string> = {};
  const at = (iso: string) => new Date(iso);
  const lead = async (
    key: string,
    createdAt: string,
    sourceId: string,
    ownerId: string,
    seriesId: string | null,
    contactedAt: string | null,
  ) => {
    const customerId = randomUUID();
    customer[key] = customerId;
    const serial = Object.keys(customer).length;
    await t.db.insert(customers).values({
      dealerId: store,
      id: customerId,
      cardNo: `FUN-${key}`,
      name: `漏斗客户${key}`,
      phoneE164: `+8613900${String(serial).padStart(6, '0')}`,
      phoneRaw: `13900${String(serial).padStart(6, '0')}`,
      sourceId,
      ownerId,
      createdAt: at(createdAt),
    });
    const leadId = randomUUID();
    await t.db.insert(leads).values({
      dealerId: store,
      id: leadId,
      customerId,
      sourceId,
      ownerId,
      seriesId,
      campaignCode: CAMPAIGN,
      channel: 'walk_in',
      createdAt: at(createdAt),
      firstContactedAt: contactedAt ? at(contactedAt) : null,
    });
    return { customerId, leadId };
  };
  const visit = (l: { customerId: string; leadId: string }, arrivedAt: string, consultantId: string) =>
    t.db.insert(showroomVisits).values({
      dealerId: store,
      id: randomUUID(),
      customerId: l.customerId,
      leadId: l.leadId,
      arrivedAt: at(arrivedAt),
      firstVisit: true,
      leftContact: true,
      consultantId,
    });
  const order = (
    l: { customerId: string; leadId: string },
    orderedAt: string,
    deliveredAt: string | null,
    no: string,
  ) =>
    t.db.insert(orders).values({
      dealerId: store,
      id: randomUUID(),
      orderNo: no,
      customerId: l.customerId,
      leadId: l.leadId,
      consultantId: c1,
      price: 200_000,
      paymentMethod: 'cash',
      status: deliveredAt ? 'delivered' : 'confirmed',
      orderedAt: at(orderedAt),
      deliveredAt: deliveredAt ? at(deliveredAt) : null,
    });

  const l1 = await lead('L1', '2026-11-03T02:00:00Z', s1, c1, x, '2026-11-03T03:00:00Z');
  await visit(l1, '2026-11-05T02:00:00Z', c1);
  await t.db.insert(testDrives).values({
    dealerId: store,
    id: randomUUID(),
    customerId: l1.customerId,
    leadId: l1.leadId,
    demoCarId: car,
    consultantId: c1,
    startsAt: at('2026-11-05T02:30:00Z'),
    endsAt: at('2026-11-05T03:00:00Z'),
    status: 'done',
  });
  await order(l1, '2026-11-06T02:00:00Z', '2026-12-02T02:00:00Z', 'FUN-O1');
  const l2 = await lead('L2', '2026-11-10T02:00:00Z', s1, c1, x, '2026-11-10T05:00:00Z');
  await visit(l2, '2026-11-12T02:00:00Z', c1);
  await order(l2, '2026-11-12T04:00:00Z', null, 'FUN-O2');
  // A cancelled order of L3 is no order.
  const l3 = await lead('L3', '2026-11-15T02:00:00Z', s2, c2, y, '2026-11-15T09:00:00Z');
  await t.db.insert(orders).values({
    dealerId: store,
    id: randomUUID(),
    orderNo: 'FUN-O3',
    customerId: l3.customerId,
    leadId: l3.leadId,
    consultantId: c2,
    price: 150_000,
    paymentMethod: 'cash',
    status: 'cancelled',
    orderedAt: at('2026-11-16T02:00:00Z'),
  });
  const l4 = await lead('L4', '2026-10-31T16:30:00Z', s2, c2, null, null);
  await visit(l4, '2026-10-31T16:30:00Z', c2);
  await lead('L5', '2026-11-30T15:30:00Z', s1, c2, x, null);
  await lead('L6', '2026-11-30T16:10:00Z', s2, c2, x, '2026-11-30T17:00:00Z');
  const p1 = await lead('P1', '2026-10-20T02:00:00Z', s1, c1, x, '2026-10-20T04:00:00Z');
  await visit(p1, '2026-10-22T02:00:00Z', c1);
  await lead('P2', '2026-10-31T15:30:00Z', s2, c2, null, null);
  // Written straight into the tables, as a bulk load does: the milestones are rebuilt as after one.
  await rebuildLeadMilestones(t.db, [store]);
  ids = { store, otherStore, c1, c2, s1, s2, x, y, customer };
};

type Funnel = {
  meta: {
    from: string;
    previousFrom: string;
    previousTo: string;
    storeIds: string[];
    consultantId: string | null;
    ownFiguresOnly: boolean;
  };
  steps: {
    step: string;
    count: { current: number; previous: number };
    conversion: { current: number | null; previous: number | null };
  }[];
  overall: { current: number | null; previous: number | null };
  bucket: string | null;
  groups: { key: string; label: string; counts: Record<string, number> }[];
};

const countsOf = (funnel: Funnel) => funnel.steps.map((s) => [s.count.current, s.count.previous]);
const row = (counts: Record<string, number>) => [
  counts.leads,
  counts.contacted,
  counts.visited,
  counts.testDrive,
  counts.ordered,
  counts.delivered,
];

const exportAudits = async (entityId: string) =>
  t.rows<{
    actor_id: string;
    after: { rows: number; complete: boolean; filter: Record<string, unknown> } | string;
  }>(
    sql`select actor_id, after from audit_log where action = 'report.export' and entity_id = ${entityId} order by id`,
  );
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  await seedFixture();
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  marketing = await t.as('marketing');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the sales funnel report', () => {
  it('counts the hand-computed cohort of November and of the 30 days before', async () => {
    const res = await manager.get<Funnel>(`/api/v1/reports/funnel?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s) => s.step)).toEqual([
      'leads',
      'contacted',
      'visited',
      'testDrive',
      'ordered',
      'delivered',
    ]);
    expect(countsOf(res.body)).toEqual([
      [5, 2],
      [4, 1],
      [3, 1],
      [2, 0],
      [2, 0],
      [1, 0],
    ]);
    expect(res.body.steps.map((s) => s.conversion.current)).toEqual([null, 0.8, 0.75, 0.6667, 1, 0.5]);
    expect(res.body.steps.map((s) => s.conversion.previous)).toEqual([null, 0.5, 1, 0, null, null]);
    expect(res.body.overall).toEqual({ current: 0.2, previous: 0 });
    expect(res.body.meta).toMatchObject({
      previousFrom: '2026-10-02',
      previousTo: '2026-10-31',
      storeIds: [ids.store],
      consultantId: null,
      ownFiguresOnly: false,
    });
    // By source: S1 = L1, L2, L5; S2 = L3, L4.
    expect(res.body.groups.map((g) => [g.key, g.label, row(g.counts)])).toEqual([
      [ids.s1, '漏斗来源一', [3, 2, 2, 2, 2, 1]],
      [ids.s2, '漏斗来源二', [2, 2, 1, 0, 0, 0]],
    ]);
  });

  it('breaks down by consultant and by the store day', async () => {
    const byConsultant = await manager.get<Funnel>(`/api/v1/reports/funnel?${NOV}&groupBy=consultant`);
    expect(byConsultant.body.groups.map((g) => [g.key, g.label, row(g.counts)])).toEqual([
      [ids.c2, '张伟', [3, 2, 1, 0, 0, 0]],
      [ids.c1, '李娜', [2, 2, 2, 2, 2, 1]],
    ]);
    const byDay = await manager.get<Funnel>(`/api/v1/reports/funnel?${NOV}&groupBy=period`);
    expect(byDay.body.groups.map((g) => [g.key, row(g.counts)])).toEqual([
      ['2026-11-01', [1, 1, 1, 0, 0, 0]],
      ['2026-11-03', [1, 1, 1, 1, 1, 1]],
      ['2026-11-10', [1, 1, 1, 1, 1, 0]],
      ['2026-11-15', [1, 1, 0, 0, 0, 0]],
      ['2026-11-30', [1, 0, 0, 0, 0, 0]],
    ]);
  });

  it('breaks a period of 60 days down by the week (from Monday) of the store day', async () => {
    const res = await manager.get<Funnel>(
      `/api/v1/reports/funnel?from=2026-10-02&to=2026-11-30&campaignCode=${CAMPAIGN}&groupBy=period`,
    );
    expect(res.body.bucket).toBe('week');
    // P1 (Tue 20 Oct); P2 (Sat 31 Oct 23:30) and L4 (Sun 1 Nov 00:30); L1; L2 and L3 (Sun 15 Nov); L5.
    expect(res.body.groups.map((g) => [g.key, row(g.counts)])).toEqual([
      ['2026-10-19', [1, 1, 1, 0, 0, 0]],
      ['2026-10-26', [2, 1, 1, 0, 0, 0]],
      ['2026-11-02', [1, 1, 1, 1, 1, 1]],
      ['2026-11-09', [2, 2, 1, 1, 1, 0]],
      ['2026-11-30', [1, 0, 0, 0, 0, 0]],
    ]);
  });

  it("counts a visit, test drive or order without a lead for the customer's leads created before it", async () => {
    // One customer, campaign FUNNEL-LL: LA (4 Nov), LB (20 Nov); lead-less events: a visit on 5 Nov, a
    // delivered order on 6 Nov, a cancelled order on 21 Nov, a done test drive from 25 Nov. LA reaches
    // delivered (all four come after it); LB only the test drive (the visit and order came before it).
    const campaignCode = 'FUNNEL-LL';
    const customerId = randomUUID();
    const sourceId = randomUUID();
    const at = (iso: string) => new Date(iso);
    // A source of its own, so the other tests' source filters and exports do not see this customer.
    await t.db.insert(leadSources).values({
      dealerId: ids.store,
      id: sourceId,
      tier: 'channel',
      code: 'FUNNEL-LL',
      nameZh: '漏斗来源三',
      nameEn: 'Funnel source 3',
    });
    await t.db.insert(customers).values({
      dealerId: ids.store,
      id: customerId,
      cardNo: 'FUN-LL',
      name: '漏斗客户LL',
      phoneE164: '+8613900999001',
      phoneRaw: '13900999001',
      sourceId,
      ownerId: ids.c1,
    });
    for (const createdAt of ['2026-11-04T02:00:00Z', '2026-11-20T02:00:00Z']) {
      await t.db.insert(leads).values({
        dealerId: ids.store,
        id: randomUUID(),
        customerId,
        sourceId,
        ownerId: ids.c1,
        campaignCode,
        channel: 'walk_in',
        createdAt: at(createdAt),
        firstContactedAt: at(createdAt),
      });
    }
    await t.db.insert(showroomVisits).values({
      dealerId: ids.store,
      id: randomUUID(),
      customerId,
      arrivedAt: at('2026-11-05T02:00:00Z'),
      firstVisit: true,
      leftContact: true,
      consultantId: ids.c1,
    });
    const order = (no: string, orderedAt: string, status: 'delivered' | 'cancelled') =>
      t.db.insert(orders).values({
        dealerId: ids.store,
        id: randomUUID(),
        orderNo: no,
        customerId,
        consultantId: ids.c1,
        price: 200_000,
        paymentMethod: 'cash',
        status,
        orderedAt: at(orderedAt),
        deliveredAt: status === 'delivered' ? at('2026-11-08T02:00:00Z') : null,
      });
    await order('FUN-LL1', '2026-11-06T02:00:00Z', 'delivered');
    await order('FUN-LL2', '2026-11-21T02:00:00Z', 'cancelled');
    const [car] = await t.db
      .select({ id: demoCars.id })
      .from(demoCars)
      .where(eq(demoCars.dealerId, ids.store))
      .limit(1);
    await t.db.insert(testDrives).values({
      dealerId: ids.store,
      id: randomUUID(),
      customerId,
      demoCarId: car?.id as string,
      consultantId: ids.c1,
      startsAt: at('2026-11-25T02:00:00Z'),
      endsAt: at('2026-11-25T02:30:00Z'),
      status: 'done',
    });
    await rebuildLeadMilestones(t.db, [ids.store]);
    const res = await manager.get<Funnel>(
      `/api/v1/reports/funnel?from=2026-11-01&to=2026-11-30&campaignCode=${campaignCode}`,
    );
    expect(countsOf(res.body).map(([current]) => current)).toEqual([2, 2, 2, 2, 1, 1]);
  });

  it('filters by source and series', async () => {
    const s2 = await manager.get<Funnel>(`/api/v1/reports/funnel?${NOV}&sourceId=${ids.s2}`);
    expect(countsOf(s2.body).map(([current]) => current)).toEqual([2, 2, 1, 0, 0, 0]);
    const y = await manager.get<Funnel>(`/api/v1/reports/funnel?${NOV}&seriesId=${ids.y}`);
    expect(countsOf(y.body).map(([current]) => current)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  it('shows a consultant only their own figures, whatever consultant they ask for', async () => {
    const own = await consultant1.get<Funnel>(`/api/v1/reports/funnel?${NOV}&consultantId=${ids.c2}`);
    expect(own.status).toBe(200);
    expect(own.body.meta).toMatchObject({ consultantId: ids.c1, ownFiguresOnly: true });
    expect(countsOf(own.body)).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 0],
      [2, 0],
      [1, 0],
    ]);
  });

  it('keeps other stores out: a store manager cannot pick another store; a group admin may roll up', async () => {
    expect((await manager.get(`/api/v1/reports/funnel?${NOV}&dealerId=${ids.otherStore}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/reports/funnel?${NOV}&dealerId=all`)).status).toBe(404);
    const admin = await t.as('admin');
    const group = await admin.get<Funnel>(`/api/v1/reports/funnel?${NOV}&dealerId=all`);
    expect(group.status).toBe(200);
    expect(group.body.meta.storeIds.sort()).toEqual([ids.store, ids.otherStore].sort());
    expect(group.body.steps[0]?.count.current).toBe(5);
    const other = await admin.get<Funnel>(`/api/v1/reports/funnel?${NOV}&dealerId=${ids.otherStore}`);
    expect(other.body.steps[0]?.count.current).toBe(0);
    expect((await admin.get(`/api/v1/reports/funnel?${NOV}&dealerId=${randomUUID()}`)).status).toBe(404);
  });

  it('refuses a period that ends before it starts, and the receptionist', async () => {
    const res = await manager.get('/api/v1/reports/funnel?from=2026-11-30&to=2026-11-01');
    expect(res.status).toBe(422);
    expect(res.body.error.fields.to).toBeTruthy();
    const reception = await t.as('reception');
    expect((await reception.get(`/api/v1/reports/funnel?${NOV}`)).status).toBe(403);
  });
});

describe('drilling down to the customers behind a figure', () => {
  type Page = { items: { id: string; phone: string; phoneMasked: boolean; name: string }[]; total: number };

  it('lists the visited leads, with phones in full for the manager', async () => {
    const res = await manager.get<Page>(`/api/v1/reports/funnel/customers?${NOV}&metric=visited`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((c) => c.id).sort()).toEqual(
      [ids.customer.L1, ids.customer.L2, ids.customer.L4].sort(),
    );
    expect(res.body.items.every((c) => !c.phoneMasked && /^139\d{8}$/.test(c.phone))).toBe(true);
  });

  it('lists one row of the breakdown, and the previous period', async () => {
    const c2 = await manager.get<Page>(
      `/api/v1/reports/funnel/customers?${NOV}&groupBy=consultant&metric=contacted&key=${ids.c2}`,
    );
    expect(c2.body.items.map((c) => c.id).sort()).toEqual([ids.customer.L3, ids.customer.L4].sort());
    const before = await manager.get<Page>(
      `/api/v1/reports/funnel/customers?${NOV}&metric=leads&period=previous`,
    );
    expect(before.body.items.map((c) => c.id).sort()).toEqual([ids.customer.P1, ids.customer.P2].sort());
  });

  it('pages, and masks phones for a role that may not see them', async () => {
    const page2 = await marketing.get<Page>(
      `/api/v1/reports/funnel/customers?${NOV}&metric=leads&pageSize=2&page=2`,
    );
    expect(page2.body.total).toBe(5);
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.items.every((c) => c.phoneMasked && /^139\*{4}\d{4}$/.test(c.phone))).toBe(true);
  });

  it('refuses an unknown figure', async () => {
    expect((await manager.get(`/api/v1/reports/funnel/customers?${NOV}&metric=bogus`)).status).toBe(422);
  });
});

describe('exporting', () => {
  it('refuses a consultant', async () => {
    expect((await download(consultant1, `/api/v1/reports/funnel/export?${NOV}`)).status).toBe(403);
    expect((await download(consultant1, '/api/v1/customers/export')).status).toBe(403);
  });

  it('streams the funnel as xlsx holding the figures, and audits it with the row count', async () => {
    const res = await download(manager, `/api/v1/reports/funnel/export?${NOV}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const rows = await sheetOf(res.body);
    // Two heading lines, the header, then All, Previous period, S1, S2.
    expect(rows[2]?.slice(0, 7)).toEqual([
      'Source',
      'Leads',
      'Contacted',
      'Visited / called in',
      'Test drive',
      'Order',
      'Delivered',
    ]);
    expect(rows.slice(3).map((r) => r.slice(0, 7))).toEqual([
      ['All', 5, 4, 3, 2, 2, 1],
      ['Previous period', 2, 1, 1, 0, 0, 0],
      ['Funnel source 1', 3, 2, 2, 2, 2, 1],
      ['Funnel source 2', 2, 2, 1, 0, 0, 0],
    ]);
    const audits = await exportAudits('funnel');
    const last = parsed(audits.at(-1)?.after as never) as {
      rows: number;
      complete: boolean;
      filter: Record<string, unknown>;
    };
    expect(last).toMatchObject({ rows: 4, complete: true });
    expect(last.filter).toMatchObject({ from: '2026-11-01', to: '2026-11-30', campaignCode: CAMPAIGN });
  });

  it('exports the customer list with its filters, phones masked for marketing and in full for the manager', async () => {
    const query = `/api/v1/customers/export?sourceId=${ids.s1}&sort=name&order=asc`;
    const masked = await download(marketing, query);
    expect(masked.status).toBe(200);
    const rows = (await sheetOf(masked.body)).slice(1);
    // S1 customers: L1, L2, L5 and P1.
    expect(rows.map((r) => r[1])).toEqual(['漏斗客户L1', '漏斗客户L2', '漏斗客户L5', '漏斗客户P1']);
    expect(rows.every((r) => /^139\*{4}\d{4}$/.test(String(r[2])))).toBe(true);
    const marketingId = (await one<{ id: string }>(sql`select id from users where username = 'marketing'`))
      .id;
    const audits = await exportAudits('customers');
    expect(audits.at(-1)?.actor_id).toBe(marketingId);
    expect(parsed(audits.at(-1)?.after as never)).toMatchObject({
      rows: 4,
      complete: true,
      filter: { sourceId: ids.s1 },
    });

    const full = await download(manager, query);
    const fullRows = (await sheetOf(full.body)).slice(1);
    expect(fullRows.every((r) => /^139\d{8}$/.test(String(r[2])))).toBe(true);
  });

  it('carries on serving when a client leaves half way through a download, and audits the export', async () => {
    const before = (await exportAudits('customers')).length;
    const controller = new AbortController();
    const res = await fetch(`${t.baseUrl}/api/v1/customers/export`, {
      headers: { cookie: manager.cookie ?? '' },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    controller.abort();
    // The export ends either way (complete or not) with its audit row, and the server still answers.
    await expect
      .poll(async () => (await exportAudits('customers')).length, { timeout: 10_000 })
      .toBe(before + 1);
    expect((await manager.get('/api/v1/me')).status).toBe(200);
  });

  it('exports every customer of the store once, without paging', async () => {
    const res = await download(manager, '/api/v1/customers/export?lang=en');
    const rows = (await sheetOf(res.body)).slice(1);
    const { n } = await one<{ n: number | string }>(
      sql`select count(*) as n from customers where dealer_id = ${ids.store} and merged_into_id is null`,
    );
    expect(rows).toHaveLength(Number(n));
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });
});
