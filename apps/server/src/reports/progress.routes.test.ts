import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, leadLevelChanges, leadSources, leads, orders } from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * The progress table over HTTP with the fixture of packages/core/src/reports/progress-ledger.test.ts
 * (November 2026 in Shanghai), written into the demo store SH-PD under its own campaign code; the clock
 * stands in June 2027, far from the demo's March - June 2027.
 *
 *   L1 c1 5 Oct, null->C 5 Oct, C->B 3 Nov, B->A 20 Nov: open       L2 c1 10 Oct, B, ordered 15 Nov: sold
 *   L3 c1 2 Nov, null->H: new, open                                  L4 c1 1 Sep, lost 20 Oct: not on it
 *   L5 c1 1 Oct, A->C 10 Nov, lost 30 Nov 23:30 Shanghai: defeated   L6 c1 1 Dec 00:30 Shanghai: December's
 *   L7 c1 1 Nov 00:10 Shanghai, B: new, open                         L8 c1 15 Oct, B->O and ordered 2 Dec: open at B
 *   L9 c2 5 Nov, never graded
 */
const CAMPAIGN = 'PROGRESS-T';
const NOV = `from=2026-11-01&to=2026-11-30&campaignCode=${CAMPAIGN}`;

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let ids: { c1: string; c2: string; customer: Record<string, string> };

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
    code: 'PROGRESS-S',
    nameZh: '进度来源',
    nameEn: 'Progress source',
  });
  const customer: Record<string, string> = {};
  type Spec = {
    owner: string;
    createdAt: string;
    level?: 'O' | 'H' | 'A' | 'B' | 'C';
    changes?: [string, string | null, string][];
    soldAt?: string;
    lostAt?: string;
  };
  const lead = async (key: string, spec: Spec) => {
    const customerId = randomUUID();
    customer[key] = customerId;
    const serial = Object.keys(customer).length;
    await t.db.insert(customers).values({
      dealerId: store,
      id: customerId,
      cardNo: `PRG-${key}`,
      name: `进度客户${key}`,
      phoneE164: `+8613600${String(serial).padStart(6, '0')}`,
      sourceId: source,
      ownerId: spec.owner,
      createdAt: at(spec.createdAt),
    });
    const leadId = randomUUID();
    await t.db.insert(leads).values({
      dealerId: store,
      id: leadId,
      customerId,
      sourceId: source,
      ownerId: spec.owner,
      campaignCode: CAMPAIGN,
      channel: 'walk_in',
      level: spec.level ?? null,
      status: spec.lostAt ? 'lost' : 'open',
      closedAt: spec.lostAt ? at(spec.lostAt) : null,
      createdAt: at(spec.createdAt),
    });
    for (const [when, from, to] of spec.changes ?? [])
      await t.db
        .insert(leadLevelChanges)
        .values({ dealerId: store, leadId, fromLevel: from, toLevel: to, changedAt: at(when) });
    if (spec.soldAt)
      await t.db.insert(orders).values({
        dealerId: store,
        orderNo: `PRG-${key}`,
        customerId,
        leadId,
        consultantId: spec.owner,
        price: 150_000,
        paymentMethod: 'cash',
        status: 'confirmed',
        orderedAt: at(spec.soldAt),
      });
  };
  await lead('L1', {
    owner: c1,
    createdAt: '2026-10-05T02:00:00Z',
    level: 'A',
    changes: [
      ['2026-10-05T02:00:00Z', null, 'C'],
      ['2026-11-03T02:00:00Z', 'C', 'B'],
      ['2026-11-20T02:00:00Z', 'B', 'A'],
    ],
  });
  await lead('L2', {
    owner: c1,
    createdAt: '2026-10-10T02:00:00Z',
    level: 'B',
    soldAt: '2026-11-15T03:00:00Z',
  });
  await lead('L3', {
    owner: c1,
    createdAt: '2026-11-02T02:00:00Z',
    level: 'H',
    changes: [['2026-11-02T02:00:00Z', null, 'H']],
  });
  await lead('L4', {
    owner: c1,
    createdAt: '2026-09-01T02:00:00Z',
    level: 'C',
    lostAt: '2026-10-20T02:00:00Z',
  });
  await lead('L5', {
    owner: c1,
    createdAt: '2026-10-01T02:00:00Z',
    level: 'C',
    changes: [['2026-11-10T02:00:00Z', 'A', 'C']],
    lostAt: '2026-11-30T15:30:00Z',
  });
  await lead('L6', { owner: c1, createdAt: '2026-11-30T16:30:00Z', level: 'B' });
  await lead('L7', { owner: c1, createdAt: '2026-10-31T16:10:00Z', level: 'B' });
  await lead('L8', {
    owner: c1,
    createdAt: '2026-10-15T02:00:00Z',
    level: 'O',
    changes: [['2026-12-02T02:00:00Z', 'B', 'O']],
    soldAt: '2026-12-02T02:00:00Z',
  });
  await lead('L9', { owner: c2, createdAt: '2026-11-05T02:00:00Z' });
  ids = { c1, c2, customer };
};

type Ledger = {
  consultant: { id: string };
  summary: Record<string, unknown>;
  rows: {
    customer: { cardNo: string };
    levelAtStart: string | null;
    levelAsOf: string | null;
    result: string | null;
    struck: boolean;
    changes: { from: string | null; to: string }[];
  }[];
};
const ledgerOf = (body: { consultants: Ledger[] }, id: string) =>
  body.consultants.find((c) => c.consultant.id === id) as Ledger;

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => new Date('2027-06-01T02:00:00Z') } });
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  await seedFixture();
});
afterAll(() => t?.close());

describe("November 2026's progress table", () => {
  it('lists each consultant’s leads with level changes and results, as in the core test', async () => {
    const res = await manager.get(`/api/v1/reports/progress?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      month: '2026-11',
      previousMonth: '2026-10',
      asOf: '2026-11-30T16:00:00.000Z',
    });
    const c1 = ledgerOf(res.body, ids.c1);
    expect(c1.rows.map((r) => [r.customer.cardNo, r.levelAtStart, r.levelAsOf, r.result, r.struck])).toEqual([
      ['PRG-L3', null, 'H', null, false],
      ['PRG-L1', 'C', 'A', null, false],
      ['PRG-L7', null, 'B', null, false],
      ['PRG-L8', 'B', 'B', null, false],
      ['PRG-L2', 'B', 'B', 'sold', true],
      ['PRG-L5', 'A', 'C', 'defeated', true],
    ]);
    expect(c1.rows[1]?.changes.map((c) => `${c.from}->${c.to}`)).toEqual(['C->B', 'B->A']);
    expect(c1.summary).toEqual({
      opening: { O: 0, H: 0, A: 1, B: 2, C: 1, none: 0 },
      openingTotal: 4,
      new: 2,
      upgraded: 2,
      downgraded: 1,
      sold: 1,
      defeated: 1,
      closing: { O: 0, H: 1, A: 1, B: 2, C: 0, none: 0 },
      carried: 4,
    });
    expect(ledgerOf(res.body, ids.c2).summary).toMatchObject({ new: 1, carried: 1, closing: { none: 1 } });
    expect(res.body.total.current).toMatchObject({
      openingTotal: 4,
      new: 3,
      sold: 1,
      defeated: 1,
      carried: 5,
    });
    // October: L4 defeated; L1, L5, L2, L8 new and open (L7 is November's)
    expect(res.body.total.previous).toMatchObject({ new: 4, defeated: 1, carried: 4 });
  });

  it('rolls over into December: the struck ones are gone, the rest carried at their level', async () => {
    const res = await manager.get(
      `/api/v1/reports/progress?from=2026-12-01&to=2026-12-31&campaignCode=${CAMPAIGN}`,
    );
    const c1 = ledgerOf(res.body, ids.c1);
    expect(c1.summary).toMatchObject({
      opening: { O: 0, H: 1, A: 1, B: 2, C: 0, none: 0 },
      new: 1,
      sold: 1,
      upgraded: 1,
      carried: 4,
    });
    expect(c1.rows.map((r) => r.customer.cardNo).sort()).toEqual([
      'PRG-L1',
      'PRG-L3',
      'PRG-L6',
      'PRG-L7',
      'PRG-L8',
    ]);
  });

  it('drills down to the leads carried at a level', async () => {
    const res = await manager.get(
      `/api/v1/reports/progress/customers?${NOV}&metric=carried&level=B&key=${ids.c1}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { cardNo: string }) => c.cardNo).sort()).toEqual(['PRG-L7', 'PRG-L8']);
    const sold = await manager.get(`/api/v1/reports/progress/customers?${NOV}&metric=sold`);
    expect(sold.body.items.map((c: { id: string }) => c.id)).toEqual([ids.customer.L2]);
  });

  it('a consultant sees only their own table and may not export it', async () => {
    const res = await consultant1.get(`/api/v1/reports/progress?${NOV}`);
    expect(res.status).toBe(200);
    expect(res.body.consultants.map((c: Ledger) => c.consultant.id)).toEqual([ids.c1]);
    expect((await consultant1.get(`/api/v1/reports/progress/export?${NOV}`)).status).toBe(403);
  });

  it('exports one line per lead for the manager, audited', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/reports/progress/export?${NOV}&lang=en`, {
      headers: { cookie: manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const lines: string[] = [];
    book.worksheets[0]?.eachRow((row) => lines.push((row.values as unknown[]).join('|')));
    expect(lines.filter((l) => l.includes('PRG-')).length).toBe(7);
    expect(lines.some((l) => l.includes('PRG-L5') && l.includes('Defeated'))).toBe(true);
    const audit = await one<{ after: { rows: number } }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'progress' order by id desc limit 1`,
    );
    expect(audit.after.rows).toBe(7);
  });
});
