import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

/**
 * Migration 0007: the funnel looks up each lead's first visit, test drive and order by lead (and a
 * visit without a lead by customer). Without an index on those columns every lookup read all of the
 * store's visits: 26 s for a one-month funnel of a 20,000-customer store (npm run bench, issue 7).
 */
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

/** The plan of one query with sequential scans priced out, so a tiny demo table still shows which index serves it. */
const planOf = async (query: ReturnType<typeof sql>) =>
  t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const result = (await tx.execute(sql`explain ${query}`)) as unknown as {
      rows: { 'QUERY PLAN': string }[];
    };
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  });

describe('the indexes behind the funnel lookups', () => {
  it("finds a lead's visits, orders and test drives, and a customer's visits, through their own index", async () => {
    const [lead] = await t.rows<{ dealer_id: string; id: string; customer_id: string }>(
      sql`select dealer_id, id, customer_id from leads order by created_at limit 1`,
    );
    expect(lead).toBeDefined();
    const { dealer_id: dealer, id, customer_id: customer } = lead as NonNullable<typeof lead>;
    const cases = [
      [
        'showroom_visits_lead_idx',
        sql`select * from showroom_visits where dealer_id = ${dealer} and lead_id = ${id}`,
      ],
      [
        'showroom_visits_customer_idx',
        sql`select * from showroom_visits where dealer_id = ${dealer} and customer_id = ${customer}`,
      ],
      ['orders_lead_idx', sql`select * from orders where dealer_id = ${dealer} and lead_id = ${id}`],
      [
        'test_drives_lead_idx',
        sql`select * from test_drives where dealer_id = ${dealer} and lead_id = ${id}`,
      ],
    ] as const;
    for (const [index, query] of cases) expect(await planOf(query)).toContain(index);
  });

  it('serves the funnel over HTTP with the visits and orders those lookups find', async () => {
    const manager = await t.as('manager');
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const res = await manager.get<{ steps: { step: string; count: { current: number } }[] }>(
      `/api/v1/reports/funnel?from=${day(Date.now() - 89 * 86_400_000)}&to=${day(Date.now())}`,
    );
    expect(res.status).toBe(200);
    const count = (step: string) => res.body.steps.find((s) => s.step === step)?.count.current ?? 0;
    expect(count('leads')).toBeGreaterThan(0);
    expect(count('visited')).toBeGreaterThan(0);
    expect(count('ordered')).toBeGreaterThan(0);
    expect(count('visited')).toBeLessThanOrEqual(count('leads'));
  });
});
