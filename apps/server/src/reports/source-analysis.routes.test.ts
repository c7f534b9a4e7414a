import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildOrderFacts } from '../customers/order-facts';
import { customers, leadSources, leads, orders, showroomVisits } from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { download, sheetOf } from '../test-support/xlsx-download';

/**
 * The source analysis over HTTP (core/reports/source-analysis.ts), written into the demo store SH-PD
 * (Shanghai). The clock stands in June 2027, so the demo's 90 days (March - June 2027) lie far from
 * November 2026 and its previous period, 2 - 31 October. Every lead has a source (the column is
 * required); events without one are visits and orders. Lead: source, owner, series, customer.
 *
 *   November
 *   L1 11-03        S1 C1 X  A   visit V1 11-04 logs S2 (counts for S2); order O1 11-20 (S1, though
 *                                card A names S3)
 *   L2 11-05        S1 C1 X  B   phone-in 11-06 logging S1: no visit
 *   L3 11-10        S2 C2 Y  C   visit V2 11-11 logs nothing (its lead's S2); order 11-21 cancelled
 *   L4 1 Nov 00:30  S2 C2 X  D   (31 Oct 16:30 UTC)
 *   L5 30 Nov 23:30 S2 C1 Y  K   (30 Nov 15:30 UTC)
 *   V3 11-12 walk-in without lead, customer or source ('')
 *   V4 11-13 walk-in without lead, customer E, logs S1 (S1)
 *   O3 11-25 order of E without lead: E's source S2;  O4 11-26 order of F without lead: F has none ('')
 *   L6 1 Dec 00:10 (30 Nov 16:10 UTC) and L7 20 Sep: in neither period
 *
 *   October (previous)
 *   P1 10-15        S3 C1 X  G   visit 10-16 logs nothing (S3); order 10-20 (S3)
 *   P2 31 Oct 23:30 S2 C2 -  H   (31 Oct 15:30 UTC)
 *
 *   source  November l/v/o  rate    October l/v/o
 *   S2      3 / 2 / 1       0.3333  1 / 0 / 0
 *   S1      2 / 1 / 1       0.5     0 / 0 / 0
 *   ''      0 / 1 / 1       -       0 / 0 / 0
 *   S3      0 / 0 / 0       -       1 / 1 / 1
 *   all     5 / 4 / 3       0.6     2 / 1 / 1
 */
const NOV = 'from=2026-11-01&to=2026-11-30';

type Figures = {
  leads: number;
  visits: number;
  orders: number;
  leadToOrderRate: number | null;
  cost: number | null;
  costPerLead: number | null;
};
type Sources = {
  meta: { previousFrom: string; previousTo: string; consultantId: string | null; ownFiguresOnly: boolean };
  costRecorded: boolean;
  total: { current: Figures; previous: Figures };
  sources: { key: string; name: string; nameEn: string | null; current: Figures; previous: Figures }[];
};
type Page = { items: { id: string }[]; total: number };

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let ids: {
  store: string;
  c1: string;
  c2: string;
  s1: string;
  s2: string;
  s3: string;
  x: string;
  y: string;
  customer: Record<string, string>;
};

const one = async <T>(query: ReturnType<typeof sql>) => (await t.rows<T>(query))[0] as T;
const at = (iso: string) => new Date(iso);

const seed = async () => {
  const store = (await one<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)).id;
  const user = async (name: string) =>
    (await one<{ id: string }>(sql`select id from users where username = ${name}`)).id;
  const [c1, c2] = [await user('consultant1'), await user('consultant2')];
  const series = await t.rows<{ id: string }>(
    sql`select id from catalog_series where dealer_id = ${store} order by name limit 2`,
  );
  const [x, y] = [series[0]?.id as string, series[1]?.id as string];
  const [s1, s2, s3] = [randomUUID(), randomUUID(), randomUUID()];
  await t.db.insert(leadSources).values(
    [s1, s2, s3].map((id, i) => ({
      dealerId: store,
      id,
      tier: 'channel' as const,
      code: `SRC-T${i + 1}`,
      nameZh: `来源分析${i + 1}`,
      nameEn: `Analysed source ${i + 1}`,
    })),
  );
  const customer: Record<string, string> = {};
  const card = async (key: string, sourceId: string | null) => {
    const id = randomUUID();
    customer[key] = id;
    const n = String(Object.keys(customer).length).padStart(6, '0');
    await t.db.insert(customers).values({
      dealerId: store,
      id,
      cardNo: `SRC-${key}`,
      name: `来源客户${key}`,
      phoneE164: `+8613600${n}`,
      phoneRaw: `13600${n}`,
      sourceId,
      ownerId: c1,
    });
    return id;
  };
  const lead = async (
    key: string,
    createdAt: string,
    sourceId: string,
    ownerId: string,
    seriesId: string | null,
  ) => {
    const customerId = await card(key, sourceId);
    const id = randomUUID();
    await t.db.insert(leads).values({
      dealerId: store,
      id,
      customerId,
      sourceId,
      ownerId,
      seriesId,
      channel: 'walk_in',
      createdAt: at(createdAt),
    });
    return { customerId, leadId: id };
  };
  const visit = (
    arrivedAt: string,
    fields: { customerId?: string; leadId?: string; sourceId?: string; kind?: 'visit' | 'phone_in' },
  ) =>
    t.db.insert(showroomVisits).values({
      dealerId: store,
      id: randomUUID(),
      arrivedAt: at(arrivedAt),
      firstVisit: true,
      leftContact: true,
      ...fields,
    });
  let orderNo = 0;
  const order = (
    customerId: string,
    leadId: string | null,
    orderedAt: string,
    status: 'confirmed' | 'delivered' | 'cancelled' = 'confirmed',
  ) =>
    t.db.insert(orders).values({
      dealerId: store,
      id: randomUUID(),
      orderNo: `SRC-O${++orderNo}`,
      customerId,
      leadId,
      consultantId: c1,
      price: 160_000,
      paymentMethod: 'cash',
      status,
      orderedAt: at(orderedAt),
      deliveredAt: status === 'delivered' ? at(orderedAt) : null,
    });

  const l1 = await lead('A', '2026-11-03T02:00:00Z', s1, c1, x);
  await visit('2026-11-04T02:00:00Z', { ...l1, sourceId: s2 });
  await order(l1.customerId, l1.leadId, '2026-11-20T02:00:00Z');
  const l2 = await lead('B', '2026-11-05T02:00:00Z', s1, c1, x);
  await visit('2026-11-06T02:00:00Z', { ...l2, sourceId: s1, kind: 'phone_in' });
  const l3 = await lead('C', '2026-11-10T02:00:00Z', s2, c2, y);
  await visit('2026-11-11T02:00:00Z', l3);
  await order(l3.customerId, l3.leadId, '2026-11-21T02:00:00Z', 'cancelled');
  await lead('D', '2026-10-31T16:30:00Z', s2, c2, x);
  await lead('K', '2026-11-30T15:30:00Z', s2, c1, y);
  await visit('2026-11-12T02:00:00Z', {});
  const e = await card('E', s2);
  await visit('2026-11-13T02:00:00Z', { customerId: e, sourceId: s1 });
  await order(e, null, '2026-11-25T02:00:00Z', 'delivered');
  const f = await card('F', null);
  await order(f, null, '2026-11-26T02:00:00Z');
  await lead('L6', '2026-11-30T16:10:00Z', s1, c1, x);
  await lead('L7', '2026-09-20T02:00:00Z', s1, c1, x);

  const p1 = await lead('G', '2026-10-15T02:00:00Z', s3, c1, x);
  await visit('2026-10-16T02:00:00Z', p1);
  await order(p1.customerId, p1.leadId, '2026-10-20T02:00:00Z');
  await lead('H', '2026-10-31T15:30:00Z', s2, c2, null);
  // A's card names another source than its lead L1: O1 still counts for L1's S1.
  await t.db.update(customers).set({ sourceId: s3 }).where(eq(customers.id, l1.customerId));
  // Written straight into the tables, as a bulk load does: the order facts are rebuilt as after one.
  await rebuildOrderFacts(t.db, [store]);
  ids = { store, c1, c2, s1, s2, s3, x, y, customer };
};

/** Each source as [key, leads, visits, orders, rate] of one period. */
const rowsOf = (report: Sources, period: 'current' | 'previous') =>
  report.sources.map((s) => [
    s.key,
    s[period].leads,
    s[period].visits,
    s[period].orders,
    s[period].leadToOrderRate,
  ]);
const lvo = (f: Figures) => [f.leads, f.visits, f.orders];

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  await seed();
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the source analysis report', () => {
  it('counts the hand-computed November and October per source, most leads first', async () => {
    const res = await manager.get<Sources>(`/api/v1/reports/sources?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ previousFrom: '2026-10-02', previousTo: '2026-10-31' });
    expect(res.body.costRecorded).toBe(false);
    expect(res.body.total).toEqual({
      current: { leads: 5, visits: 4, orders: 3, leadToOrderRate: 0.6, cost: null, costPerLead: null },
      previous: { leads: 2, visits: 1, orders: 1, leadToOrderRate: 0.5, cost: null, costPerLead: null },
    });
    // '' and S3 have no lead in November: '' ranks first on its order.
    expect(rowsOf(res.body, 'current')).toEqual([
      [ids.s2, 3, 2, 1, 0.3333],
      [ids.s1, 2, 1, 1, 0.5],
      ['', 0, 1, 1, null],
      [ids.s3, 0, 0, 0, null],
    ]);
    expect(rowsOf(res.body, 'previous')).toEqual([
      [ids.s2, 1, 0, 0, 0],
      [ids.s1, 0, 0, 0, null],
      ['', 0, 0, 0, null],
      [ids.s3, 1, 1, 1, 1],
    ]);
    expect(res.body.sources.map((s) => [s.name, s.nameEn])).toEqual([
      ['来源分析2', 'Analysed source 2'],
      ['来源分析1', 'Analysed source 1'],
      ['', null],
      ['来源分析3', 'Analysed source 3'],
    ]);
  });

  it("narrows to a consultant's leads and what they led to, leaving out visits and orders without a lead", async () => {
    // C1: L1, L2, L5; V1 (L1, logging S2); O1 (L1). October: P1 with its visit and order.
    const res = await manager.get<Sources>(`/api/v1/reports/sources?${NOV}&consultantId=${ids.c1}`);
    expect(res.body.meta.consultantId).toBe(ids.c1);
    expect(lvo(res.body.total.current)).toEqual([3, 1, 1]);
    expect(lvo(res.body.total.previous)).toEqual([1, 1, 1]);
    expect(rowsOf(res.body, 'current')).toEqual([
      [ids.s1, 2, 0, 1, 0.5],
      [ids.s2, 1, 1, 0, 0],
      [ids.s3, 0, 0, 0, null],
    ]);
  });

  it('narrows by series, and by source of the lead while a visit keeps the source it logged', async () => {
    // Series Y: L3 (its visit V2; its order was cancelled) and L5.
    const y = await manager.get<Sources>(`/api/v1/reports/sources?${NOV}&seriesId=${ids.y}`);
    expect(lvo(y.body.total.current)).toEqual([2, 1, 0]);
    expect(lvo(y.body.total.previous)).toEqual([0, 0, 0]);
    expect(rowsOf(y.body, 'current')).toEqual([[ids.s2, 2, 1, 0, 0]]);
    // Leads of S1: L1 and L2; L1's visit logged S2, its order counts for S1.
    const s1 = await manager.get<Sources>(`/api/v1/reports/sources?${NOV}&sourceId=${ids.s1}`);
    expect(rowsOf(s1.body, 'current')).toEqual([
      [ids.s1, 2, 0, 1, 0.5],
      [ids.s2, 0, 1, 0, null],
    ]);
  });

  it('shows a consultant only their own figures, whatever consultant they ask for', async () => {
    const own = await consultant1.get<Sources>(`/api/v1/reports/sources?${NOV}&consultantId=${ids.c2}`);
    expect(own.status).toBe(200);
    expect(own.body.meta).toMatchObject({ consultantId: ids.c1, ownFiguresOnly: true });
    expect(lvo(own.body.total.current)).toEqual([3, 1, 1]);
    expect(lvo(own.body.total.previous)).toEqual([1, 1, 1]);
  });

  it('keeps the receptionist out, and another store out of a store manager', async () => {
    const reception = await t.as('reception');
    expect((await reception.get(`/api/v1/reports/sources?${NOV}`)).status).toBe(403);
    const other = await one<{ id: string }>(sql`select id from dealers where code = 'SH-MH'`);
    expect((await manager.get(`/api/v1/reports/sources?${NOV}&dealerId=${other.id}`)).status).toBe(404);
  });
});

describe('drilling down to the customers behind a source figure', () => {
  const customersOf = async (client: ApiClient, query: string) => {
    const res = await client.get<Page>(`/api/v1/reports/sources/customers?${NOV}&${query}`);
    expect(res.status).toBe(200);
    return res.body.items.map((c) => c.id).sort();
  };
  const of = (...keys: string[]) => keys.map((key) => ids.customer[key]).sort();

  it('lists the customers of one source, of no source, of all, and of the previous period', async () => {
    expect(await customersOf(manager, `metric=visits&key=${ids.s2}`)).toEqual(of('A', 'C'));
    expect(await customersOf(manager, 'metric=orders&key=')).toEqual(of('F'));
    expect(await customersOf(manager, 'metric=orders')).toEqual(of('A', 'E', 'F'));
    expect(await customersOf(manager, 'metric=leads&period=previous')).toEqual(of('G', 'H'));
  });

  it("lists a consultant's own customers only", async () => {
    expect(await customersOf(consultant1, `metric=leads&consultantId=${ids.c2}`)).toEqual(of('A', 'B', 'K'));
  });

  it('refuses an unknown figure', async () => {
    expect((await manager.get(`/api/v1/reports/sources/customers?${NOV}&metric=bogus`)).status).toBe(422);
  });
});

describe('exporting the source analysis', () => {
  it('streams the figures of both periods as xlsx', async () => {
    const res = await download(manager, `/api/v1/reports/sources/export?${NOV}&lang=en`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    const rows = await sheetOf(res.body);
    // Three heading lines, the header, then All, Previous period and each source of November.
    expect(rows.slice(4).map((r) => Array.from(r.slice(0, 4), (v) => v ?? null))).toEqual([
      ['All', 5, 4, 3],
      ['Previous period', 2, 1, 1],
      ['Analysed source 2', 3, 2, 1],
      ['Analysed source 1', 2, 1, 1],
      ['(no source)', 0, 1, 1],
      ['Analysed source 3', 0, 0, 0],
    ]);
  });

  it('refuses a consultant', async () => {
    expect((await download(consultant1, `/api/v1/reports/sources/export?${NOV}`)).status).toBe(403);
  });
});
