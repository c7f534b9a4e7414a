import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildOrderFacts } from '../customers/order-facts';
import { customers, leadSources, leads, orders, showroomVisits } from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { download, sheetOf } from '../test-support/xlsx-download';

/**
 * Showroom traffic and source analysis over HTTP, with the fixtures of packages/core/src/reports/
 * traffic.test.ts (November 2026) and source-analysis.test.ts (January 2027), written into the demo
 * store SH-PD. The clock stands in June 2027: the demo's 90 days lie in March - June 2027.
 */
const NOV = 'from=2026-11-01&to=2026-11-30';
const JAN = 'from=2027-01-01&to=2027-01-31';

let t: TestServer;
let manager: ApiClient;
let ids: { store: string; c1: string; c2: string; s1: string; s2: string; customer: Record<string, string> };

const one = async <T>(query: ReturnType<typeof sql>) => (await t.rows<T>(query))[0] as T;
const at = (iso: string) => new Date(iso);

const seed = async () => {
  const store = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)).id;
  const user = async (name: string) =>
    (await one<{ id: string }>(sql`select id from users where username = ${name}`)).id;
  const [c1, c2] = [await user('consultant1'), await user('consultant2')];
  const [s1, s2] = [randomUUID(), randomUUID()];
  await t.db.insert(leadSources).values([
    {
      dealerId: store,
      id: s1,
      tier: 'channel',
      code: 'TRAFFIC-S1',
      nameZh: '客流来源一',
      nameEn: 'Traffic source 1',
    },
    {
      dealerId: store,
      id: s2,
      tier: 'channel',
      code: 'TRAFFIC-S2',
      nameZh: '客流来源二',
      nameEn: 'Traffic source 2',
    },
  ]);
  const customer: Record<string, string> = {};
  const card = async (key: string, level: 'A' | null, sourceId: string | null = null) => {
    const id = randomUUID();
    customer[key] = id;
    const n = String(Object.keys(customer).length).padStart(6, '0');
    await t.db.insert(customers).values({
      dealerId: store,
      id,
      cardNo: `TRF-${key}`,
      name: `客流客户${key}`,
      phoneE164: `+8613700${n}`,
      phoneRaw: `13700${n}`,
      level,
      sourceId,
      ownerId: c1,
    });
    return id;
  };
  const visit = (
    arrivedAt: string,
    fields: Partial<typeof showroomVisits.$inferInsert> & { firstVisit: boolean; leftContact: boolean },
  ) =>
    t.db
      .insert(showroomVisits)
      .values({ dealerId: store, id: randomUUID(), arrivedAt: at(arrivedAt), ...fields });
  const order = (customerId: string, orderedAt: string, leadId: string | null = null) =>
    t.db.insert(orders).values({
      dealerId: store,
      id: randomUUID(),
      orderNo: `TRF-${Object.keys(customer).length}-${orderedAt}`,
      customerId,
      leadId,
      consultantId: c1,
      price: 180_000,
      paymentMethod: 'cash',
      status: 'confirmed',
      orderedAt: at(orderedAt),
    });

  // Traffic, November 2026 (traffic.test.ts V1..V6).
  const a = await card('A', 'A');
  const b = await card('B', null);
  const c = await card('C', 'A');
  const d = await card('D', null);
  await visit('2026-11-02T02:00:00Z', {
    customerId: a,
    consultantId: c1,
    partySize: 2,
    leftAt: at('2026-11-02T03:00:00Z'),
    firstVisit: true,
    leftContact: true,
  });
  await visit('2026-11-02T06:30:00Z', {
    consultantId: c1,
    leftAt: at('2026-11-02T07:00:00Z'),
    firstVisit: true,
    leftContact: false,
  });
  await visit('2026-11-07T07:00:00Z', {
    customerId: b,
    consultantId: c2,
    partySize: 3,
    leftAt: at('2026-11-07T08:30:00Z'),
    firstVisit: true,
    leftContact: true,
  });
  await visit('2026-11-08T03:00:00Z', {
    customerId: a,
    consultantId: c1,
    partySize: 4,
    firstVisit: false,
    leftContact: true,
  });
  await visit('2026-11-30T15:30:00Z', {
    customerId: c,
    consultantId: c2,
    partySize: 5,
    firstVisit: true,
    leftContact: true,
    closedOnSpot: true,
  });
  await visit('2026-11-03T01:00:00Z', {
    kind: 'phone_in',
    customerId: d,
    consultantId: c2,
    firstVisit: true,
    leftContact: true,
  });
  await order(a, '2026-11-08T04:00:00Z');
  await order(c, '2026-11-30T15:45:00Z');

  // Sources, January 2027 (source-analysis.test.ts): S1 leads A, B, C; S2 lead D; visits A (S1), D and E
  // (S2, E without a lead), one visitor without details; orders of A and B.
  const lead = async (customerId: string, sourceId: string, createdAt: string) => {
    const id = randomUUID();
    await t.db.insert(leads).values({
      dealerId: store,
      id,
      customerId,
      sourceId,
      ownerId: c1,
      channel: 'walk_in',
      createdAt: at(createdAt),
    });
    return id;
  };
  const sa = await card('SA', null, s1);
  const sb = await card('SB', null, s1);
  const sc = await card('SC', null, s1);
  const sd = await card('SD', null, s2);
  const se = await card('SE', null, s2);
  const la = await lead(sa, s1, '2027-01-05T02:00:00Z');
  const lb = await lead(sb, s1, '2027-01-06T02:00:00Z');
  await lead(sc, s1, '2027-01-07T02:00:00Z');
  const ld = await lead(sd, s2, '2027-01-08T02:00:00Z');
  await visit('2027-01-05T03:00:00Z', {
    customerId: sa,
    leadId: la,
    sourceId: s1,
    firstVisit: true,
    leftContact: true,
  });
  await visit('2027-01-09T03:00:00Z', {
    customerId: sd,
    leadId: ld,
    sourceId: s2,
    firstVisit: true,
    leftContact: true,
  });
  await visit('2027-01-10T03:00:00Z', { customerId: se, sourceId: s2, firstVisit: true, leftContact: true });
  await visit('2027-01-11T03:00:00Z', { firstVisit: true, leftContact: false });
  await order(sa, '2027-01-12T02:00:00Z', la);
  await order(sb, '2027-01-13T02:00:00Z', lb);
  // Written straight into the tables, as a bulk load does: the order facts are rebuilt as after one.
  await rebuildOrderFacts(t.db, [store]);
  ids = { store, c1, c2, s1, s2, customer };
};

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  await seed();
  manager = await t.as('manager');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the showroom traffic report', () => {
  it('counts the hand-computed November', async () => {
    const res = await manager.get(`/api/v1/reports/traffic?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.current).toEqual({
      visits: 5,
      phoneIns: 1,
      people: 15,
      firstVisits: 4,
      repeatVisits: 1,
      leftContact: 4,
      valid: 3,
      ordered: 3,
      averagePartySize: 3,
      averageStayMinutes: 60,
      retentionRate: 0.6667,
      validRate: 0.6,
      visitToOrderRate: 0.6,
    });
    expect(res.body.previous.visits).toBe(0);
    expect(res.body.byWeekday).toEqual([3, 0, 0, 0, 0, 1, 1]);
    expect([10, 11, 14, 15, 23].map((h) => res.body.byHour[h])).toEqual([1, 1, 1, 1, 1]);
    expect(res.body.partySizes).toEqual([1, 1, 1, 1, 1]);
    expect(
      res.body.consultants.map(
        (c: { key: string; name: string; figures: { visits: number; retentionRate: number } }) => [
          c.key,
          c.name,
          c.figures.visits,
          c.figures.retentionRate,
        ],
      ),
    ).toEqual([
      [ids.c1, '李娜', 3, 0.5],
      [ids.c2, '张伟', 2, 1],
    ]);
  });

  it('is open to the receptionist, and shows a consultant only the visits they received', async () => {
    const reception = await t.as('reception');
    expect((await reception.get(`/api/v1/reports/traffic?${NOV}`)).body.current.visits).toBe(5);
    const consultant2 = await t.as('consultant2');
    const own = await consultant2.get(`/api/v1/reports/traffic?${NOV}`);
    expect(own.body.current.visits).toBe(2);
    expect(own.body.meta.ownFiguresOnly).toBe(true);
  });

  it('drills down to the first-time visitors who left details, per consultant', async () => {
    const res = await manager.get(`/api/v1/reports/traffic/customers?${NOV}&metric=firstVisits`);
    expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [ids.customer.A, ids.customer.B, ids.customer.C].sort(),
    );
    const c1 = await manager.get(`/api/v1/reports/traffic/customers?${NOV}&metric=ordered&key=${ids.c1}`);
    expect(c1.body.items.map((c: { id: string }) => c.id)).toEqual([ids.customer.A]);
  });

  it('exports for the manager and refuses the receptionist', async () => {
    const reception = await t.as('reception');
    expect((await download(reception, `/api/v1/reports/traffic/export?${NOV}`)).status).toBe(403);
    const res = await download(manager, `/api/v1/reports/traffic/export?${NOV}&lang=en`);
    expect(res.status).toBe(200);
    const rows = await sheetOf(res.body);
    expect(rows.slice(3).map((r) => r.slice(0, 2))).toEqual([
      ['All', 5],
      ['Previous period', 0],
      ['李娜', 3],
      ['张伟', 2],
    ]);
  });
});

describe('the source analysis report', () => {
  type Figures = {
    leads: number;
    visits: number;
    orders: number;
    leadToOrderRate: number | null;
    cost: number | null;
  };
  it('counts leads, visits and orders per source, cost unknown', async () => {
    const res = await manager.get(`/api/v1/reports/sources?${JAN}`);
    expect(res.status).toBe(200);
    expect(res.body.costRecorded).toBe(false);
    expect(res.body.total.current).toEqual({
      leads: 4,
      visits: 4,
      orders: 2,
      leadToOrderRate: 0.5,
      cost: null,
      costPerLead: null,
    });
    expect(
      res.body.sources.map((s: { key: string; name: string; current: Figures }) => [
        s.key,
        s.name,
        s.current.leads,
        s.current.visits,
        s.current.orders,
        s.current.leadToOrderRate,
      ]),
    ).toEqual([
      [ids.s1, '客流来源一', 3, 1, 2, 0.6667],
      [ids.s2, '客流来源二', 1, 2, 0, 0],
      ['', '', 0, 1, 0, null],
    ]);
  });

  it('drills down to the orders of a source', async () => {
    const res = await manager.get(`/api/v1/reports/sources/customers?${JAN}&metric=orders&key=${ids.s1}`);
    expect(res.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [ids.customer.SA, ids.customer.SB].sort(),
    );
  });

  it('exports with the note that no campaign records a cost', async () => {
    const res = await download(manager, `/api/v1/reports/sources/export?${JAN}&lang=en`);
    const rows = await sheetOf(res.body);
    expect(String(rows[2]?.[0])).toContain('no campaign records a cost');
    // An empty cell (a rate without a denominator) reads back as a hole: null here.
    expect(rows.slice(4).map((r) => Array.from(r.slice(0, 6), (v) => v ?? null))).toEqual([
      ['All', 4, 4, 2, 0.5, '—'],
      ['Previous period', 0, 0, 0, null, '—'],
      ['Traffic source 1', 3, 1, 2, 0.6667, '—'],
      ['Traffic source 2', 1, 2, 0, 0, '—'],
      ['(no source)', 0, 1, 0, null, '—'],
    ]);
  });
});
